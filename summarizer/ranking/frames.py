"""Frames: the clauses around a sentence's claim that an editor cuts first.

Input: a sentence, its language and the offsets just after its clause ends
(outside brackets and quotes). Output: `frame_end`, where the sentence's
claim starts once its droppable opening frames are left out (0 when none),
and `is_frame`, whether a clause frames a claim still to come.

A long Chinese news sentence often states its purpose, source or time first
and its news last: «上述政策3年执行期满后，为了进一步优化我区营商环境，更好地服务…大局，
支持…发展，自治区决定…延续执行…5项税收优惠政策。». Kept from its start, such a
sentence was cut before its news on 10 of 24 pages of a blind editor's reading.
Dropped are only frames whose loss leaves the claim true as it stands: a
purpose (为/为了… and the subjectless clauses that continue it), a source
(据…报道/显示/统计, 据悉, 根据/按照…, "According to…"; not a person's account such
as 据萧乾回忆, which says whose memory the claim is), a time (…后/…以来/在…时,
"After…"), a survey's lead-in (调查发现/数据显示/研究表明) — but not a place: 在《…》中
may be what the claim is about (no cut ends on one either). A condition or concession
(如果/即使/虽然, "if/although") or a change the claim follows from (随着…, "as…")
is a frame a cut may not end on, but it is never dropped: without it the claim would
read as unconditional, or lose its cause (on LCSTS, «随着…控制权之争愈演愈烈，» was
the news its reference summary kept).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.models import Lang
from summarizer.text.tokens import pos_tags

__all__ = ["frame_end", "is_frame"]

_TRAILING = "，,；;：:、—– "
# Frames whose claim is still to come; a cut right after one leaves the point without it.
_KEPT_FRAME = {
    "zh": re.compile(r"^(?:如果|若|假如|即使|虽然|虽|尽管|因为|由于|随着|当|每当|除了|鉴于|在)"),
    "en": re.compile(
        r"^(?:when|whenever|if|unless|while|although|though|even though|before|because"
        r"|as|since|until|whereas|despite)\b",
        re.IGNORECASE,
    ),
}
# Frames that may be left out when the sentence must be shortened.
_DROPPED_FRAME = {
    "zh": re.compile(
        r"^(?:为了|根据|依据|按照|参照|参考|截至|自从|据(?:悉|了解))"
        r"|^据.*(?:报道|消息|显示|统计|测算|调查|数据|资料)$"
        r"|(?:(?<![落滞])后|(?<![小及按准同])时|之前|以来|期间|之际|过程中|伊始|前夕)$"
        r"|^(?:到现在|至今|如今|目前|当前|近日|日前|近年来)$"
        r"|(?:调查|研究|数据|结果|统计|报告|监测|资料)(?:结果)?(?:显示|发现|表明|指出)$"
    ),
    "en": re.compile(r"^(?:according to|after|following|during|amid)\b", re.IGNORECASE),
}
# One-character prepositions open a frame only as prepositions (自5月下旬开始, not 自治区;
# 为深入学习…, not 为此): jieba's part of speech tells them apart. A place (在…里, 在《…》中)
# is no frame to drop: «在奥威尔的小说《一九八四年》中，» was what the point was about; a time
# (在…时, 在…之后) is, by its ending.
_PREPOSITIONS = frozenset({"为", "自", "从", "经过"})
# A clause ending on a reporting verb says who speaks, not what was said.
_REPORTING = {
    "zh": re.compile(r"(?:认为|表示|指出|强调|介绍|称|说|显示|发现|表明)$"),
    "en": re.compile(r"\b(?:said|says|added|noted|told \w+)$", re.IGNORECASE),
}
_PURPOSE = ("为", "为了")
_COLON = re.compile(r"(?<!\d)[:：]|[:：](?!\d)")  # not a clock time
# First parts of speech of a clause that continues a purpose with no subject of its own
# (更好地服务…, 支持…, 进一步…): verbs and adverbs in jieba's tag set.
_CONTINUING_TAGS = frozenset({"v", "vn", "vd", "d", "ad"})


def is_frame(clause: str, lang: Lang) -> bool:
    """Whether `clause` frames a claim still to come (a cut right after it says nothing)."""
    core = _core(clause)
    return bool(
        _KEPT_FRAME[lang].search(core) or _REPORTING[lang].search(core) or _dropped(core, lang)
    )


def frame_end(sentence: str, lang: Lang, ends: Sequence[int]) -> int:
    """The offset after the sentence's droppable opening frames, 0 when it opens with its claim.

    `ends` are the offsets just after the sentence's clause ends, ascending. The
    frames stop at the first clause that is none; a purpose frame also takes the
    subjectless clauses that continue it. The last clause is always the claim.
    """
    start, last, purpose = 0, 0, False
    for end in ends:
        clause = _core(sentence[start:end])
        if _COLON.search(clause):
            break  # a lead-in ("检察院起诉指控：…") says whose claim it is
        if _dropped(clause, lang):
            purpose = clause.startswith(_PURPOSE)
        elif not (purpose and _continues(clause)):
            break
        start = last = end
    return last


def _dropped(clause: str, lang: Lang) -> bool:
    """Whether `clause` is a frame the claim stays true without."""
    if _DROPPED_FRAME[lang].search(clause):
        return True
    if lang != "zh" or not clause.startswith(tuple(_PREPOSITIONS)):
        return False
    word, tag = pos_tags(clause[:6])[0]
    return tag == "p" and word in _PREPOSITIONS


def _continues(clause: str) -> bool:
    tags = pos_tags(clause[:8])
    return bool(tags) and tags[0][1] in _CONTINUING_TAGS


def _core(clause: str) -> str:
    return clause.strip().rstrip(_TRAILING + ",").strip()
