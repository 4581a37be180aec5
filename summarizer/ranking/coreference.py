"""Whom "he", "她" or "Volker" means: pronouns and short names resolved to people.

Input: the article text and a `Mention` at an offset. Output: the full name
of the person meant, or None when the text does not make it clear.

A pronoun means the nearest person named before it, outside quotation marks,
in the same paragraph or the one before; a reader would look no further, and
neither do we. It never defaults to the previous quote's speaker: issue 12
found "张凡…他说：“据我了解…”" given to 付小姐 that way. A surname form ("金所长",
"艾", "Volker") becomes the one full name in the text that it abbreviates
(金明岸, 艾思奇, Kurt Volker); with none or several, the surname form is kept
when it is a name in itself (徐女士, Nissan) and dropped when it is one bare
Chinese character. Better no speaker than a wrong one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cached_property

from summarizer.models import Lang
from summarizer.ranking.speakers import (
    EN_FUNCTION_WORDS,
    HONORIFICS,
    Mention,
    is_person_name,
)
from summarizer.text.tokens import pos_tags

__all__ = ["People"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|\"[^\"\n]*\"")
_EN_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}\b")
_EN_NOT_FIRST = EN_FUNCTION_WORDS | frozenset(
    [
        "New",
        "North",
        "South",
        "East",
        "West",
        "United",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_PERSON_FLAGS = ("nr", "nrt", "nrfg")
_HONORIFIC_TAIL = re.compile(r"^[\u4e00-\u9fff](?:先生|女士|小姐)$")
_SURNAME_FORM = re.compile(rf"^[\u4e00-\u9fff](?:{HONORIFICS})$")
_NAME_DOTS = "·・•"
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}·[\u4e00-\u9fff]{2,6}")


class People:
    """The people an article names, looked up lazily by paragraph."""

    def __init__(self, text: str, lang: Lang) -> None:
        self._text = text
        self._lang = lang
        self._starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self._by_paragraph: dict[int, list[tuple[int, str]]] = {}
        self._known: set[str] = set()

    def learn(self, names: Iterable[str]) -> None:
        """Names the text gives as speakers: the full names short forms may stand for."""
        self._known.update(names)

    def resolve(self, found: Mention, offset: int) -> str | None:
        """The full name `found` (at `offset`) stands for, or None."""
        if found.kind == "name":
            return found.text
        if found.kind == "pronoun":
            return self._nearest(offset)
        full = self._full_name(found.text, offset)
        if full:
            return full
        keep = len(found.text) > 1 and (self._lang == "en" or _HONORIFIC_TAIL.match(found.text))
        return found.text if keep else None

    def _nearest(self, offset: int) -> str | None:
        paragraph = bisect.bisect_right(self._starts, offset) - 1
        for index in (paragraph, paragraph - 1):
            if index < 0:
                break
            before = [name for at, name in self._people(index) if at < offset]
            if before:
                full = self._full_names(before[-1], offset)
                return full.pop() if len(full) == 1 else None if full else before[-1]
        return None

    def _full_name(self, short: str, offset: int) -> str | None:
        full = self._full_names(short, offset)
        return full.pop() if len(full) == 1 else None

    def _full_names(self, short: str, offset: int) -> set[str]:
        """The longer names `short` may abbreviate ("金所长" → 金明岸, "Volker" → Kurt Volker).

        Looked for among the people of this paragraph and the one before, the
        speakers the text names, and (in English) every full name in the text.
        """
        paragraph = bisect.bisect_right(self._starts, offset) - 1
        nearby = {n for i in (paragraph, paragraph - 1) if i >= 0 for _, n in self._people(i)}
        pool = nearby | self._known | self._full_names_in_text
        return {n for n in pool if n != short and _abbreviates(short, n, self._lang)}

    def _people(self, paragraph: int) -> list[tuple[int, str]]:
        if paragraph not in self._by_paragraph:
            start = self._starts[paragraph]
            end = (
                self._starts[paragraph + 1]
                if paragraph + 1 < len(self._starts)
                else len(self._text)
            )
            masked = _QUOTED.sub(lambda m: " " * len(m.group()), self._text[start:end])
            find = _people_zh if self._lang == "zh" else _people_en
            self._by_paragraph[paragraph] = [(start + at, name) for at, name in find(masked)]
        return self._by_paragraph[paragraph]

    @cached_property
    def _full_names_in_text(self) -> frozenset[str]:
        if self._lang == "zh":
            return frozenset(m.group() for m in _DOTTED_NAME.finditer(self._text))
        return frozenset(name for _, name in _people_en(self._text))


def _abbreviates(short: str, name: str, lang: Lang) -> bool:
    """Whether `short` abbreviates `name`.

    "Volker" of Kurt Volker, "劳伦斯" of 劳伦斯·洛克菲勒, "金所长" or "艾" of 金明岸.
    """
    if lang == "en":
        return name.endswith(" " + short)
    if "·" in name:
        return name.startswith(short + "·") or name.endswith("·" + short)
    by_surname = len(short) == 1 or _SURNAME_FORM.match(short)
    return bool(by_surname) and name.startswith(short[0]) and 2 <= len(name) <= 3


def _people_zh(text: str) -> list[tuple[int, str]]:
    """Persons jieba tags in `text`, with offsets; dotted transliterations joined
    (大卫·洛克菲勒); a word after 的 is a relation ("…的孙子"), not a name."""
    found: list[tuple[int, str]] = []
    position, previous = 0, ""
    for word, flag in pos_tags(text):
        if flag in _PERSON_FLAGS and previous != "的" and is_person_name(word, flag):
            joined = found and found[-1][0] + len(found[-1][1]) + 1 == position
            if joined and text[position - 1] in _NAME_DOTS:
                at, first = found.pop()
                found.append((at, f"{first}·{word}"))
            else:
                found.append((position, word))
        position += len(word)
        previous = word
    return found


def _people_en(text: str) -> list[tuple[int, str]]:
    """Full names (two to four capitalised words), leading function words dropped."""
    found = []
    for match in _EN_FULL_NAME.finditer(text):
        words = match.group().split()
        while words and words[0] in _EN_NOT_FIRST:
            words.pop(0)
        if len(words) >= 2:
            name = " ".join(words)
            found.append((match.end() - len(name), name))
    return found
