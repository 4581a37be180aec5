"""Turn what a user gave (plain text, Markdown with front matter, or HTML) into an `Article`.

Input: one string. Output: an `Article`. Failure: `EmptyInput`,
`BinaryInput` or `InputTooLarge` — checked here, once, for every entry
point. HTML goes through `summarizer.extraction.extractor`; YAML front matter (as in
Jekyll posts and the bundled huxiu.com sample) supplies metadata under the
keys writers actually use (title, author, url/link, name/site/source,
time/date/published). Front matter is read with a safe YAML loader that
refuses aliases, only from its first `MAX_FRONT_MATTER_CHARS`, and a field
over its size cap (or a `url` that is not an http(s) link) is left out.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from summarizer.errors import BinaryInput, EmptyInput, InputTooLarge
from summarizer.fetching.urls import public_link
from summarizer.models import Article

__all__ = ["MAX_INPUT_CHARS", "parse_source"]

MAX_INPUT_CHARS = 2_000_000
# Control characters other than tab, line and page ends: counted in C, not one by one
# (the per-character count was ~4 % of an English digest).
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)|<body[\s>]", re.I)
# Front matter is a few lines of metadata: a block longer than this is not
# front matter (and YAML parsing is pure Python, ~1 MB/s).
MAX_FRONT_MATTER_CHARS = 16_384
_FENCE = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)
_FIELD_LIMITS = {"title": 500, "author": 300, "url": 2_048, "site": 200, "published": 100}
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
    if "\x00" in sample or len(_BINARY.findall(sample)) > len(sample) // 20:
        raise BinaryInput()


def _from_front_matter(text: str) -> Article:
    split = _split_front_matter(text)
    meta = _load_yaml(split[0]) if split else None
    if split is None or meta is None:  # no closed or no valid front matter: all of it is text
        return Article(text=text.strip())
    body = split[1].strip()
    if not body:
        raise EmptyInput()
    return Article(
        text=body,
        title=_field(meta, "title"),
        url=_field(meta, "url"),
        site=_field(meta, "site"),
        author=_field(meta, "author"),
        published=_field(meta, "published"),
    )


def _split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter, body) when a closing `---` comes within `MAX_FRONT_MATTER_CHARS`."""
    stripped = text.lstrip()
    opening = _FENCE.match(stripped)
    closing = opening and _FENCE.search(stripped, opening.end(), MAX_FRONT_MATTER_CHARS)
    if not opening or not closing:
        return None
    return stripped[opening.end() : closing.start()], stripped[closing.end() :]


class _NoAliasLoader(yaml.SafeLoader):  # type: ignore[misc]
    """YAML's safe loader, refusing aliases: `*a` repeats a node, and nested
    aliases grow exponentially (a 674-byte "billion laughs" took 865 MB)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def _load_yaml(block: str) -> dict[str, Any] | None:
    try:
        meta = yaml.load(block, Loader=_NoAliasLoader)  # a safe loader, without aliases
    except (yaml.YAMLError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _field(metadata: dict[str, Any], field: str) -> str | None:
    """The first key writers use for `field`, as text; None when it is over its size cap.

    A URL must be an http(s) link (it becomes a button); credentials are dropped.
    """
    for name in _META_KEYS[field]:
        value = metadata.get(name)
        if value:
            text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            if len(text) > _FIELD_LIMITS[field]:
                return None
            return public_link(text) if field == "url" else text.strip()
    return None
