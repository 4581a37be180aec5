"""Turn what a user gave (plain text, Markdown with front matter, or HTML) into an `Article`.

Input: one string. Output: an `Article`. Failure: `EmptyInput`,
`BinaryInput` or `InputTooLarge` — checked here, once, for every entry
point. HTML goes through `summarizer.extraction.extractor`; YAML front matter (as in
Jekyll posts and the bundled huxiu.com sample) supplies metadata under the
keys writers actually use (title, author, url/link, name/site/source,
time/date/published).
"""

from __future__ import annotations

import re
from typing import Any

import frontmatter

from summarizer.errors import BinaryInput, EmptyInput, InputTooLarge
from summarizer.models import Article

__all__ = ["MAX_INPUT_CHARS", "parse_source"]

MAX_INPUT_CHARS = 2_000_000
_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)|<body[\s>]", re.I)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
_META_KEYS = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "by"),
    "url": ("url", "link", "source_url", "permalink"),
    "site": ("site", "name", "source", "publisher"),
    "published": ("published", "time", "date", "published_at"),
}


def parse_source(text: str) -> Article:
    """The article in `text`, with whatever metadata the text itself declares."""
    check_text(text)
    if _HTML.search(text[:5000]):
        from summarizer.extraction.extractor import extract  # heavy; only HTML needs it

        return extract(text)
    if text.lstrip().startswith("---"):
        return _from_front_matter(text)
    return Article(text=text.strip())


def check_text(text: str) -> None:
    """Refuse input no summary can come from: empty, binary or oversized."""
    if len(text) > MAX_INPUT_CHARS:
        raise InputTooLarge(f"{len(text):,} characters; the limit is {MAX_INPUT_CHARS:,}")
    if not text.strip():
        raise EmptyInput()
    sample = text[:4096]
    if (
        "\x00" in sample
        or sum(ch < " " and ch not in "\t\n\r\f" for ch in sample) > len(sample) // 20
    ):
        raise BinaryInput()


def _from_front_matter(text: str) -> Article:
    try:
        post = frontmatter.loads(text)
    except Exception:  # malformed YAML: the whole thing is just text
        return Article(text=text.strip())
    body = post.content.strip()
    if not body:
        raise EmptyInput()
    meta = post.metadata
    return Article(
        text=body,
        title=_first(meta, _META_KEYS["title"]),
        url=_first(meta, _META_KEYS["url"]),
        site=_first(meta, _META_KEYS["site"]),
        author=_first(meta, _META_KEYS["author"]),
        published=_first(meta, _META_KEYS["published"]),
    )


def _first(metadata: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = metadata.get(name)
        if value:
            return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return None
