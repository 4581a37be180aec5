"""Reading numbers exactly (`parse_number`) and keeping them whole (`number_spans`)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from summarizer.figures.numbers import number_spans, parse_number, to_halfwidth


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.3亿", "530000000"),
        ("4.15亿", "415000000"),
        ("五千万", "50000000"),
        ("2,000万", "20000000"),
        ("2000万", "20000000"),
        ("1,234.5", "1234.5"),
        ("两千三百万", "23000000"),
        ("三亿五千万", "350000000"),
        ("1.2万亿", "1200000000000"),
        ("5.01万亿", "5010000000000"),
        ("一百二十", "120"),
        ("一百二十点五", "120.5"),
        ("十五", "15"),
        ("三万五", "35000"),
        ("拾万零五十六点叁叁", "100056.33"),
        ("二〇一五", "2015"),
        ("３．５亿", "350000000"),
        ("１，２３４", "1234"),
        ("3.5 billion", "3500000000"),
        ("two million", "2000000"),
        ("2 million", "2000000"),
        ("2m", "2000000"),
        ("15k", "15000"),
        ("2.1 billion", "2100000000"),
        ("one hundred and twenty", "120"),
        ("twenty-two", "22"),
        ("a quarter million", "250000"),
        ("three quarters billion", "750000000"),
        ("12,34,567.89", "1234567.89"),
        ("-22.2", "-22.2"),
        ("负3.9", "-3.9"),
        ("minus five", "-5"),
        ("一百零五", "105"),
        ("两千零五万", "20050000"),
        ("5000万", "50000000"),
        ("700-million", "700000000"),
        ("three and a half million", "3500000"),
        ("one and a half", "1.5"),
        ("20多万", "200000"),
        ("5.26亿余", "526000000"),
    ],
)
def test_parse_number_reads_exact_values(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    ["", "hello", "千万不要", "二三十", "5.3亿人民币", "and", "一两", "三四", "十三五", "1" * 31],
)
def test_parse_number_refuses_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_values_are_exact_not_floats() -> None:
    value = parse_number("4.15亿")
    assert isinstance(value, Decimal)
    assert str(value) == "415000000"


@pytest.mark.parametrize(
    ("text", "protected"),
    [
        ("营收4.15亿美元。", ["4.15亿"]),
        ("增长23.4%，", ["23.4%"]),
        ("sales of 1,234.5 tonnes", ["1,234.5"]),
        ("约3.5亿人", ["3.5亿"]),
        ("raised $2.1 billion. Then", ["$2.1 billion"]),
        ("两千三百万人", ["两千三百万"]),
        ("占１５．５％", ["１５．５％"]),
    ],
)
def test_number_spans_keep_numbers_whole(text: str, protected: list[str]) -> None:
    assert [text[start:end] for start, end in number_spans(text)] == protected


def test_number_spans_skip_numbers_glued_to_identifiers() -> None:
    assert number_spans("order A2021 and scp173") == []


def test_halfwidth_keeps_offsets() -> None:
    text = "１２３，４５６元，共５％"
    plain = to_halfwidth(text)
    assert len(plain) == len(text)
    assert plain == "123,456元，共5%"


def test_values_beyond_the_limit_are_refused_whatever_their_length() -> None:
    assert parse_number("9" * 30) == Decimal("9" * 30)
    assert parse_number("1" + "0" * 30) is None
    assert parse_number("1" * 5000) is None
    assert parse_number("1" + "0" * 18 + "万亿") is None
