"""Refuse an HTML page whose size alone would make parsing it too slow — before parsing it.

Input: the page as `str` (or its raw bytes, before decoding). Output: nothing.
Failure: `TooLarge`, with the limit that was passed in its detail.

Parsing and extraction are linear in the page's elements (0.12 ms per
paragraph through lxml, trafilatura and readability), except libxml2's
duplicate-attribute check, which is quadratic in the attributes of one tag
(1,000 attributes: 0.02 s; 4,000: 0.19 s; 100,000: over 120 s). So three
cheap scans, each one pass in C, run first:

- characters: `MAX_HTML_CHARS` (bytes: `MAX_HTML_BYTES`), the default fetch
  limit; the largest of the 390 benchmark pages is 1.6 MB;
- opening tags: `MAX_ELEMENTS`; the benchmark pages have at most 7,778
  (99th percentile 3,635), and 20,000 paragraphs extract in about 2.5 s;
- attributes in one tag: `MAX_ATTRIBUTES`; the benchmark pages have at most
  395 in one tag.

lxml itself parses 5 MB in 0.01 s; what costs is trafilatura and readability
on the text (5 M characters of prose: 4.4 s). So `check_text` refuses, right
after parsing, a page with more text than the summariser takes
(`MAX_TEXT_CHARS`, as `summarizer.extraction.source.MAX_INPUT_CHARS`).
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import html

from summarizer.errors import TooLarge
from summarizer.extraction.source import MAX_INPUT_CHARS

__all__ = [
    "MAX_ATTRIBUTES",
    "MAX_ELEMENTS",
    "MAX_HTML_BYTES",
    "MAX_HTML_CHARS",
    "MAX_TEXT_CHARS",
    "check_html",
    "check_text",
]

MAX_HTML_BYTES = 5 * 1024 * 1024
MAX_HTML_CHARS = MAX_HTML_BYTES
MAX_ELEMENTS = 20_000
MAX_TEXT_CHARS = MAX_INPUT_CHARS
MAX_ATTRIBUTES = 1_000

_OPENING_TAG = re.compile(r"<[A-Za-z]")
# One attribute, taken atomically so a failed count never backtracks into it.
_ATTRIBUTE = r"""(?>[\s/]++[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>]++))?+)"""
_CROWDED_TAG = re.compile(rf"<[A-Za-z][^\s/<>]*+{_ATTRIBUTE}{{{MAX_ATTRIBUTES}}}")


def check_html(page: str | bytes) -> None:
    """Raise `TooLarge` when `page` has more characters, elements or attributes than allowed."""
    if isinstance(page, bytes):
        if len(page) > MAX_HTML_BYTES:
            raise TooLarge(f"{len(page):,} bytes of HTML; the limit is {MAX_HTML_BYTES:,}")
        return
    if len(page) > MAX_HTML_CHARS:
        raise TooLarge(f"{len(page):,} characters of HTML; the limit is {MAX_HTML_CHARS:,}")
    if sum(1 for _ in islice(_OPENING_TAG.finditer(page), MAX_ELEMENTS + 1)) > MAX_ELEMENTS:
        raise TooLarge(f"more than {MAX_ELEMENTS:,} HTML elements")
    if _CROWDED_TAG.search(page):
        raise TooLarge(f"a tag with more than {MAX_ATTRIBUTES:,} attributes")


def check_text(root: html.HtmlElement) -> None:
    """Raise `TooLarge` when the parsed page holds more text than a digest is made from."""
    chars = len(root.text_content())
    if chars > MAX_TEXT_CHARS:
        raise TooLarge(f"{chars:,} characters of text; the limit is {MAX_TEXT_CHARS:,}")
