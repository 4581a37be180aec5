"""Key figures: ranked by their place in the story, a repeated value once, the golden sample."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from summarizer.figures.find import find_figures
from summarizer.figures.key import DEFAULT_KEY_FIGURES, MAX_KEY_FIGURES, key_figures, shown_count
from summarizer.models import Figure, Lang

SAMPLE = Path(__file__).resolve().parents[3] / ".." / "shared" / "samples"
SAMPLE_FILE = SAMPLE / "huxiu-118050-internet-plus-film.md"


def _article() -> str:
    if not SAMPLE_FILE.is_file():
        pytest.skip("shared sample article is absent")
    return SAMPLE_FILE.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def _span_of(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def test_every_figure_in_a_real_article_is_verbatim() -> None:
    text = _article()
    figures = find_figures(text, lang="zh")
    assert figures
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
        assert figure.text in figure.context and figure.context in text


def test_sample_article_golden_figures() -> None:
    figures = key_figures(find_figures(_article(), lang="zh"))
    shown = {f.text: f for f in figures}
    assert len(figures) <= 6
    for expected in ("5.3亿人民币", "6000万用户", "24部电影", "570亿", "3.5亿人"):
        assert expected in shown
    assert "双十一" in shown["570亿"].context
    assert not any("一万个店" in f.text for f in figures)
    assert not any(f.text.startswith(("2015", "1.0", "2.0", "10年")) for f in figures)
    assert [f.text for f in figures].count("5.3亿人民币") == 1


def test_a_market_size_in_the_lede_beats_a_price_in_passing() -> None:
    text = "共享充电宝市场规模达到90亿元。\n\n一位用户说，借一次要2元，还要排队。"
    figures = find_figures(text, lang="zh")
    assert [f.text for f in key_figures(figures)] == ["90亿元", "2元"]
    key = [_span_of(text, "共享充电宝市场规模达到90亿元。")]
    assert key_figures(figures, key_spans=key, limit=1)[0].text == "90亿元"


def test_a_figure_in_the_tldr_or_points_outranks_one_elsewhere() -> None:
    text = "今年营收增长35%，利润增长12%。去年门店有300家。"
    figures = find_figures(text, lang="zh")
    assert key_figures(figures, limit=1)[0].text == "35%"
    key = [_span_of(text, "去年门店有300家。")]
    assert key_figures(figures, key_spans=key, limit=1)[0].text == "300家"


def test_a_repeated_figure_outranks_a_single_one() -> None:
    text = "营收增长了8%。利润增长了15%，全年利润增长15%是十年来最高。"
    shown = [f.text for f in key_figures(find_figures(text, lang="zh"))]
    assert shown[0] == "15%"
    assert shown.count("15%") == 1


def test_key_figures_drop_small_bare_counts_and_respect_the_limit() -> None:
    text = "有3个人说，5种方法，营收7亿元、8亿元、9亿元、10亿元，20亿元"
    ranked = key_figures(find_figures(text, lang="zh"), limit=3)
    assert [f.text for f in ranked] == ["10亿元", "20亿元", "9亿元"]  # size, capped, then order
    assert all(f.value >= 10 for f in key_figures(find_figures("5 of 7 agreed", lang="en")))


def test_a_repeated_value_is_shown_once_with_its_unit() -> None:
    text = "我们有3.5亿的人在淘宝，3.5亿人背后我们知道他住在哪里。"
    ranked = key_figures(find_figures(text, lang="zh"))
    assert [f.text for f in ranked] == ["3.5亿人"]


def test_round_numbers_in_words_are_rhetoric_but_digits_and_big_ones_count() -> None:
    text = "开店达到一万个店也达不到的效果，我们有2万个店，影响了三千万人。"
    shown = [f.text for f in key_figures(find_figures(text, lang="zh"))]
    assert shown == ["三千万人", "2万个店"] or shown == ["2万个店", "三千万人"]


def test_twins_are_found_for_figures_from_several_digests() -> None:
    def figure(value: int, unit: str | None, start: int) -> Figure:
        return Figure(str(value), Decimal(value), unit, "count", "", start, start + 1)

    pooled = [figure(500, None, 0), figure(500, "人", 3), figure(500, "家", 1), figure(70, "人", 9)]
    assert sorted((f.value, f.unit or "") for f in key_figures(pooled)) == [
        (Decimal(70), "人"),
        (Decimal(500), "人"),
        (Decimal(500), "家"),
    ]


def test_twins_replaced_twice_never_lose_their_bookkeeping() -> None:
    """36 holes, a bare 36 in the digest's sentence, 36 holes again: a KeyError once (CNN/DM)."""
    holes = Figure("36 holes", Decimal(36), "holes", "count", "after 36 holes", 0, 8)
    bare = Figure("36", Decimal(36), None, "count", "tied on 36", 20, 22)
    again = Figure("36 holes", Decimal(36), "holes", "count", "36 holes played", 40, 48)
    kept = key_figures([holes, bare, again], key_spans=[(18, 30)])
    assert [f.value for f in kept].count(36) == 1


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("他们二人决定开两个店，营收3亿元", "zh", ["3亿元"]),  # small counts in words
        ("门口挂着两块牌子，租金150元", "zh", ["150元"]),
        ("常用的理论有两种，预算5000万元", "zh", ["5000万元"]),
        ("the 993 HITS AWARDS gave him $2 million", "en", ["$2 million"]),  # a bare label
        ("骁龙 865 芯片，售价4999元", "zh", ["4999元"]),  # a model number
        ("买了二斤茄子，营收3亿元", "zh", ["3亿元"]),  # an amount in words up to ten
        ("这里有十个须知，投资3亿元", "zh", ["3亿元"]),
        ("add two tablespoons of oil to a six-inch pan for $3 million", "en", ["$3 million"]),
    ],
)
def test_trivial_counts_and_bare_labels_are_no_key_figures(
    text: str, lang: Lang, key: list[str]
) -> None:
    assert [f.text for f in key_figures(find_figures(text, lang=lang))] == key


def test_a_figure_in_the_title_ranks_with_the_digests_sentences() -> None:
    text = "居民消费价格同比上涨0.3%。其中，城市上涨0.4%，农村上涨0.1%。食品价格下降2.7%。"
    title = "统计局：食品价格下降2.7%"
    ranked = key_figures(find_figures(text, lang="zh"), limit=1, title=title)
    assert [f.text for f in ranked] == ["2.7%"]


@pytest.mark.parametrize(
    ("candidates", "shown"),
    [(0, 7), (12, 7), (16, 7), (17, 8), (22, 9), (32, 10), (500, 10)],
)
def test_a_long_article_shows_more_key_figures_up_to_a_cap(candidates: int, shown: int) -> None:
    assert shown_count(candidates) == shown
    assert DEFAULT_KEY_FIGURES <= shown <= MAX_KEY_FIGURES


def test_the_default_limit_follows_the_number_of_candidates() -> None:
    text = "，".join(f"第{i}季度营收{i + 10}亿元" for i in range(1, 23)) + "。"
    found = find_figures(text, lang="zh")
    assert len(key_figures(found)) == shown_count(len(found)) == 9
    assert len(key_figures(found, limit=3)) == 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_in_a_long_article_an_earlier_figure_outranks_a_like_one_later(lang: Lang) -> None:
    filler = {"zh": "门店{}家。", "en": "Store {} opened. "}[lang]
    middle = "".join(filler.format(n) for n in range(11, 24))  # 13 small figures: a long text
    text = {
        "zh": "今年销量为3200万台。" + middle + "去年销量为3300万台。",
        "en": "Sales reached 32 million units. " + middle + "Last year 33 million units sold.",
    }[lang]
    first = key_figures(find_figures(text, lang=lang), limit=1)
    assert [f.value for f in first] == [Decimal(32_000_000)]  # without place: the larger, last


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("事故致使三人受伤。", ["三人"]),  # said by a point, and names what it counts
        ("央行连续加息十次。", ["十次"]),
        ("他们发现了两个项目。", []),  # 两个 alone names nothing
    ],
)
def test_a_small_amount_in_words_is_key_only_where_a_point_says_it(
    sentence: str, shown: list[str]
) -> None:
    text = "今年营收3亿元。" + sentence
    figures = find_figures(text, lang="zh")
    assert [f.text for f in key_figures(figures)] == ["3亿元"]
    key = [_span_of(text, sentence)]
    assert [f.text for f in key_figures(figures, key_spans=key)] == [*shown, "3亿元"] or [
        f.text for f in key_figures(figures, key_spans=key)
    ] == ["3亿元", *shown]


def test_a_range_is_no_twin_of_its_upper_bound() -> None:
    text = "局地降幅达16～20℃。南京将由昨天的20℃降到今天的8℃。"
    shown = [f.text for f in key_figures(find_figures(text, lang="zh"))]
    assert "16～20℃" in shown and "20℃" in shown
