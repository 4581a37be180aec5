"""Numbers as written in Chinese and English news, found and read exactly.

Input: any text. Output: character spans of number tokens (`number_spans`, so
the sentence splitter and tokenizer can keep "5.3亿" or "1,234.5" whole) and
exact `Decimal` values (`parse_number`). Nothing here raises on odd input:
text that is not a number reads as `None`.

Both languages share one reading rule: digits build a value, small
multipliers (十 百 千, hundred) build a section, large ones (万 亿, thousand
million billion) scale everything before them. So "两千三百万", "5.3亿",
"1.2万亿" and "two million three hundred thousand" go through the same code.
cn2an and word2number were considered; they return floats or handle one
language only, and figures need exact values and both scripts.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from functools import lru_cache

from summarizer.text.caseless import Caseless, fold

__all__ = ["LIMIT", "NUMBER_PATTERN", "NUMBER_SCAN", "number_spans", "parse_number", "to_halfwidth"]

LIMIT = Decimal(10) ** 30
"""Numbers this large or larger are refused: no news figure is, and a value with
thousands of digits could not be written to JSON (Python's int→str limit, issue 16)."""
_MAX_CHARS = 64  # a longer "number" is a run of digits, not a figure
_PRECISION = 2 * _MAX_CHARS

_WIDE = "０１２３４５６７８９．％－＋／：Ｋ"
_NARROW = "0123456789.%-+/:K"
# A full-width comma groups thousands only between full-width digits ("１１１，１１１");
# elsewhere it ends a clause, even before a digit ("$20，300美圆").
_WIDE_GROUPING = re.compile("(?<=[０-９])，(?=[０-９]{3})")
_HALFWIDTH = str.maketrans(_WIDE, _NARROW)
_WIDE_CHAR = re.compile(f"[{re.escape(_WIDE)}]")  # all the grouping comma needs is a wide digit

ZH_DIGITS = {
    **dict.fromkeys("零〇", 0),
    **dict.fromkeys("一壹", 1),
    **dict.fromkeys("二贰貳两兩", 2),
    **dict.fromkeys("三叁參", 3),
    **dict.fromkeys("四肆", 4),
    **dict.fromkeys("五伍", 5),
    **dict.fromkeys("六陆陸", 6),
    **dict.fromkeys("七柒", 7),
    **dict.fromkeys("八捌", 8),
    **dict.fromkeys("九玖", 9),
}
_ZH_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZH_LARGE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}

_EN_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_SMALL = {"hundred": 100}
_EN_FRACTIONS = {"half": Decimal("0.5"), "quarter": Decimal("0.25")}
_EN_LARGE = {
    "thousand": 10**3,
    "k": 10**3,
    "lakh": 10**5,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "crore": 10**7,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}

_ZH_CHARS = "".join(ZH_DIGITS) + "".join(_ZH_SMALL) + "".join(_ZH_LARGE)


def _by_first_letter(words: list[str]) -> str:
    """`words` as one alternation grouped by first letter ("t(?:welve|hree|wo|en)|…").

    Longest first within a group, as in a flat list, so the same word wins; the
    engine tests a first letter once instead of once per word. With the narrower
    `_SPAN_START`, the scans below took 0.12 → 0.09 s (`NUMBER_RE`), 0.13 → 0.10 s
    (`_SPAN_RE`) and 0.21 → 0.13 s (`_NUMBERISH`) on the 386 CNN/DailyMail and BBC
    texts; matches identical on 3,712 corpus texts and summaries.
    """
    firsts = dict.fromkeys(word[0] for word in words)
    return "|".join(f"{c}(?:{'|'.join(w[1:] for w in words if w[0] == c)})" for c in firsts)


_EN_NUMBER_WORD = _by_first_letter(sorted(_EN_WORDS, key=len, reverse=True))
_EN_SCALE_WORD = "hundred|thousand|million|billion|trillion|lakh|crore"
_EN_TERM = rf"(?:{_EN_NUMBER_WORD}|{_EN_SCALE_WORD}|quarters)"
_EN_FRACTION = rf"(?:an?\s)?(?:half|quarter)(?=\s(?:{_EN_SCALE_WORD}))"

# Indian grouping ("12,34,567"): each two-digit group must be followed by a comma, taken
# possessively, and a run never restarts right after "digit,": so "11,11,11,…" is one
# linear scan, not a backtracking search from every comma (issue 16).
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|(?<!\d,)\d{1,2}(?:,\d\d(?=,))*+,\d{3}|\d+)(?:\.\d+)?|\.\d+"
_ZH_MAGNITUDE = "[十百千万亿萬億兆]+"
# "20多万元", "5.26亿余元", "400多个": "more than" inside a number; the value is the stated part.
_MORE = "[多余餘]"
# "700 million", "700-million", "2m", "$3bn".
_EN_MAGNITUDE = (
    rf"[\s-]?(?:{_EN_SCALE_WORD})s?\b(?:\s(?:{_EN_SCALE_WORD})\b)*"
    r"|(?:k|m|mn|mln|bn|b|tn)(?![a-z])"
)
_ZH_DIGIT_CLASS = "[" + "".join(ZH_DIGITS) + "]"
_ZH_CLASS = f"[{_ZH_CHARS}]"
# Spaces may stand between the characters ("一 百 五 十"), as some sources print them.
_ZH_NUMERAL = (
    rf"(?:(?:{_ZH_DIGIT_CLASS}|[十拾])(?:[ \t]*{_ZH_CLASS})*"
    rf"(?:[ \t]*[点點](?:[ \t]*{_ZH_DIGIT_CLASS})+)?)"
)
# Two different digits before a multiplier is a guess, not a number: 二三十 ("twenty or thirty").
_APPROXIMATE = re.compile(r"[一二两兩三四五六七八九]\s*[一二两兩三四五六七八九]\s*[十百千万萬亿億]")
# Two rising digits alone are "one or two", "three or five" (一两元, 三四个, 三五个): not 12, 35.
_GUESS_GAP = 2
_RISING_PAIR = re.compile(r"([一二两兩三四五六七八九])\s*([一二两兩三四五六七八九])")
_AND_HALF = re.compile(r"\band\s+an?\s+(half|quarter)\b", re.IGNORECASE)
# "three and a half million": "and a half" adds to the number before it.
_EN_NUMERAL = (
    rf"\b(?:{_EN_NUMBER_WORD}|{_EN_FRACTION}|an?(?=\s(?:{_EN_SCALE_WORD})))"
    rf"(?:[\s-]+(?:and\s+)?{_EN_TERM}\b|\sand\san?\s(?:half|quarter)\b)*"
)

# Digits glued to letters are part of an ID ("A2021", "scp173"), except after a currency code.
_ARABIC_START = r"(?:(?<![a-z0-9_.])|(?<=usd)|(?<=eur)|(?<=gbp)|(?<=rmb)|(?<=cny))"

NUMBER_PATTERN = (
    rf"{_ARABIC_START}(?:{_ARABIC})(?:{_MORE}?\s?{_ZH_MAGNITUDE}{_MORE}?|{_EN_MAGNITUDE}|{_MORE})?"
    rf"|{_ZH_NUMERAL}|{_EN_NUMERAL}(?![a-z])"
)
"""A regex (for `to_halfwidth` text, case-insensitive) matching one number token."""

# Where a span can begin: at a word boundary, an English number word, "a"/"an" (a half, a
# million), half or quarter; a currency sign, a digit or ".", a Chinese numeral.
# Checked first, this fails fast at the other positions, where the whole alternation
# was tried: number_spans was ~15 % of an English digest. On all 2,901 corpus texts the
# spans are identical and the time fell from 6.7 s to 2.7 s (and number matches alike).
# The word boundary is tried first: at most positions it fails at once (−20 % per scan).
_SPAN_START = rf"(?=\b(?:{_EN_NUMBER_WORD}|an?\s|half|quarter)|[$£€¥￥.\d{''.join(ZH_DIGITS)}十拾])"
NUMBER_SCAN = Caseless(_SPAN_START + f"(?:{NUMBER_PATTERN})")
"""`NUMBER_PATTERN` tried only where a number can begin, searched in lower-cased text
(`text.caseless`): `find_figures` scans with it. The start test took the scan from 0.70 to
0.29 ms per English text (0.82 → 0.18 ms per Chinese one), and searching lower-cased text
to 0.17 ms on the English texts of `bench speed` (0.33 before, on a loaded machine)."""
_SPANS = Caseless(rf"{_SPAN_START}(?:[$£€¥￥]\s?)?(?:{NUMBER_PATTERN})(?:\s?[%‰])?")
# Cheap pre-check: most sentences hold no number at all, and _SPAN_RE is slow to scan.
_NUMBERISH = re.compile(
    rf"[0-9０-９{_ZH_CHARS}]|\b(?:{_EN_NUMBER_WORD}|{_EN_SCALE_WORD}|half|quarter)\b",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(
    rf"(\d+(?:,\d{{2,3}})*(?:\.\d+)?|\.\d+)|([{_ZH_CHARS}])|([a-z]+)", re.IGNORECASE
)
_POINT_RE = re.compile("[点點]")
_IGNORED = re.compile(r"[\s,\-多余餘]*")


def to_halfwidth(text: str) -> str:
    """Full-width digits and signs as ASCII, one character for one, so offsets still hold.

    Text without any of them is returned as it is: most articles have none, and the
    grouping pattern and the translation cost 0.16 ms per English article for nothing.
    """
    if not _WIDE_CHAR.search(text):
        return text
    return _WIDE_GROUPING.sub(",", text).translate(_HALFWIDTH)


def number_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every number token, with its magnitude word, symbol and %.

    "筹了5.3亿人民币" → [(3, 7)]; "$2.1 billion, 23.4%" → [(0, 12), (14, 19)].
    Regex only, so it is cheap enough to run on every article.
    """
    if not _NUMBERISH.search(text):
        return []
    plain = to_halfwidth(text)
    return list(_SPANS.spans(plain, fold(plain)))


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    """The exact value of one number as written, or None if it is not a number.

    "5.3亿" → 530000000, "两千三百万" → 23000000, "3.5 billion" → 3500000000,
    "一百二十点五" → 120.5. A leading "-", "负" or "minus" negates.
    Cached: the same few numbers recur ("2", "10", "一"), the value is immutable and
    reading one took 16 µs (a third of each number's reading in `find_figures`).
    """
    text = to_halfwidth(text).strip()
    if len(text) > _MAX_CHARS or _approximate(text):
        return None
    sign, text = _split_sign(_AND_HALF.sub(r"plus\1", text))
    integer_part, fraction_part = [*_POINT_RE.split(text, maxsplit=1), ""][:2]
    fraction = _zh_fraction(fraction_part) if fraction_part else Decimal(0)
    tokens = _tokens(integer_part)
    with localcontext(prec=_PRECISION):  # exact up to LIMIT, whatever the caller's context
        whole = _combine(tokens) if tokens is not None else None
        if whole is None or fraction is None or whole + fraction >= LIMIT:
            return None
        value = sign * (whole + fraction)
        return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def _approximate(text: str) -> bool:
    """ "二三十", "一两万", "一两", "三五": a guess between two amounts, not one number.

    Read digit by digit, two digits name a code, a year's end or a discount (九一八,
    八一年, 三八折 = 38 %); a pair rising by one or two (三五个, 七八个) is how
    Chinese says "a few" (the editor found "三五个" shown as 35).
    """
    if _APPROXIMATE.search(text):
        return True
    pair = _RISING_PAIR.fullmatch(text)
    return pair is not None and 0 < ZH_DIGITS[pair[2]] - ZH_DIGITS[pair[1]] <= _GUESS_GAP


def _split_sign(text: str) -> tuple[int, str]:
    lowered = text.lower()
    for prefix in ("-", "负", "負", "minus "):
        if lowered.startswith(prefix):
            return -1, text[len(prefix) :].strip()
    return 1, text


def _zh_fraction(digits: str) -> Decimal | None:
    """ "五" → 0.5, "一一二" → 0.112: Chinese decimals are read digit by digit."""
    digits = re.sub(r"\s+", "", digits)
    if not digits or any(d not in ZH_DIGITS for d in digits):
        return None
    return Decimal("0." + "".join(str(ZH_DIGITS[d]) for d in digits))


_Token = tuple[str, Decimal]


def _tokens(text: str) -> list[_Token] | None:
    """Classify each piece as num / digit / word / small / large; None if anything else is there."""
    tokens: list[_Token] = []
    position = 0
    for match in _TOKEN_RE.finditer(text):
        token = _classify(match)
        if token is None or not _IGNORED.fullmatch(text[position : match.start()]):
            return None
        position = match.end()
        if token[0] != "filler":
            tokens.append(token)
    if not _IGNORED.fullmatch(text[position:]):
        return None
    return tokens or None


def _classify(match: re.Match[str]) -> _Token | None:
    arabic, zh, word = match.groups()
    if arabic:
        return "num", Decimal(arabic.replace(",", ""))
    if zh:
        if zh in ZH_DIGITS:
            return "digit", Decimal(ZH_DIGITS[zh])
        if zh in _ZH_SMALL:
            return "small", Decimal(_ZH_SMALL[zh])
        return "large", Decimal(_ZH_LARGE[zh])
    word = word.lower()
    if word in ("plushalf", "plusquarter"):
        return "plus", _EN_FRACTIONS[word.removeprefix("plus")]
    if word in ("and", "a", "an"):
        return "filler", Decimal(0)
    if word.removesuffix("s") in _EN_FRACTIONS:
        return "fraction", _EN_FRACTIONS[word.removesuffix("s")]
    if word in _EN_WORDS:
        return "word", Decimal(_EN_WORDS[word])
    if word in _EN_SMALL:
        return "small", Decimal(_EN_SMALL[word])
    large = _EN_LARGE.get(word.removesuffix("s") if len(word) > 3 else word)
    return ("large", Decimal(large)) if large else None


def _combine(tokens: list[_Token]) -> Decimal | None:
    """Fold tokens into one value: sections scale by small, totals by large multipliers.

    Digits read one by one ("二〇一五") only before any multiplier: "十三五" is a
    plan's name, not a number; a 零 after a multiplier only marks a gap (一百零五).
    """
    total = section = current = Decimal(0)
    last_large: Decimal | None = None
    previous = ""
    last_multiplier = Decimal(0)
    gap = False
    for kind, value in tokens:
        if kind == "digit" and last_multiplier and (previous == "digit" or not value):
            if previous == "digit":
                return None
            gap = True  # 一百零五: the 零 marks a gap, so 五 is units, not 五十
            continue
        if kind == "digit" and previous == "digit":
            current = current * 10 + value
        elif kind in ("word", "plus"):
            current += value
        elif kind == "fraction":
            current = (current or 1) * value
        elif kind in ("digit", "num"):
            current = value
        elif kind == "small":
            section += (current or 1) * value
            current, last_multiplier = Decimal(0), value
        else:
            amount = section + current
            if not amount and not total:
                amount = Decimal(1)  # "万" alone, "hundred thousand"
            if last_large is None or value > last_large:
                total = (total + amount) * value
                last_large = value
            else:
                total += amount * value
            section = current = Decimal(0)
            last_multiplier = value
        previous = kind
    if previous == "digit" and last_multiplier >= 100 and current < 10 and not gap:
        current *= last_multiplier / 10  # 三万五 = 35000, 两百五 = 250
    return total + section + current
