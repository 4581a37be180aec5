"""Cut an over-long sentence to its most salient run of clauses, verbatim.

Input: a sentence, its language, a length limit and word weights. Output: the
sentence itself when it fits, else the contiguous run of clauses with the
highest total weight that fits, with "…" where text was left out. Every part
between "…" markers is verbatim, so the faithfulness check still holds.
A single clause over the limit (up to twice it) is shown whole when it says
more than any run that fits, rather than cut mid-clause; only a longer
run-on clause with nothing fitting beside it keeps its first words. Numbers
are never cut: clause boundaries are commas and semicolons, not decimal points.
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.figures.numbers import number_spans
from summarizer.models import Lang
from summarizer.text.sentences import clauses

__all__ = ["ELLIPSIS", "best_run", "condense", "size", "tidy"]

ELLIPSIS = "…"
OVERRUN = 2  # a whole clause may run to twice the limit rather than be cut mid-clause
_TRAILING = "，,；;：: "


def size(text: str, lang: Lang) -> int:
    """Length as a reader feels it: characters for Chinese, words for English."""
    return len(text) if lang == "zh" else len(text.split())


def tidy(text: str) -> str:
    """White space folded to single spaces: a hard-wrapped sentence reads as one line.

    Faithful under the whitespace normalisation every check applies.
    """
    return " ".join(text.split())


def condense(sentence: str, lang: Lang, limit: int, weight: Callable[[str], float]) -> str:
    """`sentence` when it fits `limit`, else its best clause run marked with "…"."""
    if size(sentence, lang) <= limit:
        return tidy(sentence)
    return best_run(sentence, lang, limit, weight)


def best_run(sentence: str, lang: Lang, limit: int, weight: Callable[[str], float]) -> str:
    """The run of clauses with the highest total weight that fits, marked with "…".

    Unlike `condense`, this picks a run even when the whole sentence fits:
    with negative weights for dull clauses it finds the sentence's core.
    """
    parts = clauses(sentence, lang)
    weights = [weight(part) for part in parts]
    sizes = [size(part, lang) for part in parts]
    best: tuple[float, int, int] | None = None
    for start in range(len(parts)):
        total, length = 0.0, 0
        for end in range(start, len(parts)):
            length += sizes[end]
            if length > limit:
                break
            total += weights[end]
            if best is None or total > best[0]:
                best = (total, start, end + 1)
    long = [i for i in range(len(parts)) if limit < sizes[i] <= OVERRUN * limit]
    whole = max(long, key=lambda i: weights[i], default=None)
    if whole is not None and (best is None or weights[whole] > best[0]):
        return _marked(parts, whole, whole + 1)
    if best is None:
        return tidy(_head(sentence, lang, limit))
    _, start, end = best
    return _marked(parts, start, end)


def _marked(parts: list[str], start: int, end: int) -> str:
    text = "".join(parts[start:end]).strip()
    if end < len(parts):
        text = text.rstrip(_TRAILING) + ELLIPSIS
    if start > 0:
        text = ELLIPSIS + text
    return tidy(text)


def _head(sentence: str, lang: Lang, limit: int) -> str:
    if lang == "zh":
        return sentence[: _number_safe(sentence, limit)].rstrip(_TRAILING) + ELLIPSIS
    return " ".join(sentence.split(" ")[:limit]).rstrip(_TRAILING) + ELLIPSIS


def _number_safe(sentence: str, cut: int) -> int:
    """`cut`, moved back to the start of a number it would fall inside.

    A number that starts the sentence and outruns the limit is cut after all:
    an empty point would say less than half a number.
    """
    for start, end in number_spans(sentence):
        if start < cut < end:
            return start if sentence[:start].strip() else cut
    return cut
