"""Source parsing: front matter, plain text, HTML, and the inputs refused up front."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import BinaryInput, EmptyInput, InputTooLarge
from summarizer.extraction.source import MAX_INPUT_CHARS, parse_source

SAMPLE = (
    Path(__file__).resolve().parents[3] / "bots" / "samples" / "huxiu-118050-internet-plus-film.md"
)
PARAGRAPH = "The council approved the new budget after a long debate about schools and roads. "


def test_front_matter_of_the_sample() -> None:
    article = parse_source(SAMPLE.read_text(encoding="utf-8"))
    assert article.title == "阿里CEO张勇论互联网+电影：电影是主语，互联网要推动乘数效应"
    assert article.site == "虎嗅"
    assert article.url == "https://www.huxiu.com/article/118050"
    assert article.published == "2015-06-17 18:28"
    assert article.text.startswith("阿里巴巴集团CEO张勇今日参加了")
    assert "---" not in article.text[:10] and "layout:" not in article.text


def test_front_matter_keys_writers_use() -> None:
    text = (
        "---\nheadline: Budget passes\nauthors: [Ann Lee, Bo Chen]\n"
        "link: https://example.org/a\n---\n\nBody text here."
    )
    article = parse_source(text)
    assert (article.title, article.author, article.url) == (
        "Budget passes",
        "Ann Lee, Bo Chen",
        "https://example.org/a",
    )
    assert article.text == "Body text here."


def test_plain_text_is_the_article() -> None:
    article = parse_source("\n\n  今天下雨。明天晴。  \n")
    assert article.text == "今天下雨。明天晴。"
    assert article.title is None and article.site is None


def test_malformed_front_matter_is_just_text() -> None:
    text = "---\ntitle: [unclosed\n---\nBody."
    assert parse_source(text).text == text.strip()


def test_html_string_is_extracted() -> None:
    html = (
        "<!doctype html><html><head><title>Budget passes</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Budget passes</h1><p>{PARAGRAPH * 6}</p><p>{PARAGRAPH * 4}</p></article>"
        "<footer>Copyright 2024 Example News</footer></body></html>"
    )
    article = parse_source(html)
    assert "approved the new budget" in article.text
    assert "<p>" not in article.text and "Copyright" not in article.text
    assert article.title == "Budget passes"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", EmptyInput),
        ("  \n\t\r\n ", EmptyInput),
        ("---\ntitle: Nothing below\n---\n\n  \n", EmptyInput),
        ("\x00\x01\x02PNG\x00data", BinaryInput),
        ("".join(chr(i % 31 + 1) for i in range(400)), BinaryInput),
        ("字" * (MAX_INPUT_CHARS + 1), InputTooLarge),
    ],
)
def test_refused_inputs(text: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse_source(text)


def test_text_with_tabs_and_newlines_is_not_binary() -> None:
    text = "Name\tValue\r\nA\t1\r\n" * 50 + PARAGRAPH
    assert parse_source(text).text.endswith("schools and roads.")
