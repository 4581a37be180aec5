"""Frames: the opening clauses an editor cuts first, and the ones never dropped."""

from __future__ import annotations

import pytest

from summarizer.models import Lang
from summarizer.ranking.frames import frame_end, is_frame


def _ends(sentence: str) -> list[int]:
    return [i + 1 for i, ch in enumerate(sentence.rstrip()) if ch in "，,"]


@pytest.mark.parametrize(
    ("sentence", "lang", "claim"),
    [
        # a time frame, a purpose and the subjectless clauses that continue it
        (
            "新规实施一年后，为了进一步减轻企业负担，更好地稳定就业，支持中小企业发展，"
            "市政府决定再延长三年。",
            "zh",
            "市政府决定再延长三年。",
        ),
        ("据市统计局统计，今年全市粮食产量再创新高。", "zh", "今年全市粮食产量再创新高。"),
        ("调查发现，七成受访者每天上网超过三小时。", "zh", "七成受访者每天上网超过三小时。"),
        ("自5月下旬开始，剧组先后在十个城市演出。", "zh", "剧组先后在十个城市演出。"),
        ("在省会首场演出结束时，观众起立鼓掌。", "zh", "观众起立鼓掌。"),
        (
            "According to the report, the city lost two million dollars.",
            "en",
            " the city lost two million dollars.",
        ),
        # no droppable frame: the claim starts the sentence
        (
            "自治区决定，延续五项政策，支持企业发展。",
            "zh",
            "自治区决定，延续五项政策，支持企业发展。",
        ),
        ("在线教育平台的用户，去年增长了一倍。", "zh", "在线教育平台的用户，去年增长了一倍。"),
        # a condition or a concession is never dropped: the claim would read as unconditional
        ("如果明天不下雨，比赛将照常进行。", "zh", "如果明天不下雨，比赛将照常进行。"),
        (
            "Although sales rose, the company lost money.",
            "en",
            "Although sales rose, the company lost money.",
        ),
        # nor a change the claim follows from: it may be the news
        (
            "随着两家的控制权之争愈演愈烈，公司股价连日下跌。",
            "zh",
            "随着两家的控制权之争愈演愈烈，公司股价连日下跌。",
        ),
        # nor a person's account, nor a place
        ("据萧乾回忆，我们就去南河沿搭起了班子。", "zh", "据萧乾回忆，我们就去南河沿搭起了班子。"),
        ("在那部小说中，主人公是这样理解权力的。", "zh", "在那部小说中，主人公是这样理解权力的。"),
        # a lead-in says whose claim it is
        (
            "检察院起诉指控：2003年以来，被告人多次受贿。",
            "zh",
            "检察院起诉指控：2003年以来，被告人多次受贿。",
        ),
    ],
)
def test_the_claim_starts_after_droppable_frames(sentence: str, lang: Lang, claim: str) -> None:
    assert sentence[frame_end(sentence, lang, _ends(sentence)) :] == claim


@pytest.mark.parametrize(
    ("clause", "lang", "framing"),
    [
        ("我们认为，", "zh", True),  # a reporting verb: what was said is still to come
        ("随着新展厅开放的日子临近，", "zh", True),
        ("如果明天不下雨，", "zh", True),
        ("在这次大会上，", "zh", True),  # a place: kept, but no cut ends on it
        ("到现在，", "zh", True),  # a piece ended "…85700个，到现在…"
        ("他每天工作8小时，", "zh", False),
        ("比赛于昨天正式开始，", "zh", False),
        ("When the council met last week,", "en", True),
        ("Officials said,", "en", True),
        ("The council met last week,", "en", False),
    ],
)
def test_a_frame_has_its_claim_still_to_come(clause: str, lang: Lang, framing: bool) -> None:
    assert is_frame(clause, lang) is framing
