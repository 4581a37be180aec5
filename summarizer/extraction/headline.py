"""The page's headline: its words, and where it stands among the paragraphs.

An article is the text block right after its headline, so the headline is
both a topic check (does a candidate talk about what the title says?) and an
anchor (does the candidate start where the article starts?). Title words are
"content terms": Han character bigrams (a bigram is the unit of most Chinese
words, and no segmenter is needed) and Latin words of three letters or more
that are not function words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.extraction.html_text import TextBlock

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z][a-z0-9'-]{2,}")
_NON_LETTERS = re.compile(r"[\W_]+")
_FUNCTION_WORD_LIST = """
the and for with from that this are was were has have had not but you your his her its
our their they them who what when where why how will would can could into over after
about than then more most new news says said all one two
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
# A paragraph is taken for the headline only if it is at most this long.
MAX_HEADLINE_CHARS = 120
# How far into a candidate the title's words are looked for (its opening).
OPENING_PARAGRAPHS = 3
OPENING_CHARS = 600


def title_terms(titles: Iterable[str | None]) -> frozenset[str]:
    """The content terms of every title given (see module doc)."""
    terms: set[str] = set()
    for title in titles:
        if not title:
            continue
        lowered = title.lower()
        for run in _HAN_RUN.findall(lowered):
            terms.update(run[i : i + 2] for i in range(len(run) - 1))
        terms.update(w for w in _WORD.findall(lowered) if w not in _FUNCTION_WORDS)
    return frozenset(terms)


def opening(paragraphs: Sequence[str]) -> str:
    """The first paragraphs of a text, where its topic is stated."""
    return "\n".join(paragraphs[:OPENING_PARAGRAPHS])[:OPENING_CHARS].lower()


def title_overlap(terms: frozenset[str], text: str) -> float:
    """Share of the title's terms that `text` (lower-cased) contains; 1.0 without terms."""
    if not terms:
        return 1.0
    return sum(term in text for term in terms) / len(terms)


def headline_index(blocks: Sequence[TextBlock], titles: Iterable[str | None]) -> int | None:
    """Index of the paragraph that is the headline: a heading first, any short line else.

    A paragraph is the headline when its letters contain a title's, or a
    title's contain its (the `<title>` often adds the site's name).
    """
    wanted = [k for t in titles if t and len(k := _letters(t)) >= 4]
    if not wanted:
        return None
    short = [
        (i, _letters(b.text)) for i, b in enumerate(blocks) if len(b.text) <= MAX_HEADLINE_CHARS
    ]
    matching = [(i, k) for i, k in short if len(k) >= 4 and any(k in w or w in k for w in wanted)]
    headings = [i for i, _ in matching if blocks[i].hint == "heading"]
    if headings:
        return headings[0]
    return matching[0][0] if matching else None


def _letters(text: str) -> str:
    return _NON_LETTERS.sub("", text.lower())
