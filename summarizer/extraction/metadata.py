"""Title, author, publish date and site name of an article page.

Each field is taken from the most explicit source the page offers: a site
rule's element, then `<meta>` tags and JSON-LD (via trafilatura's metadata),
then labelled text on the page ("作者：…", "发布时间 2015-06-17 18:28").
None when the page does not say; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html
from readability.htmls import shorten_title

from summarizer.extraction.dates import normalise_date
from summarizer.extraction.site_rules import SiteRule

_PUBLISHED_META = (
    "article:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "ptime",
    "publish_time",
    "datePublished",
)
_AUTHOR_LABEL = re.compile(
    r"(?:作者|撰文|记者|编辑|文)\s*[：:/|｜]\s*([^\s，,。;；|｜/()（）=<>\"']{2,16})"
)
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
# How far into the page's text labelled bylines and dates are looked for.
HEADER_CHARS = 3000


_NON_LETTERS = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata found on a page; each field None when the page does not say."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None


def page_meta(
    root: html.HtmlElement,
    found: Meta,
    rule: SiteRule | None,
    header_text: str,
    *,
    chinese: bool = False,
) -> Meta:
    """Fill the gaps in `found` (the libraries' metadata) from the page itself.

    On Chinese portal pages trafilatura's title is often a neighbouring
    headline, so there it must be confirmed by the page's `<title>`
    (measured: title accuracy 0.43 → 0.71 on the news-site set); on other
    pages it is the better guess as it is (0.74 vs 0.66 confirmed).
    """
    library_title = _confirmed(found.title, root) if chinese else found.title
    title = (
        _select(root, rule.title if rule else None)
        or _h1_title(root)
        or library_title
        or shorten_title(root)
        or found.title
    )
    author = _select(root, rule.author if rule else None) or found.author
    author = author or _labelled_author(header_text[:HEADER_CHARS])
    return Meta(title, author, _published(root, found.published, header_text), found.site)


def meta_content(root: html.HtmlElement, key: str) -> str | None:
    """The content of `<meta property|name|itemprop=key>`, stripped, or None."""
    for attr in ("property", "name", "itemprop"):
        for node in root.xpath(f"//meta[@{attr}=$key]", key=key):
            value = (node.get("content") or "").strip()
            if value:
                return value
    return None


def _select(root: html.HtmlElement, selector: str | None) -> str | None:
    if not selector:
        return None
    for node in root.cssselect(selector):
        text = " ".join(node.text_content().split())
        if text:
            return text
    return None


def _h1_title(root: html.HtmlElement) -> str | None:
    """The page's `<h1>` when `<title>` confirms it is the headline, not a logo."""
    page_title = "".join((root.findtext(".//title") or "").split())
    for node in root.iter("h1"):
        text = " ".join(node.text_content().split())
        if len(text) >= 4 and "".join(text.split()) in page_title:
            return text
    return None


def _confirmed(candidate: str | None, root: html.HtmlElement) -> str | None:
    """`candidate` if the page's `<title>` says it too (or there is no `<title>`).

    trafilatura sometimes reads a neighbouring headline (a recommended
    article's) as the title; the page's own `<title>` tells them apart.
    """
    page_title = _letters(root.findtext(".//title") or "")
    if not candidate or not page_title:
        return candidate
    return candidate if _letters(candidate) in page_title else None


def _letters(text: str) -> str:
    """Letters, digits and Han only, lower-cased: titles compared beyond punctuation."""
    return _NON_LETTERS.sub("", text.lower())


def _labelled_author(text: str) -> str | None:
    """A Chinese byline ("作者：张三", "文/李四"): a name has Han characters, markup does not."""
    for match in _AUTHOR_LABEL.finditer(text):
        if _HAN_CHAR.search(match.group(1)):
            return match.group(1)
    return None


def _published(root: html.HtmlElement, found: str | None, header_text: str) -> str | None:
    """The most precise date: from meta tags, else the library's, else the byline."""
    for key in _PUBLISHED_META:
        if (value := meta_content(root, key)) and (iso := normalise_date(value)):
            return iso
    on_page = normalise_date(header_text[:HEADER_CHARS])
    if found and on_page and on_page.startswith(found[:10]):
        return on_page
    return normalise_date(found) if found else on_page
