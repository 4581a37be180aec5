"""Condensing: long sentences shrink to verbatim clause runs marked with "…"."""

from __future__ import annotations

import re

import pytest

from summarizer.ranking.condense import ELLIPSIS, condense, size

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


def _by_length(part: str) -> float:
    return float(len(part))


def _parts(condensed: str) -> list[str]:
    return [p for p in condensed.split(ELLIPSIS) if p]


def test_a_long_chinese_sentence_fits_and_stays_verbatim() -> None:
    assert len(LONG_ZH) > 400
    result = condense(LONG_ZH, "zh", 120, lambda part: float("电影" in part))
    assert size(result, "zh") <= 120
    assert ELLIPSIS in result
    assert all(part in LONG_ZH for part in _parts(result))
    assert "电影" in result


def _digit_runs(text: str) -> list[str]:
    return [run.rstrip(",.") for run in re.findall(r"\d[\d,.]*", text)]


@pytest.mark.parametrize("limit", [20, 30, 40, 60, 90])
def test_numbers_are_never_cut(limit: int) -> None:
    whole = set(_digit_runs(LONG_ZH))
    result = condense(LONG_ZH, "zh", limit, _by_length)
    assert set(_digit_runs(result)) <= whole, result


@pytest.mark.parametrize("limit", range(14, 26))
def test_a_head_cut_never_cuts_a_number(limit: int) -> None:
    sentence = "今年这家公司的营收一共达到了1234567.89亿美元之多而且还在继续增长当中"
    result = condense(sentence, "zh", limit, _by_length)
    assert set(_digit_runs(result)) <= {"1234567.89"}, result


@pytest.mark.parametrize(
    ("sentence", "lang", "limit"),
    [("张勇说互联网+电影的主语是电影。", "zh", 120), ("A short sentence stays.", "en", 45)],
)
def test_a_short_sentence_is_unchanged(sentence: str, lang: str, limit: int) -> None:
    assert condense(sentence, lang, limit, _by_length) == sentence  # type: ignore[arg-type]


def test_english_counts_words_and_keeps_the_best_run() -> None:
    sentence = ", ".join(["the weather was fine that day"] * 6 + ["NASA found water on Mars"]) + "."
    result = condense(sentence, "en", 12, lambda part: 5.0 * ("NASA" in part) + 0.1)
    assert size(result, "en") <= 12
    assert "NASA found water on Mars" in result
    assert result.startswith(ELLIPSIS)
    assert all(part.strip() in sentence for part in _parts(result))


def test_one_clause_longer_than_the_limit_keeps_its_head() -> None:
    sentence = "这是一个没有任何逗号而且非常非常长的句子" * 10
    result = condense(sentence, "zh", 30, _by_length)
    assert result.endswith(ELLIPSIS)
    assert sentence.startswith(result[:-1])
    assert size(result, "zh") <= 31


def test_a_sentence_that_is_one_long_number_still_says_something() -> None:
    assert condense("一" * 500, "zh", 80, _by_length) == "一" * 80 + ELLIPSIS


def test_a_hard_wrapped_sentence_reads_as_one_line() -> None:
    from summarizer.ranking.condense import condense

    assert (
        condense("每天都有学生\n前往广场。", "zh", 120, lambda part: 1.0)
        == "每天都有学生 前往广场。"
    )


def test_a_clause_over_the_limit_is_shown_whole_not_cut_mid_clause() -> None:
    clause = "张勇提出了互联网与电影不应只是简单的加法关系而是乘数效应"  # 28 characters, no comma
    sentence = clause + "，这是他的看法。"
    shown = condense(sentence, "zh", 20, lambda part: float("乘数" in part))
    assert shown == clause + "…"
