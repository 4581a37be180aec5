"""An author field as pages fill it, reduced to the people's names in it.

Input: a raw author string from a site rule, `<meta name=author>`, JSON-LD or
a labelled byline. Output: the names, joined ("宋晨、田中全", "Greg Beacham"),
or None. Issue 12 found page furniture shown as the author: a script switch
("繁体"), an e-mail widget ("Name; Email Com"), a commenter ("丰羽煊 热门跟贴"),
a font-size button ("字号"), an editor ("责任编辑：刘光博"), a label ("作者").
So every part must be a person's name (`summarizer.text.names`): two to four
Han characters led by a common surname, a dotted transliteration, or two to
four capitalised English words without a role word ("Staff", "Writer").
Credentials ("MS", "RDN") and roles ("AP Sports Writer") are dropped.
"""

from __future__ import annotations

import re

from summarizer.text.names import is_chinese_name, is_english_name
from summarizer.text.tokens import pos_tags

__all__ = ["byline_names"]

MAX_NAMES = 4
_PARTS = re.compile(r"\s*(?:[;；,，、/|｜]|\band\b|\s{2,})\s*")
_ROLE_PREFIX = re.compile(r"^(?:本报|特约|见习|实习)?(?:记者|作者|通讯员|撰文|文|By|by)[\s：:/]*")
_BRACKETS = re.compile(r"[\[\]【】()（）<>《》]")
# Words that put a name in a comment thread, a profile box or an editor's line.
_NOT_AUTHOR = re.compile(r"编辑|跟贴|跟帖|评论|网友|关注|来自|粉丝|发布于|Email|@")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def byline_names(raw: str) -> str | None:
    """The people named in `raw`, joined; None when it names nobody."""
    if not raw or _NOT_AUTHOR.search(raw):
        return None
    names: list[str] = []
    for part in _PARTS.split(_BRACKETS.sub(" ", raw)):
        names.extend(_names_in(_ROLE_PREFIX.sub("", part.strip())))
    names = list(dict.fromkeys(names))[:MAX_NAMES]
    if not names:
        return None
    chinese = all(_HAN.search(n) for n in names)
    return ("、" if chinese else ", ").join(names)


def _names_in(part: str) -> list[str]:
    """Names in one part: "王乐文 方 敏" is 王乐文 and 方敏; "STEVE PEOPLES" is Steve Peoples."""
    if _HAN.search(part):
        return [n for n in _han_names(part.split()) if _is_han_name(n)]
    english = part.title() if part.isupper() else part
    return [english] if is_english_name(english) else []


def _is_han_name(text: str) -> bool:
    """A common surname leads it, or jieba knows it as a person (栗思)."""
    if is_chinese_name(text):
        return True
    tags = pos_tags(text)
    return len(tags) == 1 and tags[0][1] in ("nr", "nrfg", "nrt") and 2 <= len(text) <= 4


def _han_names(pieces: list[str]) -> list[str]:
    """Pieces joined where a name was spaced out one character at a time ("方 敏")."""
    names: list[str] = []
    for piece in pieces:
        if names and len(names[-1]) == 1:
            names[-1] += piece
        else:
            names.append(piece)
    return names
