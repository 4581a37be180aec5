"""Whom "he", "她" or "Volker" means: pronouns and short names resolved to people.

Input: the article text, its sentence starts and a `Mention` at an offset.
Output: the full name of the person meant, or None when the text does not
make it clear.

A pronoun means a person named before it, outside quotation marks, in the same
paragraph or the one before; a reader would look no further, and neither do
we. Among those, the nearest sentence naming someone who acts in it wins, and
in that sentence the first such person (its subject, as a rule): "Sonya A.
Zoghlin, Carlineo’s attorney, told The Hill … harm to Omar … “…,” she said" is
Zoghlin's, where the nearest name (Omar) was the editor's reading of a wrong
speaker; a name after a preposition or an article, or a possessive, is no one
a pronoun means (`summarizer.ranking.people`). It never defaults to the
previous quote's speaker: issue 12 found "张凡…他说：“据我了解…”" given to 付小姐
that way. A surname form ("金所长", "艾", "Volker") becomes the one full name in
the text that it abbreviates (金明岸, 艾思奇, Kurt Volker); with none or several,
the surname form is kept when it is a name in itself (徐女士, Nissan) and dropped
when it is one bare Chinese character. Better no speaker than a wrong one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cached_property

from summarizer.models import Lang
from summarizer.ranking.people import Person, people
from summarizer.ranking.speakers import HONORIFICS, Mention

__all__ = ["People"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|\"[^\"\n]*\"")
# A sentence whose subject is a pronoun ("She compares him to Trump.") is about someone
# named earlier: "…,” she said" after it is Warren's, not Trump's (an English page of
# the extraction sets).
_PRONOUN = {
    "en": re.compile(r"\b(?:[Hh]e|[Ss]he)\b"),
    "zh": re.compile(r"[他她](?![们們人])(?<!其他)"),
}
_HONORIFIC_TAIL = re.compile(r"^[\u4e00-\u9fff](?:先生|女士|小姐)$")
_SURNAME_FORM = re.compile(rf"^[\u4e00-\u9fff](?:{HONORIFICS})$")


class People:
    """The people an article names (outside quotation marks), with their offsets."""

    def __init__(
        self,
        text: str,
        lang: Lang,
        *,
        sentences: Sequence[int] = (),
        hidden: Iterable[tuple[int, int]] = (),
    ) -> None:
        """`sentences`: where the sentences start; `hidden` spans (captions, credits)
        name no one a pronoun may mean."""
        self._text = text
        self._hidden = list(hidden)
        self._lang = lang
        self._starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self._sentences = sorted({*sentences, *self._starts})
        self._known: set[str] = set()

    def learn(self, names: Iterable[str]) -> None:
        """Names the text gives as speakers: the full names short forms may stand for.

        Called before the first `resolve`.
        """
        self._known.update(names)

    def resolve(self, found: Mention, offset: int) -> str | None:
        """The full name `found` (at `offset`) stands for, or None."""
        if found.kind in ("name", "role"):
            return found.text
        if found.kind == "pronoun":
            return self._nearest(offset)
        full = self._full_names(found.text)
        if len(full) == 1:
            return full.pop()
        if not full and (shorter := self._shorter_name(found.text)):
            return shorter
        keep = len(found.text) > 1 and (self._lang == "en" or _HONORIFIC_TAIL.match(found.text))
        return found.text if keep and not full else None

    def _shorter_name(self, name: str) -> str | None:
        """The text's full name that ends `name` ("Ukraine Kurt Volker" → Kurt Volker)."""
        if self._lang != "en":
            return None
        words = name.split()
        suffixes = (" ".join(words[i:]) for i in range(1, len(words) - 1))
        return next((n for n in suffixes if n in self._names), None)

    def _nearest(self, offset: int) -> str | None:
        """The first person acting in the last sentence, before `offset` in its
        paragraph or the one before, that names someone acting — and is not about
        someone a pronoun already means."""
        paragraph = bisect.bisect_right(self._starts, offset) - 1
        window = self._starts[max(0, paragraph - 1)]
        low = bisect.bisect_left(self._offsets, window)
        high = bisect.bisect_left(self._offsets, offset)
        acting = [p for p in self._people[low:high] if p.can_be_he]
        firsts: dict[int, Person] = {}
        for person in acting:
            firsts.setdefault(self._sentence_of(person.offset), person)
        pronoun = _PRONOUN[self._lang]
        for sentence, first in sorted(firsts.items(), reverse=True):
            if not pronoun.search(self._masked, self._sentences[sentence], first.offset):
                full = self._full_names(first.name)
                return full.pop() if len(full) == 1 else None if full else first.name
        return None

    def _sentence_of(self, offset: int) -> int:
        return bisect.bisect_right(self._sentences, offset) - 1

    def _full_names(self, short: str) -> set[str]:
        """The longer names `short` may abbreviate ("金所长" → 金明岸, "Volker" → Kurt Volker).

        Looked up by key (a surname, a dotted part, a last name), so a page of
        many quotes and many names stays linear.
        """
        pool = self._index.get(short, set()) | self._index.get(short[0], set())
        return {n for n in pool if n != short and _abbreviates(short, n, self._lang)}

    @cached_property
    def _names(self) -> frozenset[str]:
        return frozenset(person.name for person in self._people)

    @cached_property
    def _index(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for name in self._known | self._names:
            for key in _keys(name, self._lang):
                index.setdefault(key, set()).add(name)
        return index

    @cached_property
    def _masked(self) -> str:
        """The text with quotations and furniture blanked: what names no one a pronoun means."""
        chars = list(_QUOTED.sub(lambda m: " " * len(m.group()), self._text))
        for start, end in self._hidden:
            chars[start:end] = " " * (end - start)
        return "".join(chars)

    @cached_property
    def _people(self) -> list[Person]:
        return people(self._masked, self._lang)

    @cached_property
    def _offsets(self) -> list[int]:
        return [person.offset for person in self._people]


def _keys(name: str, lang: Lang) -> list[str]:
    """What a short form of `name` may look like, or start with."""
    if lang == "en":
        words = name.split()
        return [" ".join(words[i:]) for i in range(1, len(words))]
    return [name[0], *name.split("·")]


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
