"""The people an article names: each mention's offset, name and whether a pronoun may mean it.

Input: the article text with quotations and furniture already blanked out (a
name inside a quote or a caption is no one "he" or "她" may mean). Output:
`Person` mentions in text order. Chinese names come from jieba's person tags
(checked: surname-led, or a transliteration); English names are two to four
capitalised words, plus the last names that stand for them later.

An English name after an article, after a preposition of place, or holding
a word of organisations and places is no person a pronoun may mean
(`can_be_he` false): "a Jenny Craig weight loss spokeswoman" is a company's,
"the Trump administration" a government, "in Las Vegas" a place, "Sheffield
University" and "Kotak Securities" institutions. An editor's reading found
"she told The Telegraph" given to Jenny Craig after "Alley became a Jenny
Craig weight loss spokeswoman."; on the English pages of the extraction sets
(trafilatura, scrapinghub) the nearest-name rule gave "he"/"she" to Royal
Mail, Las Vegas, Virginia University, Paris Agreement, Kotak Securities and
Ceres Robotics. A possessive ("Jeanine Pirro’s comments") names whose the
thing is, and is no mention at all. Other objects stay candidates ("The Hill
spoke to Smith. “…,” he said" is Smith's): "to", "with", "by" tell too little.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from summarizer.models import Lang
from summarizer.ranking.speakers import common_word, is_person_name
from summarizer.text.names import (
    EN_FUNCTION_WORDS,
    EN_TITLES,
    english_name,
    is_chinese_name,
    is_english_name,
    names_a_thing,
)
from summarizer.text.tokens import pos_tags

__all__ = ["Person", "people"]


class Person(NamedTuple):
    """A name at `offset`; `can_be_he` when a later pronoun may mean it."""

    offset: int
    name: str
    can_be_he: bool


def people(text: str, lang: Lang) -> list[Person]:
    """The people `text` names, in text order."""
    return _people_zh(text) if lang == "zh" else _people_en(text)


_PERSON_FLAGS = ("nr", "nrt", "nrfg")
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


def _people_zh(text: str) -> list[Person]:
    """Persons jieba tags in `text`, with offsets.

    Dotted transliterations are joined (大卫·洛克菲勒) when one side is tagged a
    person; a word after 的 is a relation ("…的孙子"), not a name; a name after a
    preposition (对张凡, 向李强) is whom something was done to.
    """
    found: list[Person] = []
    tags = pos_tags(text)
    offsets = list(itertools.accumulate((len(w) for w, _ in tags), initial=0))
    index = 0
    while index < len(tags):
        word, flag = tags[index]
        dotted = index + 1 < len(tags) and tags[index + 1][0] in _NAME_DOTS
        if dotted and _name_piece(tags[index]):
            rest, used = _dotted_tail(tags, index + 2)
            if rest:
                found.append(Person(offsets[index], f"{word}·{rest}", True))
                index += 2 + used
                continue
        if flag in _PERSON_FLAGS and (index == 0 or tags[index - 1][0] != "的"):
            whole = _whole_name(word, tags[index + 1 : index + 2])
            name = _person(whole, flag)
            if name:
                found.append(Person(offsets[index] + len(whole) - len(name), name, True))
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


# Both open with a capital and check the word boundary behind it ("[A-Z](?<!\w[A-Z])" is
# "\b[A-Z]"), so `re` skips to capitals in its tight loop: the same names, each scan 2× faster.
_EN_FULL_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’-]+(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}\b")
_EN_NOT_FIRST = EN_FUNCTION_WORDS | frozenset(
    ["New", "North", "South", "East", "West", "United", "Mr", "Mrs", "Ms", "Dr"]
)
_POSSESSIVE = ("’s", "'s")
_EN_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[\w-]+\b(?![ ]+[A-Z]|['’]s)")
# "a Jenny Craig spokeswoman" (a brand), "in Las Vegas" (a place).
_EN_NOT_PERSON_BEFORE = re.compile(
    r"(?:^|\s)(?:a|an|the|in|at|near|across|outside|inside|throughout|around)\s+$"
)
_ARTICLES = frozenset(["A", "An", "The"])


def _people_en(text: str) -> list[Person]:
    """Full names (two to four capitalised words, or a title and a surname: "President
    Trump"), leading function words and titles dropped, and the last names that stand
    for them later ("Omar" for Ilhan Omar)."""
    found: list[Person] = []
    for match in _EN_FULL_NAME.finditer(text):
        whole = match.group().split()
        words = whole[:]
        while words and words[0] in _EN_NOT_FIRST:
            words.pop(0)
        titled = whole[0] in EN_TITLES  # "President Trump", "Mr Smith": a person's surname
        name = english_name(words) if len(words) >= 2 or titled else None
        if not name or name.endswith(_POSSESSIVE):
            continue
        if is_english_name(name) or (titled and " " not in name):
            acting = (
                _a_person(text, match.start())
                and whole[0] not in _ARTICLES
                and not names_a_thing(name)
            )
            found.append(Person(match.end() - len(name), name, acting))
    # A last name stands for a person when one of its full names is one.
    last_names: dict[str, bool] = {}
    for person in found:
        last = person.name.rsplit(" ", 1)[-1]
        last_names[last] = last_names.get(last, False) or person.can_be_he
    inside = {p.offset + len(p.name) - len(p.name.rsplit(" ", 1)[-1]) for p in found}
    found += [
        Person(m.start(), m.group(), last_names[m.group()] and _a_person(text, m.start()))
        for m in _EN_WORD.finditer(text)
        if m.group() in last_names and m.start() not in inside
    ]
    return sorted(found)


def _a_person(text: str, start: int) -> bool:
    """Whether the name whose capitalised run starts at `start` follows no article and
    no preposition of place."""
    return _EN_NOT_PERSON_BEFORE.search(text[max(0, start - 12) : start]) is None
