"""A role for every paragraph of the article, from what the page's DOM says.

Each paragraph of the chosen text is found among the page's own paragraphs
(by its text, so the rule is the same whichever candidate won), and:

- a heading tag makes it a "heading";
- a `<figcaption>` or a class/id naming a caption, credit, byline, dateline
  or promo (`dom_hints`) gives that role to a short paragraph (a long one is
  prose whatever its container is called);
- a short line next to an `<img>` is a "caption": right after it, right
  before one (shorter still), or alone between two (longer allowed);
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
    out: list[Block] = []
    start = 0
    for n, paragraph in enumerate(paragraphs):
        end = start + len(paragraph)
        role = _role(paragraph, page, last=n == len(paragraphs) - 1)
        out.append(Block(start, end, role))
        start = end + 2
    return tuple(out)


def _role(paragraph: str, page: PageView, *, last: bool) -> Role:
    chars = visible_chars(paragraph)
    i = page.index.get(page_key(paragraph))
    if i is not None:
        block = page.blocks[i]
        if block.hint == "heading" or (block.hint in _HINTED and chars <= MAX_FURNITURE_CHARS):
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
