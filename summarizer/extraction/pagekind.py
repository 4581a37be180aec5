"""Tell an article page from the pages that only stand where an article should.

Input: the page's visible text, how much of it is link text, and the main
text the extractor found. Output: nothing when the page is an article; else
it raises `Walled` (verification, paywall, login or consent wall),
`NotAnArticle` (JavaScript-only shell, home page, list of links) or
`Unreadable` (no text left), each with a short reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html

from summarizer.errors import NotAnArticle, Unreadable, Walled
from summarizer.extraction.html_text import visible_chars
from summarizer.extraction.site_rules import (
    CONSENT_MAX_CHARS,
    CONSENT_PHRASES,
    JAVASCRIPT_PHRASES,
    MAX_LINKED_SHARE,
    MAX_PAGE_LINK_DENSITY,
    MIN_ARTICLE_CHARS,
    PAYWALL_PHRASES,
    VERIFICATION_PHRASES,
    WALL_MAX_CHARS,
)


@dataclass(frozen=True, slots=True)
class PageText:
    """The page's visible text (lower-cased), its share inside links, its link texts."""

    text: str
    link_density: float
    scripts: int
    links: frozenset[str]


def page_text(root: html.HtmlElement, visible: list[str]) -> PageText:
    """Measure the page: its visible text and how much of that is link text."""
    text = "\n".join(visible)
    total = visible_chars(text)
    anchors = ["".join(a.text_content().split()) for a in root.iter("a")]
    density = min(1.0, sum(map(len, anchors)) / total) if total else 0.0
    scripts = sum(1 for _ in root.iter("script"))
    return PageText(text.lower(), density, scripts, frozenset(anchors))


def check_page(page: PageText, main_text: str) -> None:
    """Raise when the page is a wall or not an article; return for articles."""
    main_chars = visible_chars(main_text)
    if main_chars < WALL_MAX_CHARS:
        _check_walls(page.text, main_chars)
    if main_chars < MIN_ARTICLE_CHARS:
        if visible_chars(page.text) < MIN_ARTICLE_CHARS and (
            page.scripts or _has(page.text, JAVASCRIPT_PHRASES)
        ):
            raise NotAnArticle("the page needs JavaScript and has no text without it")
        if page.link_density > MAX_PAGE_LINK_DENSITY:
            raise NotAnArticle("the page is a list of links, not an article")
        raise Unreadable("no article text found on the page")
    if (
        page.link_density > MAX_PAGE_LINK_DENSITY
        and _linked_share(page, main_text) > MAX_LINKED_SHARE
    ):
        raise NotAnArticle("the page is a list of links, not an article")


def _check_walls(text: str, main_chars: int) -> None:
    if _has(text, VERIFICATION_PHRASES):
        raise Walled("a verification page stands in front of the article")
    if _has(text, PAYWALL_PHRASES):
        raise Walled("the article is behind a paywall or login")
    if main_chars < CONSENT_MAX_CHARS and _has(text, CONSENT_PHRASES):
        raise Walled("a cookie-consent wall stands in front of the article")


def _linked_share(page: PageText, text: str) -> float:
    """Share of the main text in paragraphs that are link texts (headlines of a list)."""
    paras = ["".join(p.split()) for p in text.split("\n\n")]
    linked = sum(len(p) for p in paras if p in page.links)
    return linked / max(1, sum(len(p) for p in paras))


def _has(text: str, phrases: tuple[str, ...]) -> bool:
    return any(phrase in text for phrase in phrases)
