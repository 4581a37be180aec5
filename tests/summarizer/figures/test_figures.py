"""Key figures: what counts, what it is worth, what is left out, and how they rank."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from summarizer.figures.find import find_figures
from summarizer.models import Digest, Figure, Lang
from summarizer.pipeline import summarize
from tests.support.shared_data import NO_SHARED


def _only(text: str, lang: Lang = "zh") -> Figure:
    figures = find_figures(text, lang=lang)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "kind"),
    [
        ("一共帮产业筹了5.3亿人民币。", "5.3亿人民币", "530000000", "CNY", "money"),
        ("背后有超过6000万用户，", "6000万用户", "60000000", "用户", "count"),
        ("我们参与了24部电影筹资工作", "24部电影", "24", "部", "count"),
        ("持有15％股权", "15％", "15", "%", "percent"),
        ("中国资金净流出400亿美元", "400亿美元", "40000000000", "USD", "money"),
        ("收于51.45美元", "51.45美元", "51.45", "USD", "money"),
        ("共有21597人", "21597人", "21597", "人", "count"),
        ("耕地50284亩", "50284亩", "50284", "亩", "quantity"),
        ("投资5.01万亿元", "5.01万亿元", "5010000000000", "CNY", "money"),
        ("增速14%—20%", "14%—20%", "20", "%", "percent"),
        ("投资3-5亿元", "3-5亿元", "500000000", "CNY", "money"),
        ("同比负3.9%", "负3.9%", "-3.9", "%", "percent"),
        ("净利润为负2亿元", "负2亿元", "-200000000", "CNY", "money"),
        ("为企业减负180亿元", "180亿元", "18000000000", "CNY", "money"),  # 减负: a word
        ("五千万元", "五千万元", "50000000", "CNY", "money"),
        ("百分之五的用户", "百分之五", "5", "%", "percent"),
        ("约三成用户", "三成", "30", "%", "percent"),
        ("每股1.95港元", "1.95港元", "1.95", "HKD", "money"),
        ("另需1万亿日元", "1万亿日元", "1000000000000", "JPY", "money"),
        ("奖金8亿元人民币", "8亿元人民币", "800000000", "CNY", "money"),
        ("两美元又三美分", "两美元又三美分", "2.03", "USD", "money"),
        ("It raised $2.1 billion.", "$2.1 billion", "2100000000", "USD", "money"),
        ("Sales rose 12% last year.", "12%", "12", "%", "percent"),
        ("up 5 per cent on the year", "5 per cent", "5", "%", "percent"),
        ("It has two million users.", "two million users", "2000000", "users", "count"),
        ("It has 2m subscribers.", "2m subscribers", "2000000", "subscribers", "count"),
        ("a bid of £3.5bn was made", "£3.5bn", "3500000000", "GBP", "money"),
        ("worth HK$ 10.05 billion", "HK$ 10.05 billion", "10050000000", "HKD", "money"),
        ("fined 323 million euros", "323 million euros", "323000000", "EUR", "money"),
        ("down 34 cents", "34 cents", "0.34", "USD", "money"),
        ("a 17 km walk", "17 km", "17", "km", "quantity"),
        ("exports of 1,458,000 tonnes", "1,458,000 tonnes", "1458000", "tonnes", "quantity"),
        ("注入200-300毫升", "200-300毫升", "300", "毫升", "quantity"),
        ("降温6～12℃", "6～12℃", "12", "℃", "quantity"),
        ("一个月减8到10斤", "8到10斤", "10", "斤", "quantity"),
        ("投入五千万元", "五千万元", "50000000", "CNY", "money"),
        ("投入5000万元", "5000万元", "50000000", "CNY", "money"),
        ("a 700-million yuan loan", "700-million yuan", "700000000", "CNY", "money"),
        (
            "three and a half million dollars",
            "three and a half million dollars",
            "3500000",
            "USD",
            "money",
        ),
        ("a 3.5 GHz chip", "3.5 GHz", "3.5", "GHz", "quantity"),
        ("it stores 100 MWh", "100 MWh", "100", "MWh", "quantity"),
        ("uses 12 kWh a day", "12 kWh", "12", "kWh", "quantity"),
        ("beams of 13 TeV", "13 TeV", "13", "TeV", "quantity"),
        ("a gap of 1.1 eV", "1.1 eV", "1.1", "eV", "quantity"),
        ("a 2 L engine", "2 L", "2", "L", "quantity"),
        ("5 gallons of milk", "5 gallons", "5", "gallons", "quantity"),
        ("a 10-inch record", "10-inch", "10", "inch", "quantity"),
        ("388 miles an hour", "388 miles an hour", "388", "miles", "quantity"),
        ("120Hz 刷新率", "120Hz", "120", "Hz", "quantity"),
        ("超过1200海里", "1200海里", "1200", "海里", "quantity"),
        ("一吨半", "一吨半", "1.5", "吨", "quantity"),
        ("花去20多万元", "20多万元", "200000", "CNY", "money"),
        ("就业岗位400多个", "400多个", "400", "个", "count"),
        ("25 points for him", "25 points", "25", "points", "count"),
        ("with 86 triple-doubles", "86 triple-doubles", "86", "triple-doubles", "count"),
    ],
)
def test_a_figure_is_read_with_its_unit(
    text: str, figure: str, value: str, unit: str, kind: str
) -> None:
    found = _only(text, "en" if text.isascii() else "zh")
    assert (found.text, found.value, found.unit, found.kind) == (
        figure,
        Decimal(value),
        unit,
        kind,
    )
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    [
        "在进入到2015年这样一个时代",
        "In 2015, the company moved.",
        "发布于2015-06-17 18:28",
        "on June 17 at 18:28",
        "他是第一名，第3名",
        "He finished 1st and 22nd.",
        "1. First point\n2. Second point",
        "拨打13812345678或010-6552-1234",
        "这只是1.0互联网。\n\n2.0互联网可以用",
        "the iPhone 15 and Web 2.0",
        "see https://example.com/a/2015/1234567 now",
        "一开始的10年解决信息不对称的问题",
        "各位领导，一个互联网人，一方面",
    ],
)
def test_dates_times_ordinals_labels_and_ids_are_not_figures(text: str) -> None:
    assert find_figures(text, lang="en" if text.isascii() else "zh") == []


def test_adjacent_amounts_keep_their_own_currency() -> None:
    figures = find_figures("4人民币5美元，rmb 10 usd 20", lang="zh")
    assert [(f.text, f.unit) for f in figures] == [
        ("4人民币", "CNY"),
        ("5美元", "USD"),
        ("rmb 10", "CNY"),
        ("usd 20", "USD"),
    ]


def test_a_full_width_comma_is_not_a_thousands_separator() -> None:
    figures = find_figures("选一个，$20，300美圆", lang="zh")
    assert [f.text for f in figures] == ["$20", "300美圆"]


def test_context_is_the_clause_verbatim() -> None:
    text = "张勇说，今年我们已经一共帮中国电影产业筹集了5.3亿人民币，数字本身不大。"
    [figure] = find_figures(text, lang="zh")
    assert figure.context == "今年我们已经一共帮中国电影产业筹集了5.3亿人民币"


def test_a_short_chinese_clause_takes_in_its_topic() -> None:
    text = "和每年双十一，去年570亿的数字比不过刚开始。"
    [figure] = find_figures(text, lang="zh")
    assert figure.context == "和每年双十一，去年570亿的数字比不过刚开始"


def test_long_english_context_is_trimmed_to_whole_words_around_the_number() -> None:
    words = " ".join(f"word{i}" for i in range(40))
    text = f"{words} sales reached $48 billion {words} end"
    [figure] = find_figures(text, lang="en")
    assert len(figure.context.split()) <= 25
    assert "$48 billion" in figure.context and figure.context in text


def test_long_chinese_context_is_trimmed_without_cutting_the_number() -> None:
    text = "这" * 80 + "营收达到1,234.5亿元" + "那" * 80
    [figure] = find_figures(text, lang="zh")
    assert len(figure.context) <= 60
    assert "1,234.5亿元" in figure.context and figure.context in text


# F1 measured by `python -m bench.figures`, less a small margin: a regression fails here.
_SPEC_FLOORS = {
    "zh_currency": 0.93,
    "zh_percent": 0.93,
    "en_currency": 0.91,
    "en_percent": 0.95,
    "zh_dimension": 0.85,
    "en_dimension": 0.76,
}


@pytest.mark.parametrize(("name", "floor"), sorted(_SPEC_FLOORS.items()))
def test_recognizers_specs_do_not_regress(name: str, floor: float) -> None:
    from bench.figures import SPEC_DIR, score_file

    if not (SPEC_DIR / f"{name}.jsonl").is_file():
        pytest.skip(NO_SHARED)
    score = score_file(name)
    assert score.f1 >= floor, f"{name}: F1 {score.f1:.3f} < {floor}"
    assert score.value_accuracy >= 0.95 or name.endswith("dimension")


def test_figure_values_always_fit_in_json() -> None:
    figures = [
        Figure("x", Decimal(10) ** 5000, None, "count", "x"),
        Figure("y", Decimal("1.5"), "%", "percent", "y"),
        Figure("z", Decimal(530000000), "CNY", "money", "z"),
    ]
    data = json.loads(json.dumps(Digest(tldr="t", key_points=[], figures=figures).to_dict()))
    assert [f["value"] for f in data["figures"]][1:] == [1.5, 530000000]
    assert Digest.from_dict(data).figures == figures


def test_a_number_of_thousands_of_digits_is_no_figure_and_no_poison() -> None:
    text = "营收达到" + "9" * 5000 + "元。利润达到5亿元，同比增长12%。"
    assert [f.text for f in find_figures(text, lang="zh")] == ["5亿元", "12%"]
    digest = summarize(text)
    assert json.loads(json.dumps(digest.to_dict()))["figures"]
