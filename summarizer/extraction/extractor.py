"""Extract an article's main text, metadata and paragraph roles from an HTML page (no network).

Input: the page as `str`, or raw bytes decoded by `summarizer.fetching.charset`.
Output: an `Article` whose `text` is the article's own words, paragraphs
separated by blank lines, with a role per paragraph in `blocks`. Failure:
`Walled`, `NotAnArticle` or `Unreadable` (see `summarizer.extraction.pagekind`),
each with a short reason; `NotAnArticle` also when no candidate text is about
the page's headline (a related-stories feed is not the article).

Several candidates are read from the page (`candidates`: a site rule, our
text-density pick, the same anchored after the headline, readability-lxml,
trafilatura) and one score chooses among them per page (`choose`). Roles come
from the DOM (`roles`).
"""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import urlsplit

from lxml import etree, html
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Extractor

from summarizer.errors import NotAnArticle, Unreadable
from summarizer.extraction.candidates import (
    Candidate,
    density_candidates,
    readability_candidate,
    rule_candidate,
    trafilatura_candidate,
)
from summarizer.extraction.choose import Choice, PageView, choose, fits_title, page_view
from summarizer.extraction.headline import headline_index, title_terms
from summarizer.extraction.html_limits import check_html, check_text
from summarizer.extraction.html_text import TextBlock, text_blocks, visible_chars
from summarizer.extraction.metadata import Meta, meta_content, page_meta, with_body
from summarizer.extraction.pagekind import check_page, page_text
from summarizer.extraction.roles import article_blocks
from summarizer.extraction.site_rules import SITE_RULES, SiteRule
from summarizer.fetching.charset import decode_html
from summarizer.models import Article

logger = logging.getLogger(__name__)

# A page is treated as Chinese when this share of its visible characters is Han.
HAN_SHARE = 0.3
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def extract(html_page: str | bytes, *, url: str | None = None) -> Article:
    """The article in `html_page`; raises when the page is not one we can read."""
    start = time.perf_counter()
    check_html(html_page)
    page = decode_html(html_page) if isinstance(html_page, bytes) else html_page
    check_html(page)
    read = read_page(page, url)
    article = read.choice.article
    best = article or next(iter(read.choice.offered), None)
    check_page(page_text(read.root, read.visible), best.text if best else "")
    if article is None:
        raise NotAnArticle("no text on the page is about its headline (a list of other stories?)")
    logger.debug(
        "extract %s: %s, %d chars in %.0f ms", url, article.name, len(article.text), _ms(start)
    )
    return Article(
        text=article.text,
        title=read.meta.title,
        url=url,
        site=read.meta.site,
        author=read.meta.author,
        published=read.meta.published,
        blocks=article_blocks(article.paragraphs, read.view),
    )


class ReadPage:
    """A parsed page: its paragraphs, metadata, candidates and the article chosen."""

    def __init__(self, page: str, url: str | None) -> None:
        self.root = _parse(page)
        check_text(self.root)
        blocks = text_blocks(self.root)
        self.visible = [b.text for b in blocks]
        rule = _site_rule(url or _declared_url(self.root))
        self.chinese = _mostly_han(self.visible)
        header = "\n".join(self.visible)
        found = _library_meta(self.root, url)
        # the title places the headline; the chosen text may complete it (`with_body`)
        meta = page_meta(self.root, found, rule, header, chinese=self.chinese)
        self.view = _view(self.root, blocks, meta)
        self._page, self._url = page, url
        self._slow: list[Candidate | None] = []
        by_rule = rule_candidate(self.root, rule)
        if by_rule is not None and fits_title(by_rule, self.view):
            # a fitting site rule is taken as it is (`choose.pick`): nothing else to weigh
            self.cheap = [by_rule]
            self.choice = Choice(by_rule, (by_rule,))
        else:
            self.cheap = _cheap_candidates(self.root, by_rule, self.view)
            self.choice = choose(self.cheap, self.slow, self.view, han=self.chinese)
        self.meta = with_body(meta, self.choice.article.text if self.choice.article else "")

    def slow(self) -> Candidate | None:
        """trafilatura's candidate, computed once and only when asked (it is the slowest)."""
        if not self._slow:
            self._slow.append(trafilatura_candidate(self._page, self._url))
        return self._slow[0]


def read_page(page: str, url: str | None) -> ReadPage:
    """Parse `page`, read its metadata and candidates, and choose the article."""
    return ReadPage(page, url)


def _view(root: html.HtmlElement, blocks: list[TextBlock], meta: Meta) -> PageView:
    og_title = meta_content(root, "og:title")
    titles = (meta.title, og_title, root.findtext(".//title"))
    declared = headline_index(blocks, (og_title,))
    shown = declared is not None and blocks[declared].hint == "heading"
    terms = title_terms(titles)
    return page_view(blocks, headline_index(blocks, titles), terms, declared=shown)


def _cheap_candidates(
    root: html.HtmlElement, by_rule: Candidate | None, view: PageView
) -> list[Candidate]:
    found = [by_rule, *density_candidates(view.blocks, view.headline)]
    found.append(readability_candidate(root))
    return [c for c in found if c is not None]


def _library_meta(root: html.HtmlElement, url: str | None) -> Meta:
    """trafilatura's metadata alone, as `bare_extraction(with_metadata=True)` reads it.

    Read from our parsed tree rather than the page string: 5 ms less per
    page, the same metadata on 122 of 123 development pages (the other one
    trafilatura could not parse from the string, and got nothing). No copy:
    `extract_metadata` only reads the tree (htmldate and its author search
    prune their own copies); the same output on all 428 development pages.
    """
    options = Extractor(with_metadata=True, url=url)
    doc = extract_metadata(
        root,
        options.url,
        options.date_params,
        options.fast,
        options.author_blacklist,
    )
    return Meta(doc.title, doc.author, doc.date, doc.sitename)


def _parse(page: str) -> html.HtmlElement:
    try:
        return html.document_fromstring(page.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise Unreadable("the page is empty") from exc


def _html_parser() -> etree.HTMLParser:
    """An HTML parser whose elements are all `HtmlElement`s, looked up in C.

    lxml.html's own parser picks each element's class in Python (form,
    input, label… get their own subclasses, which no extractor here uses):
    that lookup ran 400,000 times on the Chinese news pages. The same output
    on all 428 development pages.
    """
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True)
    lookup = etree.ElementDefaultClassLookup(
        element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction
    )
    parser.set_element_class_lookup(lookup)
    return parser


_PARSER = _html_parser()


def _declared_url(root: html.HtmlElement) -> str | None:
    """The page's own idea of its address (saved pages come without one)."""
    canonical = root.xpath("//link[@rel='canonical']/@href")
    return meta_content(root, "og:url") or (str(canonical[0]) if canonical else None)


def _site_rule(url: str | None) -> SiteRule | None:
    host = (urlsplit(url).hostname or "") if url else ""
    for rule in SITE_RULES:
        if host == rule.host or host.endswith("." + rule.host):
            return rule
    return None


def _mostly_han(visible: list[str]) -> bool:
    text = "".join(visible)
    han = len(_HAN.findall(text))
    return han >= HAN_SHARE * max(1, visible_chars(text))


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000
