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
import itertools
import re
from collections.abc import Iterable
from functools import cached_property

from summarizer.models import Lang
from summarizer.ranking.speakers import (
    EN_FUNCTION_WORDS,
    HONORIFICS,
    Mention,
    common_word,
    english_name,
    is_person_name,
)
from summarizer.text.names import is_chinese_name, is_english_name
from summarizer.text.tokens import pos_tags

__all__ = ["People"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』|\"[^\"\n]*\"")
_EN_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}\b")
_EN_NOT_FIRST = EN_FUNCTION_WORDS | frozenset(
    ["New", "North", "South", "East", "West", "United", "Mr", "Mrs", "Ms", "Dr"]
)
_PERSON_FLAGS = ("nr", "nrt", "nrfg")
_HONORIFIC_TAIL = re.compile(r"^[\u4e00-\u9fff](?:先生|女士|小姐)$")
_SURNAME_FORM = re.compile(rf"^[\u4e00-\u9fff](?:{HONORIFICS})$")
_NAME_DOTS = frozenset("·・•")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_FUNCTION_FLAGS = ("v", "p", "u", "c", "d", "r", "m", "q", "f", "t", "a")
MAX_TAIL = 6
# Words jieba's dictionary tags as person names that are not names.
_NOT_PEOPLE = frozenset(["博士生", "研究生", "小姐", "孙子", "宇航", "司"])
# Characters of foreign names in Chinese (Xinhua's transliteration table, the common
# ones): a three-character `nr` word not led by a surname is a name only if it reads
# like one (特朗普, 泽连斯基); jieba also tags words such as 满负荷 `nr`, and "他说"
# after "所有电厂均满负荷运作" was given to 满负荷 (an editor's reading, 2026-12-01).
_TRANSLITERATION = frozenset(
    "阿埃艾安奥巴拜班邦保鲍贝本比彼毕宾波伯博布采查达戴丹道德迪蒂丁杜多厄恩法菲费芬丰夫福弗"
    "盖冈戈格古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库奎拉莱兰朗劳勒雷里利莉丽林"
    "琳卢鲁路伦罗洛马玛迈麦曼梅门蒙米密敏摩莫姆穆纳娜奈南内尼涅诺帕派潘佩彭皮普齐奇乔切琼丘"
    "萨塞桑瑟森沙莎舍什施史斯松苏索塔泰坦汤唐陶特提汀图托瓦万威韦维温沃乌伍西希辛休雅亚扬耶"
    "伊因英尤约泽扎詹珍兹佐"
)


class People:
    """The people an article names (outside quotation marks), with their offsets."""

    def __init__(self, text: str, lang: Lang, *, hidden: Iterable[tuple[int, int]] = ()) -> None:
        """`hidden` spans (captions, credits) name no one a pronoun may mean."""
        self._text = text
        self._hidden = list(hidden)
        self._lang = lang
        self._starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self._known: set[str] = set()

    def learn(self, names: Iterable[str]) -> None:
        """Names the text gives as speakers: the full names short forms may stand for.

        Called before the first `resolve`.
        """
        self._known.update(names)

    def resolve(self, found: Mention, offset: int) -> str | None:
        """The full name `found` (at `offset`) stands for, or None."""
        if found.kind == "name":
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
        """The last person named before `offset` in its paragraph or the one before."""
        paragraph = bisect.bisect_right(self._starts, offset) - 1
        window = self._starts[max(0, paragraph - 1)]
        at = bisect.bisect_left(self._offsets, offset) - 1
        if at < 0 or self._people[at][0] < window:
            return None
        name = self._people[at][1]
        full = self._full_names(name)
        return full.pop() if len(full) == 1 else None if full else name

    def _full_names(self, short: str) -> set[str]:
        """The longer names `short` may abbreviate ("金所长" → 金明岸, "Volker" → Kurt Volker).

        Looked up by key (a surname, a dotted part, a last name), so a page of
        many quotes and many names stays linear.
        """
        pool = self._index.get(short, set()) | self._index.get(short[0], set())
        return {n for n in pool if n != short and _abbreviates(short, n, self._lang)}

    @cached_property
    def _names(self) -> frozenset[str]:
        return frozenset(name for _, name in self._people)

    @cached_property
    def _index(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for name in self._known | self._names:
            for key in _keys(name, self._lang):
                index.setdefault(key, set()).add(name)
        return index

    @cached_property
    def _people(self) -> list[tuple[int, str]]:
        chars = list(_QUOTED.sub(lambda m: " " * len(m.group()), self._text))
        for start, end in self._hidden:
            chars[start:end] = " " * (end - start)
        masked = "".join(chars)
        return _people_zh(masked) if self._lang == "zh" else _people_en(masked)

    @cached_property
    def _offsets(self) -> list[int]:
        return [at for at, _ in self._people]


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


def _people_zh(text: str) -> list[tuple[int, str]]:
    """Persons jieba tags in `text`, with offsets.

    Dotted transliterations are joined (大卫·洛克菲勒) when one side is tagged a
    person; a word after 的 is a relation ("…的孙子"), not a name.
    """
    found: list[tuple[int, str]] = []
    tags = pos_tags(text)
    offsets = list(itertools.accumulate((len(w) for w, _ in tags), initial=0))
    index = 0
    while index < len(tags):
        word, flag = tags[index]
        dotted = index + 1 < len(tags) and tags[index + 1][0] in _NAME_DOTS
        if dotted and _name_piece(tags[index]):
            rest, used = _dotted_tail(tags, index + 2)
            if rest:
                found.append((offsets[index], f"{word}·{rest}"))
                index += 2 + used
                continue
        if flag in _PERSON_FLAGS and (index == 0 or tags[index - 1][0] != "的"):
            whole = _whole_name(word, tags[index + 1 : index + 2])
            name = _person(whole, flag)
            if name:
                found.append((offsets[index] + len(whole) - len(name), name))
        index += 1
    return found


def _whole_name(word: str, following: list[tuple[str, str]]) -> str:
    """`word` with the name character jieba cut off ("李博" + "灏"): a bound morpheme
    (`g`) cannot stand alone, so it finishes the name before it."""
    if following and following[0][1] == "g" and len(word) == 2 and len(following[0][0]) == 1:
        return word + following[0][0]
    return word


def _name_piece(tag: tuple[str, str]) -> bool:
    word, flag = tag
    return bool(_HAN_WORD.match(word)) and not flag.startswith(_FUNCTION_FLAGS)


def _dotted_tail(tags: list[tuple[str, str]], start: int) -> tuple[str, int]:
    """The part of a transliterated name after its dot (name-like words, up to six
    characters) and how many words it took."""
    tail, used = "", 0
    for word, flag in tags[start:]:
        if not _name_piece((word, flag)) or len(tail + word) > MAX_TAIL:
            break
        if tail and len(word) > 1 and flag not in _PERSON_FLAGS:
            break
        tail, used = tail + word, used + 1
    return tail, used


def _person(word: str, flag: str) -> str | None:
    """A tagged name that holds: surname-led, or a transliteration of three or more
    characters; "出孙启勤" (a verb's character glued to a name) is 孙启勤."""
    if word in _NOT_PEOPLE or common_word(word, flag):
        return None
    if is_person_name(word, flag):
        return word
    if len(word) >= 3 and is_chinese_name(word[1:]):
        return word[1:]
    return word if len(word) >= 3 and _reads_foreign(word) else None


def _reads_foreign(word: str) -> bool:
    """Most of the word's characters are transliteration characters (特朗普, not 满负荷)."""
    return sum(char in _TRANSLITERATION for char in word) * 3 >= len(word) * 2


def _people_en(text: str) -> list[tuple[int, str]]:
    """Full names (two to four capitalised words), leading function words and titles
    dropped, and the last names that stand for them later ("Omar" for Ilhan Omar).

    A possessive ("host Jeanine Pirro’s comments") names whose the thing is, not
    someone who may be "she" next: the editor's reading found such a quote
    given to Pirro when the text's "Omar" was nearer.
    """
    found = []
    for match in _EN_FULL_NAME.finditer(text):
        words = match.group().split()
        while words and words[0] in _EN_NOT_FIRST:
            words.pop(0)
        name = english_name(words) if len(words) >= 2 else None
        if name and is_english_name(name) and not name.endswith(_POSSESSIVE):
            found.append((match.end() - len(name), name))
    last_names = {name.rsplit(" ", 1)[1] for _, name in found}
    found += [(m.start(), m.group()) for m in _EN_WORD.finditer(text) if m.group() in last_names]
    return sorted(set(found))


_POSSESSIVE = ("’s", "'s")
_EN_WORD = re.compile(r"\b[A-Z][\w-]+\b(?![ ]+[A-Z]|['’]s)")
