"""Shorten an over-long sentence to its claim's opening clauses, verbatim.

Input: a sentence, its language and a length limit. Output: the sentence
itself when it fits `SLACK` × the limit, else a piece of it marked with "…".
First the opening frames an editor cuts first go (a purpose, a source, a time,
a survey's lead-in; `summarizer.ranking.frames`), shown as a leading "…": a
blind editor's reading of 24 pages found a TL;DR or point cut before the
clause carrying the news on 10 of them, most often behind such frames
(«上述政策3年执行期满后，为了…，更好地服务…，支持…发展…»). The subject stays: a
Chinese claim names it after its frames. What is left keeps its opening clauses
up to a clause end (、，；, ; —) with "…" after them: an earlier reading of 46
digests found pieces cut at both ends ("…支持 3 倍光学变焦… 电池容量为
4500mAh…", "…which were released online…") in ~33 of them — the former rule,
the most topical run of clauses, picked runs whose subject was left behind.
A cut falls only where brackets and quotes are closed, never after a colon,
and keeps at least `MIN_PIECE` after any lead-in ("起诉指控：2003年至2022年…"
said nothing). It prefers a cut keeping half the limit or more, then the
whole sentence up to `OVERRUN` × the limit, then the first clause end past
the limit; only a run-on without any clause end keeps its first words.
Numbers are never cut: a comma between digits is no clause end. A cut never
leaves a piece ending on a frame or a reporting verb (如果/随着/当…, …的时候,
…之后, 我们认为; "when/if/although…", "…, officials said") nor halfway through
a list (after 、): the main clause is still to come, and the point would say
nothing (the editor's reading: "…国有资产监督管理委员会副主任…", "…时…"). Nor
does a cut drop every figure of the sentence: it runs on to the first clause
end after one, or shows the sentence whole, up to `OVERRUN` × the limit
(«…积极贯彻落实中央经济工作会议精神…» had dropped «4个税种、5项税收优惠政策»).
ROUGE (`python -m bench quality`) is unchanged by both rules on every set.
`best_run` (the most salient run, "…" on either side) is kept for the claims
of a transcript, where a quote may start mid-sentence; there a single clause
over the limit (up to `OVERRUN` × it) is shown whole when it says more than
any run that fits, rather than cut mid-clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from summarizer.figures.find import find_figures
from summarizer.figures.numbers import number_spans
from summarizer.models import Lang
from summarizer.ranking.frames import frame_end, is_frame
from summarizer.text.sentences import clauses

__all__ = ["ELLIPSIS", "best_run", "condense", "size", "tidy"]

ELLIPSIS = "…"
_TRAILING = "，,；;：:、—– "
# A sentence up to this × the limit is shown whole. 1.5 lost ROUGE to Lead-1 on LCSTS
# (Lsum 17.76 vs 17.77) and to sumy-luhn on CLTS (jieba Lsum 31.0 vs 31.1); 1.0 keeps
# the bar (`python -m bench quality --limit 60`): the limit itself is the generous one.
SLACK = 1.0
# Rather than a cut keeping under half the limit (or, in best_run, a cut mid-clause),
# a whole sentence (clause) up to this × the limit.
OVERRUN = 2
MIN_PIECE = {"zh": 15, "en": 8}  # what a piece keeps at least, after any lead-in colon
# Clause ends a cut may follow: a comma between digits ("1,234") is none, a colon never is.
_CLAUSE_END = {
    "zh": re.compile(r"[，、；;]|(?<!\d),|,(?!\d)|——|—"),
    "en": re.compile(r"[,;](?=\s)|\s[—–-]{1,2}\s|—"),
}
# The clause ends that may close an opening frame (a list mark 、 or a dash does not).
_COMMA = {"zh": re.compile(r"[，；;]|(?<!\d),|,(?!\d)"), "en": re.compile(r"[,;](?=\s)")}
_LIST_MARK = "、"
_COLON = re.compile(r"(?<!\d)[:：]|[:：](?!\d)")  # not a clock time
_OPENERS = "“「『（(《【["
_CLOSING = "”」』）)》】]"


def size(text: str, lang: Lang) -> int:
    """Length as a reader feels it: characters for Chinese, words for English."""
    return len(text) if lang == "zh" else len(text.split())


def tidy(text: str) -> str:
    """White space folded to single spaces: a hard-wrapped sentence reads as one line.

    Faithful under the whitespace normalisation every check applies.
    """
    return " ".join(text.split())


def condense(sentence: str, lang: Lang, limit: int) -> str:
    """`sentence` when it fits `SLACK` × `limit`, else its claim's opening clauses marked with "…".

    The claim starts after the opening frames an editor cuts first (`frames.frame_end`).
    """
    if size(sentence, lang) <= SLACK * limit:
        return tidy(sentence)
    start = _claim_start(sentence, lang, limit)
    piece = _shortened(sentence[start:], lang, limit)
    return ELLIPSIS + piece if start else piece


def _claim_start(sentence: str, lang: Lang, limit: int) -> int:
    """Where the claim starts after its droppable frames, or 0 to keep them.

    Frames go when the claim then fits, or when they take `MIN_PIECE` or more: a
    short one (2018年以来，, 那时，) bought no room worth a leading "…" and lost its time
    (read on the labelled pages' and unlabelled pages' changed pieces).
    """
    start = frame_end(sentence, lang, _clause_ends(sentence, lang))
    claim = size(sentence[start:], lang)
    if not start or claim < MIN_PIECE[lang]:
        return 0
    fits = claim <= SLACK * limit
    return start if fits or size(sentence[:start], lang) >= MIN_PIECE[lang] else 0


def _shortened(sentence: str, lang: Lang, limit: int) -> str:
    """The sentence's opening clauses up to a clause end, or the whole of it (see the module)."""
    whole = size(sentence, lang)
    if whole <= SLACK * limit:
        return tidy(sentence)
    cuts = _cut_points(sentence, lang)
    fitting = [c for c, n in cuts if n <= limit]
    if fitting and _sizes(sentence, lang, fitting[-1:])[0] * 2 >= limit:
        return _with_figure(sentence, lang, limit, cuts, fitting[-1])
    if whole <= OVERRUN * limit:
        return tidy(sentence)
    longer = [c for c, n in cuts if limit < n <= OVERRUN * limit]
    choice = longer[:1] or fitting[-1:]
    if not choice:
        return tidy(_head(sentence, lang, limit))
    return _with_figure(sentence, lang, limit, cuts, choice[0])


def _with_figure(
    sentence: str, lang: Lang, limit: int, cuts: list[tuple[int, int]], cut: int
) -> str:
    """The opening up to `cut`, or on to the sentence's first figure if the cut drops them all.

    A sentence's figures are most often its news ("…决定延续…涉及4个税种、5项税收优惠政策…"
    was cut before them): the piece runs on to the first clause end after one, or is
    the whole sentence, while that stays within `OVERRUN` × the limit. Only figures
    written in digits count: news style writes counts and amounts so, while a count
    in words is prose («我这两个朋友» ran a quote on to include two others' remarks,
    and the speaker scores of `python -m bench digest` fell on half A, 83 → 80 %).
    """
    found = find_figures(sentence, lang=lang, contexts=False)
    figures = [f.end for f in found if any(ch.isdigit() for ch in f.text)]
    if not figures or min(figures) <= cut:
        return _opening(sentence, cut)
    reach = [c for c, n in cuts if c >= min(figures) and n <= OVERRUN * limit][:1]
    if reach:
        return _opening(sentence, reach[0])
    return tidy(sentence) if size(sentence, lang) <= OVERRUN * limit else _opening(sentence, cut)


def _clause_ends(sentence: str, lang: Lang) -> list[int]:
    """Offsets just after the commas and semicolons outside brackets and quotes, before the end."""
    ends, depth, position = [], 0, 0
    for match in _COMMA[lang].finditer(sentence.rstrip()):
        depth += _balance(sentence[position : match.end()])
        position = match.end()
        if depth <= 0:
            ends.append(match.end())
    return ends


def _cut_points(sentence: str, lang: Lang) -> list[tuple[int, int]]:
    """(offset, size) just after each clause end where a cut may fall: outside brackets
    and quotation marks, not at the very end, and keeping `MIN_PIECE` after any lead-in
    colon. Linear: sizes come from one pass over the sentence."""
    ends = [m.end() for m in _CLAUSE_END[lang].finditer(sentence)]
    colons = [m.end() for m in _COLON.finditer(sentence)]
    marks = sorted(set(ends) | set(colons))
    sizes = dict(zip(marks, _sizes(sentence, lang, marks), strict=True))
    points, depth, position, lead_in = [], 0, 0, 0
    last = len(sentence.rstrip())
    for mark in marks:
        clause = sentence[position:mark]
        depth += _balance(clause)
        position = mark
        if mark in colons:
            lead_in = sizes[mark]
        elif (
            depth <= 0
            and mark < last
            and sizes[mark] - lead_in >= MIN_PIECE[lang]
            and not _leaves_frame(clause, lang)
        ):
            points.append((mark, sizes[mark]))
    return points


def _leaves_frame(clause: str, lang: Lang) -> bool:
    """Whether a cut right after `clause` (with its clause end) leaves the main clause out."""
    return clause.rstrip().endswith(_LIST_MARK) or is_frame(clause, lang)


def _sizes(sentence: str, lang: Lang, offsets: list[int]) -> list[int]:
    """`size(sentence[:offset])` for each of the ascending `offsets`, in one pass."""
    if lang == "zh":
        return list(offsets)
    starts = [m.start() for m in re.finditer(r"\S+", sentence)]
    return [bisect.bisect_left(starts, offset) for offset in offsets]


def _balance(text: str) -> int:
    return sum(ch in _OPENERS for ch in text) - sum(ch in _CLOSING for ch in text)


def _opening(sentence: str, cut: int) -> str:
    return tidy(sentence[:cut].rstrip(_TRAILING) + ELLIPSIS)


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
