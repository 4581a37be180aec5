"""Who said it: the speaker's name in the words that attribute a quote.

Input: the subject of an attribution — the words before 说/表示/said, or after
"said" — as the text gives them. Output: a `Mention`: a validated name, a
pronoun, a short form ("金所长", "Volker") that may stand for a longer name, or nothing.

A name is validated, never merely "the characters before 说": issue 12 found
"微笑着", "辉当面", "信中" and "时" shown as speakers. A Chinese subject is
accepted when it is a person or organisation by jieba's part of speech
(`nr`/`nrt`/`nrfg`/`nt`), a name after a title (副司长姚建廷, 主席约翰·米勒-怀特),
a short name starting with a common surname (黄明达), a surname with an
honorific (徐女士), or a role that ends in a title (外汇交易员, 一位负责人).
An English subject is one to four capitalised words, not a function word,
with leading titles (President, CEO, Dr.) dropped. Resolving pronouns and
surnames to full names is `summarizer.ranking.coreference`'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarizer.models import Lang
from summarizer.text.names import english_name, is_chinese_name
from summarizer.text.tokens import frequencies, pos_tags

__all__ = ["HONORIFICS", "Mention", "common_word", "is_person_name", "mention"]

Kind = Literal["name", "role", "pronoun", "short"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker as the attribution names it; `short` and `pronoun` still need resolving.

    A `role` ("外汇交易员") is shown as the text gives it, but stands for no one
    else: no short form abbreviates it, and no transcript is told by it.
    """

    kind: Kind
    text: str


_TITLES_ZH = (
    "执行主席|副主席|主席|总裁|副总裁|首席执行官|首席[\u4e00-\u9fff]{0,4}师|总经理|经理|董事长|董事"
    "|总监|创始人|合伙人|教授|研究员|学者|专家|分析师|经济学家|负责人|负责同志|主任|部长|司长"
    "|局长|处长|厅长|省长|市长|县长|区长|镇长|村长|书记|发言人|院长|所长|校长|会长|理事长"
    "|秘书长|大使|参赞|总理|总统|首相|财长|外长|主管|总设计师|设计师|工程师|律师|医师|医生"
    "|教练|队长|导演|记者|作家|博士生|研究生|学生|毕业生|村民|市民|网友|居民|代表|委员|官员"
    "|主持人|交易员|船长|司机|老师|人士|CEO|CFO|CTO"
    "|男子|女子|男孩|女孩|老人|妇女|男士|患者|病人|工人|员工|职工|农民|游客|乘客|家长|店主|老板"
    "|摊主|车主|业主|消费者|志愿者"
)
HONORIFICS = "先生|女士|小姐|老师|教授|医生|所长|局长|主任|经理|院长|书记|部长|师傅|阿姨|大爷"
_NAME_AFTER_TITLE = re.compile(
    rf"(?:{_TITLES_ZH})((?:[\u4e00-\u9fff]{{1,6}}[·・•\-－]){{1,3}}[\u4e00-\u9fff]{{1,6}}"
    rf"|[\u4e00-\u9fff]{{2,3}}|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*)$"
)
_SURNAME_HONORIFIC = re.compile(rf"^([\u4e00-\u9fff])(?:{HONORIFICS})$")
_ROLE = re.compile(rf"(?:{_TITLES_ZH})$")
_DOT_NAME = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:[·・•\-－][\u4e00-\u9fff]{1,6}){1,3}$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z&.]+(?: [A-Z][A-Za-z&.]+){0,3}$")
_ORG_SUFFIX = re.compile(
    r"(?:公司|集团|银行|大学|学院|协会|学会|基金会|委员会|政府|部|局|委|院|所|中心|办公室|组织"
    r"|报|社|网|台|法院|检察院|交易所|联合会|总署|宫|府|组|小组|部门|机构|省委|市委)$"
)
_LEADING_ZH = re.compile(
    r"^(?:但是|但|而且|而|并且|并|同时|此外|对此|随后|最后|另外|其中|据|正如|因此|所以|这是|就是|那么|于是)"
)
_PRONOUNS_ZH = ("他", "她")
# "他们" is several people; "他的发言人" is someone else, described by role.
_NOT_PRONOUN_ZH = ("他们", "她们", "它们", "其他", "他人", "他的", "她的")
# Parts of speech that end a subject: prepositions, adverbs, verbs, time and number words…
_STOP_FLAGS = ("p", "d", "v", "c", "u", "f", "r", "q", "y")
# "2017年", "7月11日", "昨天": when it was said, not who said it.
_LEADING_TIME = re.compile(
    r"^(?:[0-9０-９]+[年月日号]|[0-9０-９]+|[今昨前明]天|当天|当日|近日|日前|此前)+"
)
_PERSON_FLAGS = ("nr", "nrt", "nrfg")
_ORG_FLAGS = ("nt", "ns")
_NOT_NAMES_ZH = frozenset(["记者", "本报", "专家", "有关", "相关", "大家", "人们", "对方"])


def mention(subject: str, lang: Lang) -> Mention | None:
    """The speaker named by `subject`, the words of an attribution before its verb."""
    return _mention_zh(subject) if lang == "zh" else _mention_en(subject)


def _mention_zh(subject: str) -> Mention | None:
    text = _LEADING_ZH.sub("", _LEADING_TIME.sub("", subject.strip(" ，,、：:")))
    if text.startswith(_PRONOUNS_ZH) and not text.startswith(_NOT_PRONOUN_ZH):
        return Mention("pronoun", text[0])
    text = _without_circumstance(text)
    titled = _NAME_AFTER_TITLE.search(text)
    if titled and _is_titled_name(titled.group(1)):
        return Mention("name", titled.group(1))
    if _SURNAME_HONORIFIC.match(text):  # jieba may tag its surname a verb (付 of 付小姐)
        return Mention("short", text)
    head = _head(text)
    if head and _SURNAME_HONORIFIC.match(head):
        return Mention("short", head)
    described = _described_name(text)
    if described:
        return Mention("name", described)
    role = _role(text) if _ROLE.search(text) else None
    if role:
        return Mention("role", role)
    if head is None:
        return None
    if _is_person(head) or _is_org(head):
        return Mention("name", head)
    if len(head) == 1 and _tagged(head)[0][1] in _PERSON_FLAGS:
        return Mention("short", head)
    return None


# "在接受《朝日新闻》采访时说", "在会上表示": when and where it was said, not who said it.
_CIRCUMSTANCE = re.compile(r"在[^在]{1,24}?(?:时|中|上|里|后|期间|之际)$")
_HONORIFIC_END = ("先生", "女士")


def _without_circumstance(text: str) -> str:
    """The subject without what tells how, when or where it was said.

    A manner adverb ends in 地 (动情地说, 严格地说 "strictly speaking"), a
    circumstance is "在…时/上/中": the editor's reading found 王慧杰动情地说 and
    "一位…男子在接受《朝日新闻》采访时说" left without the speaker the text names.
    """
    text = _CIRCUMSTANCE.sub("", text)
    words = _tagged(text)
    if len(words) >= 2 and words[-1] == ("地", "uv"):
        return "".join(word for word, _ in words[:-2])
    return text


def _described_name(text: str) -> str | None:
    """The name a description ends in ("编剧张晓阳", "南京大学教授陈得芝先生"):
    the nouns before a person's name say who they are. None after a conjunction
    (several people) or a preposition, or when the last word is no person's name."""
    words = _tagged(text.removesuffix(_HONORIFIC_END[0]).removesuffix(_HONORIFIC_END[1]))
    before = words[-2][1] if len(words) >= 2 else ""
    if not before.startswith("n") or before in _PERSON_FLAGS or any(f == "p" for _, f in words):
        return None  # "冯亦代向萧乾": 萧乾 is whom it was said to; 狄奥 + 根尼 is one name
    name, flag = words[-1]
    return name if is_person_name(name, flag) else None


def _head(text: str) -> str | None:
    """The subject's leading noun phrase: words up to the first preposition, adverb, verb…

    None when the subject opens with one ("就不难理解今年《政府工作报告》为何提出"
    named "就不难理解今年《政府" as a speaker), or when it cuts a 《title》 in two."""
    kept: list[tuple[str, str]] = []
    for word, flag in _tagged(text):
        if flag.startswith(_STOP_FLAGS) and flag not in _PERSON_FLAGS:
            break
        kept.append((word, flag))
    while kept and kept[-1][1].startswith(("t", "m")):  # "苹果公司9日": when, not who
        kept.pop()
    head = "".join(word for word, _ in kept)
    return head if head and head.count("《") == head.count("》") else None


def _is_person(head: str) -> bool:
    if _DOT_NAME.match(head) or _LATIN_NAME.match(head):
        return True
    if not 2 <= len(head) <= 4 or head in _NOT_NAMES_ZH:
        return False
    words = _tagged(head)
    if len(words) == 1:  # a word jieba knows is a name only if it says so (文章 is `n`)
        return is_person_name(head, words[0][1])
    if all(flag in _PERSON_FLAGS for _, flag in words) and any(f == "nrt" for _, f in words):
        return True
    plain = all(not flag.startswith(("v", "f", "u", "d", "p", "r")) for _, flag in words)
    return plain and is_chinese_name(head)


def _is_titled_name(name: str) -> bool:
    """After a title (博士生泰勒斯) a name needs less proof.

    A person tag will do, or a name jieba splits into no verb or function word.
    """
    words = _tagged(name)
    if len(words) == 1:
        return words[0][1] in _PERSON_FLAGS or _is_person(name)
    return _is_person(name) or not any(
        flag.startswith(("v", "f", "u", "d", "p", "r")) for _, flag in words
    )


def is_person_name(word: str, flag: str) -> bool:
    """A jieba person tag that holds: transliterations (`nrt`) as they are, Chinese names
    (`nr`) only of two to four characters led by a surname (jieba tags 博士生, 小姐 `nr` too)."""
    if flag == "nrt":
        return len(word) >= 2
    return flag in _PERSON_FLAGS and is_chinese_name(word) and not common_word(word, flag)


# jieba's dictionary tags common words `nr` (高峰, 于今, 文明, 明白, 满负荷):
# 4,541 such entries, the frequent ones words first and names only by chance. A
# news name jieba knows (李强) is tagged `nrfg`, or is rare; 200 is the count
# above which the editor's reading found only words (高峰 1,556, 于今 209).
COMMON_WORD_COUNT = 200


def common_word(word: str, flag: str) -> bool:
    """An `nr` word frequent in jieba's dictionary (高峰, 满负荷): a word, not a name."""
    if flag != "nr":
        return False
    return frequencies().counts([word]).get(word, 0) >= COMMON_WORD_COUNT


def _is_org(head: str) -> bool:
    words = _tagged(head)
    if len(words) == 1 and words[0][1] in _ORG_FLAGS and len(head) >= 2:
        return True
    return 3 <= len(head) <= 16 and bool(_ORG_SUFFIX.search(head))


def _role(text: str) -> str | None:
    """A speaker described by role ("北亚市场的外汇交易员", "他的发言人").

    Taken from after the last pronoun; a role after a preposition ("…对记者")
    is whom it was said to, not who said it.
    """
    words = _tagged(text)
    if any(flag == "p" for _, flag in words):
        return None
    start = 0
    for index, (_, flag) in enumerate(words[:-1]):
        if flag == "r" and words[index + 1][0] != "的":
            start = index + 1
    role = "".join(word for word, _ in words[start:])
    if role.startswith("有"):
        return None  # "有专家认为": some expert, unnamed
    return role if len(role) >= 2 and role not in _NOT_NAMES_ZH else None


_EN_PRONOUNS = frozenset(["he", "she"])
_EN_PREPOSITIONS = frozenset(["in", "of", "at", "for", "from", "with", "by", "to", "on", "about"])


def _mention_en(subject: str) -> Mention | None:
    words = subject.split()
    if words and words[-1].lower() in _EN_PRONOUNS:
        return Mention("pronoun", words[-1].lower())
    lower = [i for i, word in enumerate(words) if word[0].islower()]
    if lower and _after_preposition(words[: lower[-1] + 1]):
        return None  # "published in the journal JAMA Psychiatry argued": not the subject
    name = english_name(words[lower[-1] + 1 :] if lower else words)
    if name is None:
        return None
    # One word may be a surname, and so may "Van Der Beek": the text's full name decides.
    return Mention("short", name)


def _after_preposition(words: list[str]) -> bool:
    """The lower-case words just before a name, within its sentence, hold a preposition."""
    for word in reversed(words):
        if not word[0].islower() or word.endswith((".", "!", "?", ",")):
            return False
        if word in _EN_PREPOSITIONS:
            return True
    return False


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(pos_tags(text))
