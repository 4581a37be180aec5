"""Split article text into sentences, and sentences into clauses, verbatim.

Input: `Article.text` and its language. Output: `Sentence`s whose `start`/`end`
index the text, so `text[s.start:s.end] == s.text` always holds.

Chinese: a sentence ends at 。！？；… (and ASCII !?;) plus any closing quotes or
brackets; a terminator inside “…”/「…」/『…』 does not end the sentence, so a
quoted remark stays whole (unless the quote runs on for pages, which means the
marks are unbalanced). A quote ending in 。！？ ends its sentence at the closing
mark, unless its attribution follows ("“…。”张三说。" is one sentence: a quote
cut from its speaker loses who said it). Decimals never split: "." is not a Chinese terminator.
English: a rule-based splitter (pysbd and NLTK punkt were measured slower and,
for punkt, need downloaded data): ., ! or ? plus closers, then white space and
a capital, digit or opening quote — except after known abbreviations and
initials. A line in title case without final punctuation is a headline, never
run on into the lede below it. A newline ends a sentence, except inside a hard-wrapped paragraph
(a long line that stops mid-sentence runs on into the next line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer.models import Lang, Sentence
from summarizer.text.roles import textual_role

__all__ = ["clauses", "split_sentences"]

_CLOSERS = "”’」』）)》】\"'"
_ZH_END = re.compile(rf"(?:[。！？!?；;]+|…+|\.{{3,}})[{re.escape(_CLOSERS)}]*")
_ZH_OPEN = {"“": "”", "「": "」", "『": "』"}
_ZH_STOP = re.compile(rf"[{''.join(_ZH_OPEN)}。！？!?；;….]")  # an opening, or where _ZH_END starts
_ZH_TERMINATORS = "。！？!?…"
_MAX_QUOTE = 220
# What follows a closing quote to say who said it ("“…。”张三说。", "“…？”她问道，“…”"):
# the quote and its attribution stay one sentence. A negation ("我没说。") is no attribution.
_ATTRIBUTION = re.compile(
    r"(?:(?![没不未别])[^。！？!?“”「」]){0,16}?"
    r"(?:说|表示|称|指出|强调|认为|介绍|坦言|透露|告诉|问道|答道|写道|补充|直言)"
    r"[^。！？!?“”「」]{0,12}?[。！？!?，,：:“「]"
)
# A match starts only at the first mark of a run, and the run and its closers are
# taken possessively: otherwise a failing look-ahead retries from every mark of a
# run, and 100 KB of "." took 405 s (quadratic); now it is one pass. The pattern opens
# with the class of both branches' first character (a mark, or the space before " . "),
# so `re` skips to those in its tight loop instead of trying every position: the same
# ends, 123 → 58 µs per English text of `bench speed`.
_EN_END = re.compile(
    r"""[.!?\s](?:(?<=[.!?])(?<![.!?][.!?])[.!?]*+["'”’)\]]*+(?=\s++["'“‘(\[]?[A-Z0-9])"""
    r"""|(?<=\s)\.(?=\s))"""
)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "fig",
        "al",
        "approx",
        "dept",
        "est",
    ]
)
_LONGEST_ABBREVIATION = 1 + max(map(len, _ABBREVIATIONS))
# ASCII "," and ":" inside a number ("1,234.5", "12:30") are not clause breaks.
_SENTENCE_ENDS = tuple("。！？!?；;…：:.\"'”’」』）)》】")
_WRAPPED_MIN = {"zh": 20, "en": 8}
_SHORT_QUOTE = 60  # characters: a quotation this short holding a full stop is a slogan or title
_ZH_CLAUSE = re.compile(r"[，；;：]|[,:](?!\d)|(?<!\d)[,:]")
_EN_CLAUSE = re.compile(r"[,;:](?=\s)|\s[—–-]{1,2}\s")


def split_sentences(text: str, lang: Lang) -> list[Sentence]:
    """All sentences of `text` in order, each verbatim with its offsets."""
    sentences: list[Sentence] = []
    for paragraph, (line_start, line_end) in enumerate(_blocks(text, lang)):
        spans = _zh_spans if lang == "zh" else _en_spans
        for start, end in spans(text, line_start, line_end):
            start, end = _strip(text, start, end)
            if end > start:
                sentences.append(Sentence(text[start:end], len(sentences), paragraph, start, end))
    return sentences


def clauses(sentence: str, lang: Lang) -> list[str]:
    """The sentence cut after each comma/semicolon/colon; joining them gives it back."""
    pattern = _ZH_CLAUSE if lang == "zh" else _EN_CLAUSE
    parts: list[str] = []
    position = 0
    for match in pattern.finditer(sentence):
        parts.append(sentence[position : match.end()])
        position = match.end()
    if position < len(sentence):
        parts.append(sentence[position:])
    return [p for p in parts if p.strip()] or [sentence]


def _blocks(text: str, lang: Lang) -> Iterator[tuple[int, int]]:
    """Paragraph spans: each line, except that wrapped lines run on into the next.

    Old pages and pasted e-mails break lines mid-sentence, and extraction
    turns each `<br>` line of such pages into a paragraph of its own (about a
    quarter of the Chinese extraction sets' paragraphs stop mid-sentence). A
    long line that does not end a sentence runs on into the next line when
    only a newline separates them, or, across a blank line, when the line
    before or after it runs on too — so a lone heading without punctuation
    stays a paragraph of its own.
    """
    lines = list(_lines(text))
    runs = [_runs_on(text[start:end].rstrip(), lang) for start, end in lines]
    block_start: int | None = None
    for k, (start, end) in enumerate(lines):
        block_start = start if block_start is None else block_start
        if k + 1 < len(lines) and (
            (
                runs[k]
                and (
                    _single_newline(text, end, lines[k + 1][0])
                    or runs[k + 1]
                    or (k > 0 and runs[k - 1])
                )
            )
            or _lower_case_goes_on(text[start:end].rstrip(), text[lines[k + 1][0]], lang)
        ):
            continue
        yield block_start, end
        block_start = None


def _lower_case_goes_on(line: str, next_first: str, lang: Lang) -> bool:
    """An English line without final punctuation whose next line starts lower-case is the
    start of that sentence, however short ("Photos" / "which were released online…":
    extraction split a lede at a `<br>`; the editor's reading found the TL;DR starting
    at "which")."""
    return (
        lang == "en"
        and next_first.islower()
        and not line.endswith(_SENTENCE_ENDS)
        and not line.startswith("|")
    )


def _runs_on(line: str, lang: Lang) -> bool:
    """Long enough to be wrapped, and stopping mid-sentence.

    A line whose last words are a photo credit or byline ("…现场。山东女子学院供图")
    ends there: a caption, not a wrapped sentence.
    """
    length = len(line) if lang == "zh" else len(line.split())
    if length < _WRAPPED_MIN[lang] or line.endswith(_SENTENCE_ENDS) or _title_case(line, lang):
        return False
    if line.startswith("|"):
        return False  # a Markdown table row: cells, not a wrapped sentence
    tail = re.split(r"[。！？!?.]\s*", line)[-1]
    return textual_role(tail, lang) == "prose"


def _title_case(line: str, lang: Lang) -> bool:
    """An English headline ("7 Key Questions Heading Into the Debate"): every longer word
    capitalised. It is a heading, not the start of the lede below it."""
    longer = [w for w in line.split() if len(w) > 3 and w[0].isalpha()] if lang == "en" else []
    return len(longer) >= 2 and all(w[0].isupper() for w in longer)


def _single_newline(text: str, end: int, next_start: int) -> bool:
    """Only one line break (no blank line) between two lines."""
    return text.count("\n", end, next_start) == 1


def _lines(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            yield position, end
        position = end + 1


def _zh_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    position = start
    closing: str | None = None
    opened_at = start
    i = start
    while i < end:
        i = _next_stop(text, i, end, closing, opened_at)
        if i >= end:
            break
        ch = text[i]
        if closing is None and ch in _ZH_OPEN:
            closing, opened_at = _ZH_OPEN[ch], i
        elif closing is not None and (ch == closing or i - opened_at > _MAX_QUOTE):
            closing = None
            if (
                ch in _ZH_OPEN.values()
                and text[i - 1] in _ZH_TERMINATORS
                and not _ATTRIBUTION.match(text, i + 1, end)
            ):
                yield position, i + 1
                position = i + 1
        elif closing is None:
            match = _ZH_END.match(text, i, end)
            if match:
                yield position, match.end()
                position = i = match.end()
                continue
        i += 1
    yield position, end


def _next_stop(text: str, i: int, end: int, closing: str | None, opened_at: int) -> int:
    """The first position from `i` where `_zh_spans` can act: an opening quote mark or a
    sentence end outside a quotation, its closing mark (or its length limit) inside one.
    Stepping through every character instead was ~6 % of a Chinese digest."""
    if closing is None:
        stop = _ZH_STOP.search(text, i, end)
        return stop.start() if stop else end
    found = text.find(closing, i, end)
    return min(found if found >= 0 else end, opened_at + _MAX_QUOTE + 1)


def _en_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    position = start
    for match in _EN_END.finditer(text, start, end):
        if match.group().startswith(".") and _is_abbreviation(text, position, match.start()):
            continue
        if _in_short_quote(text, position, match.start(), end):
            continue
        yield position, match.end()
        position = match.end()
    yield position, end


def _in_short_quote(text: str, start: int, stop: int, end: int) -> bool:
    """The full stop is inside a short quotation that closes soon after it: a quoted slogan
    or title ("‘Meth. We’re on it.’: Spokane ad agencies…") is one sentence, not two.
    An apostrophe (’ before a letter: "We’re") closes nothing."""
    low = max(start, stop - _SHORT_QUOTE)
    for opener, closer in (("“", "”"), ("‘", "’")):
        opened = text.rfind(opener, low, stop)
        if opened < 0:
            continue
        closed = _closing(text, closer, opened + 1, min(end, opened + _SHORT_QUOTE))
        if closed is not None and closed > stop:
            return True
    return False


def _closing(text: str, closer: str, start: int, end: int) -> int | None:
    """The first `closer` in text[start:end] that is no apostrophe."""
    at = text.find(closer, start, end)
    while at >= 0 and at + 1 < len(text) and text[at + 1].isalpha():
        at = text.find(closer, at + 1, end)
    return at if at >= 0 else None


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    # Look back no further than the longest abbreviation: a scan back to the
    # sentence start for every initial ("A. B. C. …") is quadratic.
    low = max(start, dot - _LONGEST_ABBREVIATION - 1)
    boundary = max(text.rfind(" ", low, dot), text.rfind("(", low, dot))
    if boundary < 0 and low > start:
        return False  # a word longer than any abbreviation
    word = text[max(boundary + 1, start) : dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
