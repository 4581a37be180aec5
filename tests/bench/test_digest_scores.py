"""The digest benchmark's scoring rules, on hand-made digests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bench import digest_scores as sc
from summarizer.models import Digest, Figure


@pytest.mark.parametrize(
    ("piece", "sentence", "lang", "expected"),
    [
        ("主语是电影。", "互联网+电影的主语是电影。", "zh", True),
        ("互联网+电影…主语是电影。", "互联网+电影的主语是电影。", "zh", True),
        ("今天下雨。", "互联网+电影的主语是电影。", "zh", False),
        ("Shares rose 5% in May.", "In May, shares rose 5%.", "en", True),
        ("Shares fell sharply.", "In May, shares rose 5%.", "en", False),
    ],
)
def test_says(piece: str, sentence: str, lang: str, expected: bool) -> None:
    assert sc.says(piece, sentence, lang) is expected


def test_furniture_either_way() -> None:
    furniture = ["图片来源：视觉中国", "新华社北京4月24日电"]
    assert sc.is_furniture("新华社北京4月24日电 记者报道", furniture, "zh")
    assert sc.is_furniture("图片来源：视觉中国", furniture, "zh")
    assert not sc.is_furniture("市场规模达到5.3亿元。", furniture, "zh")


def test_distinct_points_rejects_a_cut_of_the_tldr() -> None:
    whole = "互联网+电影的主语是电影，而不是互联网。"
    cut = "互联网+电影的主语是电影…"
    others = ["第二点。", "第三点。"]
    assert not sc.distinct_points(Digest(tldr=whole, key_points=[cut, *others]), "zh")
    assert sc.distinct_points(Digest(tldr=whole, key_points=["第一点。", *others]), "zh")
    assert not sc.distinct_points(Digest(tldr=whole, key_points=others), "zh")


def test_figure_hits_by_span_in_the_article() -> None:
    text = "他说一波三折，收入3亿元。"
    where = sc.Located.of(text, "zh")
    three = Figure("三折", Decimal("0.3"), "%", "percent", "", 4, 6)
    money = Figure("3亿元", Decimal("300000000"), "CNY", "money", "", 9, 12)
    assert sc.figure_hits(three, "一波三折", where, "zh")
    assert not sc.figure_hits(money, "一波三折", where, "zh")
    assert sc.figure_hits(money, "3亿元", where, "zh")


def test_a_figure_printed_the_same_elsewhere_hits_the_label() -> None:
    text = "他中了500万元的巨奖。后来，500万元奖金只剩3亿元的零头。"
    where = sc.Located.of(text, "zh")
    again = Figure("500万元", Decimal("5000000"), "CNY", "money", "", 15, 20)
    other = Figure("3亿元", Decimal("300000000"), "CNY", "money", "", 24, 27)
    assert sc.figure_hits(again, "500万元的巨奖", where, "zh")  # the same figure, shown once
    assert not sc.figure_hits(other, "500万元的巨奖", where, "zh")


def test_title_and_author() -> None:
    assert sc.title_right("Why Taylor Swift Can't Perform", "Why Taylor Swift Can't Perform", "en")
    assert not sc.title_right("Sohu.com", "Why Taylor Swift Can't Perform", "en")
    assert sc.author_right(None, None, "zh")
    assert not sc.author_right("繁体", None, "zh")
    assert sc.author_right("宋晨", "宋晨、田中全", "zh")
