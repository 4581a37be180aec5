"""A role for every paragraph of the article, from what the page's DOM says.

Each paragraph of the chosen text is found among the page's own paragraphs
(by its text, so the rule is the same whichever candidate won), and:

- a heading tag makes it a "heading";
- a `<figcaption>` or a class/id naming a caption, credit, byline, dateline
  or promo (`dom_hints`) gives that role to a short paragraph (a long one is
  prose whatever its container is called);
- a short line next to an `<img>` is a "caption": right after it, right
  before one (shorter still), or alone between two (longer allowed);
- unless the same hint covers most of the article: then it was read from a
  container wrapping the whole post (WordPress puts `status-publish` and
  `author-jane` on every `<article>`), and its paragraphs are prose;
- a short bracketed line closing the article ("（本文来源：…）", "[Editor's
  note: …]") is a "note".

Everything else is "prose". Offsets index `Article.text`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.extraction.choose import PageView, page_key
from summarizer.extraction.html_text import TextBlock, visible_chars
from summarizer.models import Block, Role

# Furniture is short: above this many characters a paragraph is prose
# whatever its container's class says.
MAX_FURNITURE_CHARS = 200
# An image's neighbour is its caption only if at most this long: a line right
# after an image, one right before it (captions rarely come first, so
# stricter), one alone between two images (surely a caption, so looser).
MAX_CAPTION_AFTER = 40
MAX_CAPTION_BEFORE = 20
MAX_CAPTION_BETWEEN = 60
MAX_NOTE_CHARS = 150
# Furniture is a small part of an article: a DOM hint on more than this share
# of its characters came from a container around the article itself. On the
# 67 labelled development pages, 6 had 52-100 % of their text under one role
# this way (4 of them 74-100 % byline or dateline, from post classes such as
# `status-publish`; their figures and points were lost); the next was 44 %.
MAX_HINTED_SHARE = 0.5
_BRACKETED = re.compile(r"^[(\[（【〔].*[)\]）】〕]$", re.DOTALL)
_HINTED: dict[str, Role] = {
    "heading": "heading",
    "caption": "caption",
    "credit": "credit",
    "byline": "byline",
    "dateline": "dateline",
    "promo": "promo",
}


def article_blocks(paragraphs: Sequence[str], page: PageView) -> tuple[Block, ...]:
    """One `Block` per paragraph of `"\\n\\n".join(paragraphs)`, with its role."""
    wrapping = _wrapping_hints(paragraphs, page)
    out: list[Block] = []
    start = 0
    for n, paragraph in enumerate(paragraphs):
        end = start + len(paragraph)
        role = _role(paragraph, page, last=n == len(paragraphs) - 1, ignored=wrapping)
        out.append(Block(start, end, role))
        start = end + 2
    return tuple(out)


def _wrapping_hints(paragraphs: Sequence[str], page: PageView) -> frozenset[str]:
    """The hints that cover more than `MAX_HINTED_SHARE` of the article's characters."""
    chars: dict[str, int] = {}
    for paragraph in paragraphs:
        i = page.index.get(page_key(paragraph))
        hint = page.blocks[i].hint if i is not None else None
        if hint in _HINTED and hint != "heading":
            chars[hint] = chars.get(hint, 0) + len(paragraph)
    total = sum(len(p) for p in paragraphs) or 1
    return frozenset(h for h, n in chars.items() if n > MAX_HINTED_SHARE * total)


def _role(paragraph: str, page: PageView, *, last: bool, ignored: frozenset[str]) -> Role:
    chars = visible_chars(paragraph)
    i = page.index.get(page_key(paragraph))
    if i is not None:
        block = page.blocks[i]
        hinted = block.hint in _HINTED and block.hint not in ignored
        if block.hint == "heading" or (hinted and chars <= MAX_FURNITURE_CHARS):
            return _HINTED[block.hint or "heading"]
        if _image_caption(page.blocks, i, chars):
            return "caption"
    if last and chars <= MAX_NOTE_CHARS and _BRACKETED.match(paragraph.strip()):
        return "note"
    return "prose"


def _image_caption(blocks: Sequence[TextBlock], i: int, chars: int) -> bool:
    after = blocks[i].after_image
    before = i + 1 < len(blocks) and blocks[i + 1].after_image
    if after and before:
        return chars <= MAX_CAPTION_BETWEEN
    return chars <= (MAX_CAPTION_AFTER if after else MAX_CAPTION_BEFORE if before else 0)
