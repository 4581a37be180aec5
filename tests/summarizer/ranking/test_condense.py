"""Condensing: a long sentence keeps its opening clauses, whole thoughts, verbatim."""

from __future__ import annotations

import re

import pytest

from summarizer.models import Lang
from summarizer.ranking.condense import ELLIPSIS, MIN_PIECE, SLACK, best_run, condense, size

LONG_ZH = (
    "，".join(
        [
            "各位领导各位来宾大家好",
            "今天我们讨论互联网和电影的关系",
            "去年公司营收4.15亿美元",
            "利润增长23.4%",
            "单笔订单最高1,234.5元",
            "覆盖3.5亿用户",
            "这些数字说明互联网正在改变电影的产供销体系",
        ]
        * 5
    )
    + "。"
)


def _digit_runs(text: str) -> list[str]:
    return [run.rstrip(",.") for run in re.findall(r"\d[\d,.]*", text)]


def test_a_long_sentence_keeps_its_start_and_ends_at_a_clause_end() -> None:
    result = condense(LONG_ZH, "zh", 120)
    assert size(result, "zh") <= 121
    assert not result.startswith(ELLIPSIS)
    assert result.endswith(ELLIPSIS)
    assert LONG_ZH.startswith(result[:-1])
    assert LONG_ZH[len(result) - 1] == "，"  # the cut fell at a clause end


@pytest.mark.parametrize("limit", [20, 30, 40, 60, 90])
def test_numbers_are_never_cut(limit: int) -> None:
    result = condense(LONG_ZH, "zh", limit)
    assert set(_digit_runs(result)) <= set(_digit_runs(LONG_ZH)), result
    assert LONG_ZH.startswith(result.rstrip(ELLIPSIS))


@pytest.mark.parametrize("limit", range(14, 26))
def test_a_head_cut_never_cuts_a_number(limit: int) -> None:
    sentence = "今年这家公司的营收一共达到了1234567.89亿美元之多而且还在继续增长当中" * 3
    result = condense(sentence, "zh", limit)
    assert set(_digit_runs(result)) <= {"1234567.89"}, result


@pytest.mark.parametrize(
    ("sentence", "lang", "limit"),
    [
        ("张勇说互联网+电影的主语是电影。", "zh", 120),
        ("A short sentence stays.", "en", 45),
        ("We asked, and the council said it would vote on the plan next week.", "en", 14),
    ],
)
def test_a_sentence_within_the_generous_limit_is_whole(
    sentence: str, lang: Lang, limit: int
) -> None:
    assert size(sentence, lang) <= SLACK * limit
    assert condense(sentence, lang, limit) == sentence


def test_english_keeps_the_subject_not_the_most_topical_run() -> None:
    # The editor's c69e539 case: a run without "Ascom" had no subject.
    sentence = (
        "Ascom, the Swiss communications company, on Monday announced a new North American "
        "integrated clinical alarm management solution, which it says will cut alarm fatigue "
        "in hospitals, reduce response times for nurses, and work with existing systems from "
        "several vendors across the region."
    )
    result = condense(sentence, "en", 20)
    assert result.startswith("Ascom, the Swiss communications company")
    assert result.endswith(ELLIPSIS)
    assert size(result, "en") <= 20


def test_no_piece_is_a_lead_in_with_nothing_after_it() -> None:
    # sina 汲斌昌: "…起诉指控：2003年至2022年…" lost the charge.
    sentence = (
        "无锡市人民检察院起诉指控：2003年至2022年，被告人汲斌昌利用担任中国人民银行无锡市中心支行"
        "行长等职务上的便利，为有关单位和个人在贷款审批、工程承揽等事项上提供帮助，"
        "非法收受他人财物共计折合人民币一千余万元，并在案发后如实供述了自己的全部罪行。"
    )
    result = condense(sentence, "zh", 60)
    after_colon = result.split("：", 1)[1].rstrip(ELLIPSIS)
    assert len(after_colon) >= MIN_PIECE["zh"]
    assert sentence.startswith(result.rstrip(ELLIPSIS))


def test_never_cut_inside_brackets_or_quotes() -> None:
    sentence = (
        "该厂负责人说（这是他第一次公开谈及此事，此前一直保持沉默，外界对此猜测很多，"
        "包括电价、煤价和人事变动等等），今年的发电任务已经提前完成，而且各项指标都创了历史新高，"
        "明年还将继续扩大生产规模，争取再上一个台阶，为地方经济做出更大贡献。"
    )
    result = condense(sentence, "zh", 50)
    kept = result.rstrip(ELLIPSIS)
    assert kept.count("（") == kept.count("）")


def test_a_sentence_up_to_overrun_is_whole_rather_than_a_stub() -> None:
    clause = "这家企业在过去的三年时间里持续加大研发投入并不断扩大生产规模"
    sentence = "总的来看，" + clause * 3 + "。"
    assert condense(sentence, "zh", 70) == sentence


def test_one_run_on_clause_keeps_its_head() -> None:
    sentence = "这是一个没有任何逗号而且非常非常长的句子" * 10
    result = condense(sentence, "zh", 30)
    assert result.endswith(ELLIPSIS)
    assert sentence.startswith(result[:-1])
    assert size(result, "zh") <= 31


def test_a_sentence_that_is_one_long_number_still_says_something() -> None:
    assert condense("一" * 500, "zh", 80) == "一" * 80 + ELLIPSIS


def test_a_hard_wrapped_sentence_reads_as_one_line() -> None:
    assert condense("每天都有学生\n前往广场。", "zh", 120) == "每天都有学生 前往广场。"


def test_a_clause_over_the_limit_is_shown_whole_not_cut_mid_clause() -> None:
    clause = "张勇提出了互联网与电影不应只是简单的加法关系而是乘数效应"  # 28 characters, no comma
    sentence = clause + "，这是他的看法。"
    assert best_run(sentence, "zh", 20, lambda part: float("乘数" in part)) == clause + "…"
    assert condense(sentence, "zh", 20) == sentence  # within OVERRUN × the limit: whole


def test_many_commas_stay_linear() -> None:
    sentence = "word, " * 20000 + "end."
    result = condense(sentence, "en", 45)
    assert result.endswith(ELLIPSIS) and size(result, "en") <= 45


@pytest.mark.parametrize(
    ("sentence", "lang", "limit", "not_ending"),
    [
        (
            "被告人汲斌昌利用担任山东省经济体制改革办公室副主任、山东省人民政府国有资产监督管理委员会副主任、"
            "山东省鲁信投资控股集团有限公司董事长等职务上的便利，为有关单位和个人在企业经营、职务晋升等方面提供帮助，"
            "非法收受财物共计折合人民币5.26亿余元。",
            "zh",
            40,
            "副主任…",
        ),
        (
            "记者从市文旅局获悉，随着新展厅正式对公众开放的日子临近，讲解员们已经连续三周在门口排练，"
            "展厅里陈列着两百多件首次公开展出的文物。",
            "zh",
            40,
            "临近…",
        ),
        (
            "When the council finally published the engineers' report on the harbour bridge "
            "last week, residents learned that the cracks had been spreading for years, "
            "and that the repairs would cost far more than the city had budgeted.",
            "en",
            20,
            "last week…",
        ),
    ],
)
def test_a_cut_never_ends_before_the_main_clause(
    sentence: str, lang: Lang, limit: int, not_ending: str
) -> None:
    """A piece ending on a frame or mid-list says nothing (the editor's reading)."""
    piece = condense(sentence, lang, limit)
    assert not piece.endswith(not_ending)
    assert all(part in sentence for part in piece.split("…") if part)


# A purpose frame and its subjectless continuations, then the news (a blind editor's
# reading: cut from its start, such a sentence stopped before its news on 10 of 24 pages).
FRAMED = (
    "新规实施三年期满后，为了进一步优化本地营商环境，更好地服务稳就业保民生的大局，"
    "支持全市民营经济及各类所有制经济高质量发展，市政府决定2024年1月1日至2026年12月31日"
    "延续执行其余5项税收优惠政策。"
)


def test_a_long_sentence_drops_its_opening_frames_before_its_news() -> None:
    piece = condense(FRAMED, "zh", 60)
    assert piece == "…" + FRAMED[FRAMED.index("市政府决定") :]


@pytest.mark.parametrize(
    ("sentence", "lang", "start"),
    [
        # a condition is never dropped: the claim would read as unconditional
        (
            "如果" + "明年的降雨量仍然低于过去十年的平均水平" * 3 + "，全省的粮食产量将下降。",
            "zh",
            "如果",
        ),
        # nor a lead-in saying whose claim it is
        (
            "检察院起诉指控：" + "被告人利用职务上的便利为他人谋取利益" * 3 + "，数额特别巨大。",
            "zh",
            "检察院",
        ),
    ],
)
def test_a_frame_the_claim_needs_is_kept(sentence: str, lang: Lang, start: str) -> None:
    assert condense(sentence, lang, 40).startswith(start)


def test_an_english_source_frame_is_dropped_when_the_sentence_is_cut() -> None:
    sentence = (
        "According to the annual report the ministry published on its website on Monday "
        "morning, the national railway lost 2.1 billion dollars last year, its worst result "
        "in two decades."
    )
    piece = condense(sentence, "en", 20)
    assert piece.startswith("…the national railway lost 2.1 billion dollars")


def test_a_cut_does_not_drop_every_figure_of_the_sentence() -> None:
    # Cut at its last clause end within the limit, the piece kept the boilerplate and
    # dropped the decision's figures.
    sentence = (
        "财政厅传出最新消息：今年伊始，自治区党委、政府积极贯彻落实中央经济工作会议精神，"
        "决定延续去年底到期的涉及4个税种、5项税收优惠政策的执行时限。"
    )
    assert condense(sentence, "zh", 60) == sentence


def test_a_piece_never_ends_on_a_reporting_verb() -> None:
    sentence = (
        "参考本市中小学生心理健康教育设立的标准，我们认为，健康的儿童不仅需要没有心理疾病，"
        "而且要具有较高的与社会发展相互适应、与周围人群相互交流沟通的能力。"
    )
    piece = condense(sentence, "zh", 40)
    assert not piece.rstrip(ELLIPSIS).endswith("我们认为")
    assert "健康的儿童" in piece


def test_a_count_in_words_is_no_figure_to_run_on_to() -> None:
    sentence = (
        "财政厅传出最新消息：今年伊始，自治区党委、政府积极贯彻落实中央经济工作会议精神，"
        "决定延续去年底到期的涉及两个税种、几项税收优惠政策的执行时限。"
    )
    assert condense(sentence, "zh", 60).endswith("精神…")


def test_a_short_frame_stays_unless_dropping_it_lets_the_claim_fit() -> None:
    claim = "在市委的坚强领导下，市政协紧紧围绕中心工作，" * 4 + "取得了新的成效。"
    assert condense("2018年以来，" + claim, "zh", 60).startswith("2018年以来，")
    short = "记者了解到，全市今年新建的三十所学校已经全部投入使用，新增学位两万多个。"
    assert condense("据了解，" + short, "zh", len(short)) == "…" + short
