"""Our own main-text candidate: the element that holds the most prose.

A text-density method in the spirit of CETD (Sun et al., 2011) and
body-text extraction (Finn et al., 2001), on paragraphs rather than
characters: every paragraph of the page gets a value — its visible
characters when it reads as prose (it has punctuation, and most of it is not
link text), minus its characters when it is boilerplate (a link, or a label
without punctuation). Each element's value is the sum over the paragraphs
inside it, and the element with the largest sum is the article's container:
the page `<body>` also holds all the prose, but it pays for every menu and
link list; a single long paragraph holds less prose than the article around
it. Inside the winner, the run of paragraphs with the largest sum is kept
(Kadane's maximum subarray), which trims a date line or a "related" list at
either end, and link-list paragraphs inside it are dropped.

`next_blocks` is the same measure anchored at the headline: the article is
the block right after its headline, not the longest block on the page.

Chinese prose is dense in 。，and English in ., so punctuation is what tells
prose from furniture in both languages; no class name or site is consulted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import html

from summarizer.extraction.html_text import TextBlock, visible_chars

# Prose punctuation: any full-width mark, or an ASCII one followed by a space or
# the end (so "13:09", "3.5" and "sohu.com" are not punctuation), also across a
# closing quote or bracket ("“Fine.”" is a line of dialogue, not a label).
_PUNCTUATION = re.compile(r"[。，、；：！？]|[,.;:!?][\"'”’)\]]*(?:\s|$)")
# A paragraph whose link text exceeds this share of its characters is a link
# (menu item, headline of another story), not prose.
MAX_PROSE_LINK_SHARE = 0.5
# Paragraphs without punctuation (headlines, labels, dates) count against an
# element at this fraction of their length: less than links, which are the
# surest sign of boilerplate, since an article's own subheadings have none.
LABEL_WEIGHT = 0.5
# Unpunctuated lines up to this long inside the article are interface labels
# ("分享至", "关注", "2024-05-08 23:23"), unless marked up as headings.
MAX_LABEL_CHARS = 16
Span = tuple[int, int]


def is_prose(text: str) -> bool:
    """Whether `text` has prose punctuation (see `_PUNCTUATION`)."""
    return _PUNCTUATION.search(text) is not None


def block_value(block: TextBlock) -> float:
    """+characters for prose, −characters for links and unpunctuated labels."""
    chars = visible_chars(block.text)
    if block.link_chars > chars * MAX_PROSE_LINK_SHARE:
        return -float(chars)
    if not is_prose(block.text):
        return -LABEL_WEIGHT * chars
    return float(chars)


@dataclass(frozen=True, slots=True)
class PageDensity:
    """The page's paragraphs with their values, and every element's sum and span of them."""

    blocks: Sequence[TextBlock]
    values: list[float]
    totals: dict[html.HtmlElement, float]
    spans: dict[html.HtmlElement, Span]


def page_density(blocks: Sequence[TextBlock]) -> PageDensity:
    """Value every paragraph and sum the values per element, once for both candidates."""
    values = [block_value(b) for b in blocks]
    return PageDensity(blocks, values, *_element_totals(blocks, values))


def densest_blocks(page: PageDensity) -> list[TextBlock]:
    """The prose paragraphs of the element that holds the most prose (see module doc)."""
    if not page.totals:
        return []
    best = max(page.totals, key=page.totals.__getitem__)
    return _trimmed(page, page.spans[best]) if page.totals[best] > 0 else []


def next_blocks(page: PageDensity, headline: int) -> list[TextBlock]:
    """The prose paragraphs of the block right after the headline.

    From the first prose paragraph after the headline, up through its
    ancestors that do not hold the headline itself, the element with the
    most prose: the story under its own title, even when a longer feed of
    other stories follows it on the page.
    """
    values = page.values
    first = next((i for i in range(headline + 1, len(values)) if values[i] > 0), None)
    node = page.blocks[first].node if first is not None else None
    if node is None:
        return []
    chain = [el for el in (node, *node.iterancestors()) if el in page.spans]
    below = [el for el in chain if page.spans[el][0] > headline]
    best = max(reversed(below), key=page.totals.__getitem__)  # ties: the outermost
    return _trimmed(page, page.spans[best])


def _trimmed(page: PageDensity, span: Span) -> list[TextBlock]:
    """The span's best run of paragraphs (Kadane), without links and labels."""
    first, last = span
    lo, hi = _max_run(page.values[first : last + 1])
    return [block for block in page.blocks[first + lo : first + hi] if _kept(block)]


def _kept(block: TextBlock) -> bool:
    """Inside the article: not a link, and not a short label ("分享至", "关注", a date)."""
    chars = visible_chars(block.text)
    if block.link_chars > chars * MAX_PROSE_LINK_SHARE:
        return False
    return chars > MAX_LABEL_CHARS or block.hint == "heading" or is_prose(block.text)


def _element_totals(
    blocks: Sequence[TextBlock], values: list[float]
) -> tuple[dict[html.HtmlElement, float], dict[html.HtmlElement, Span]]:
    """Every element's sum of paragraph values, and its first and last paragraph."""
    totals: dict[html.HtmlElement, float] = {}
    spans: dict[html.HtmlElement, Span] = {}
    for i, (block, value) in enumerate(zip(blocks, values, strict=True)):
        if block.node is None:
            continue
        for el in (block.node, *block.node.iterancestors()):
            totals[el] = totals.get(el, 0.0) + value
            spans[el] = (spans.get(el, (i, i))[0], i)
    return totals, spans


def _max_run(values: Sequence[float]) -> Span:
    """[lo, hi) of the contiguous run with the largest sum (Kadane)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span
