"""Extract an article's main text and metadata from an HTML page (no network).

Input: the page as `str`, or raw bytes decoded by `summarizer.fetching.charset`.
Output: an `Article` whose `text` is the article's own words, paragraphs
separated by blank lines. Failure: `Walled`, `NotAnArticle` or `Unreadable`
(see `summarizer.extraction.pagekind`), each with a short reason.

The main text is chosen from up to three candidates, most specific first:
a site rule's article-body element (`summarizer.extraction.site_rules`); then, on
Chinese pages, readability-lxml (text-density scoring, the most precise there)
with trafilatura as fallback, and on other pages trafilatura (its boilerplate
model, the best on the English sets) with readability as fallback.
"""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import urlsplit

import trafilatura
from lxml import etree, html
from readability import Document
from trafilatura.settings import Document as TrafilaturaDocument

from summarizer.errors import Unreadable
from summarizer.extraction.html_limits import check_html, check_text
from summarizer.extraction.html_text import paragraphs, visible_chars
from summarizer.extraction.metadata import Meta, meta_content, page_meta
from summarizer.extraction.pagekind import check_page, page_text
from summarizer.extraction.site_rules import MIN_RULE_CHARS, SITE_RULES, SiteRule
from summarizer.fetching.charset import decode_html
from summarizer.models import Article

logger = logging.getLogger(__name__)

# readability's pick is trusted when it has this many characters and at most
# this share of them inside links (more is a menu or a list of related links).
MIN_READABILITY_CHARS = 100
MAX_CANDIDATE_LINK_DENSITY = 0.5
# A page is treated as Chinese when this share of its visible characters is Han.
HAN_SHARE = 0.3
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def extract(html_page: str | bytes, *, url: str | None = None) -> Article:
    """The article in `html_page`; raises when the page is not one we can read."""
    start = time.perf_counter()
    check_html(html_page)
    page = decode_html(html_page) if isinstance(html_page, bytes) else html_page
    check_html(page)
    root = _parse(page)
    check_text(root)
    visible = paragraphs(root)
    rule = _site_rule(url or _declared_url(root))
    library = _trafilatura(page, url)
    chinese = _mostly_han(visible)
    text = _rule_text(root, rule) or _main_text(page, library[0], chinese)
    check_page(page_text(root, visible), text)
    meta = page_meta(root, library[1], rule, "\n".join(visible), chinese=chinese, body=text)
    logger.debug("extract %s: %d chars in %.0f ms", url, len(text), _ms(start))
    return Article(
        text=text,
        title=meta.title,
        url=url,
        site=meta.site,
        author=meta.author,
        published=meta.published,
    )


def _parse(page: str) -> html.HtmlElement:
    try:
        return html.document_fromstring(page.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise Unreadable("the page is empty") from exc


_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=True)


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


def _rule_text(root: html.HtmlElement, rule: SiteRule | None) -> str:
    if rule is None:
        return ""
    for node in root.cssselect(rule.body):
        text = "\n\n".join(paragraphs(node))
        if visible_chars(text) >= MIN_RULE_CHARS:
            return text
    return ""


def _main_text(page: str, trafilatura_text: str, han: bool) -> str:
    """readability first on Chinese pages, trafilatura first on the others.

    On the benchmark sets readability is the more precise on Chinese news pages
    and trafilatura on English ones; each is the other's fallback.
    """
    if han:
        return _readability_text(page) or trafilatura_text
    if visible_chars(trafilatura_text) >= MIN_READABILITY_CHARS:
        return trafilatura_text
    return _readability_text(page) or trafilatura_text


def _mostly_han(visible: list[str]) -> bool:
    text = "".join(visible)
    han = len(_HAN.findall(text))
    return han >= HAN_SHARE * max(1, visible_chars(text))


def _readability_text(page: str) -> str:
    summary = Document(page).summary(html_partial=True)
    node = html.fragment_fromstring(summary, create_parent="div")
    text = "\n\n".join(paragraphs(node))
    links = sum(visible_chars(a.text_content()) for a in node.iter("a"))
    chars = visible_chars(text)
    if chars < MIN_READABILITY_CHARS or links > chars * MAX_CANDIDATE_LINK_DENSITY:
        return ""
    return text


def _trafilatura(page: str, url: str | None) -> tuple[str, Meta]:
    """trafilatura's main text (lines as paragraphs) and the metadata it read."""
    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True)
    if not isinstance(doc, TrafilaturaDocument):
        return "", Meta()
    lines = [line.strip() for line in (doc.text or "").splitlines()]
    text = "\n\n".join(line for line in lines if line)
    return text, Meta(doc.title, doc.author, doc.date, doc.sitename)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000
