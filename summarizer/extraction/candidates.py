"""The main-text candidates a page offers, each a list of paragraphs.

- `rule`: a site rule's article-body element (`site_rules`), for shapes no
  general method sees;
- `density`: our own text-density pick over the whole page (`density`);
- `headline`: the same measure, on the block right after the headline;
- `readability`: readability-lxml's pick (its class-name and paragraph scoring);
- `trafilatura`: trafilatura's boilerplate model, the slowest, so it is only
  run when the cheaper ones do not settle the page (`choose`).

Which one becomes the article is decided per page by `choose`, never here.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

import trafilatura
from lxml import html
from lxml_html_clean import Cleaner
from readability import Document
from readability.readability import REGEXES
from trafilatura.settings import Document as TrafilaturaDocument

from summarizer.extraction.density import densest_blocks, next_blocks, page_density
from summarizer.extraction.dom_hints import HOVER_CARD_XPATH
from summarizer.extraction.html_text import TextBlock, paragraphs, visible_chars
from summarizer.extraction.site_rules import SiteRule

# A candidate with fewer visible characters than this is no article text.
MIN_CANDIDATE_CHARS = 50


@dataclass(frozen=True, slots=True)
class Candidate:
    """One extractor's idea of the main text: its name and its paragraphs."""

    name: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The paragraphs in `Article.text` format (blank-line separated)."""
        return "\n\n".join(self.paragraphs)


def _candidate(name: str, paras: Sequence[str]) -> Candidate | None:
    """A candidate of the non-empty paragraphs, each once: a page that holds its
    article twice (a hidden print copy) must not give it twice."""
    kept = tuple(dict.fromkeys(p for p in paras if p.strip()))
    if visible_chars("".join(kept)) < MIN_CANDIDATE_CHARS:
        return None
    return Candidate(name, kept)


def rule_candidate(root: html.HtmlElement, rule: SiteRule | None) -> Candidate | None:
    """The text of the first element the site rule's body selector finds."""
    if rule is None:
        return None
    for node in root.cssselect(rule.body):
        if found := _candidate("rule", paragraphs(node)):
            return found
    return None


def density_candidates(blocks: Sequence[TextBlock], headline: int | None) -> list[Candidate]:
    """The densest element of the page, and the block right after the headline."""
    page = page_density(blocks)
    found = [_candidate("density", [b.text for b in densest_blocks(page)])]
    if headline is not None:
        found.append(_candidate("headline", [b.text for b in next_blocks(page, headline)]))
    unique = {c.paragraphs: c for c in found if c is not None}
    return list(unique.values())


def readability_candidate(root: html.HtmlElement) -> Candidate | None:
    """readability-lxml's summary of the parsed page, as paragraphs."""
    summary = _TreeDocument(root).summary(html_partial=True)
    return _candidate("readability", paragraphs(html.fragment_fromstring(summary, "div")))


# readability-lxml's own cleaner, but for `javascript`: that option rewrites every
# link to strip javascript: URLs (40 % of readability's time on the Chinese news
# pages, measured) and changes no text.
_CLEANER = Cleaner(
    scripts=True,
    javascript=False,
    comments=True,
    style=True,
    links=True,
    meta=False,
    add_nofollow=False,
    page_structure=False,
    processing_instructions=True,
    embedded=False,
    frames=False,
    forms=False,
    annoying_tags=False,
    remove_unknown_tags=False,
    safe_attrs_only=False,
)


class _TreeDocument(Document):  # type: ignore[misc]  # readability-lxml is untyped
    """readability-lxml reading our parsed tree (no second parse) with `_CLEANER`.

    `_parse` is its one preparation step (hidden elements out, then cleaning);
    the same text comes out (checked on every development page).
    """

    def _parse(self, input: html.HtmlElement) -> html.HtmlElement:
        doc = copy.deepcopy(input)
        for elem in doc.xpath("//*[@hidden]"):
            elem.drop_tree()
        for elem in doc.xpath("//*[@style]"):
            if REGEXES["displayNoneRe"].search(elem.get("style")):
                elem.drop_tree()
        cleaned: html.HtmlElement = _CLEANER.clean_html(doc)
        return cleaned


def trafilatura_candidate(page: str, url: str | None) -> Candidate | None:
    """trafilatura's main text, one paragraph per output line (no metadata: see `metadata`)."""
    doc = trafilatura.bare_extraction(
        page, url=url, with_metadata=False, prune_xpath=HOVER_CARD_XPATH
    )
    if not isinstance(doc, TrafilaturaDocument):
        return None
    return _candidate("trafilatura", [line.strip() for line in (doc.text or "").splitlines()])
