"""Issue 16's hostile inputs, one test each, small (the big sizes: `python -m bench hostile`)."""

from __future__ import annotations

import codecs

import pytest

from bench.hostile_cases import alias_bomb, attribute_page, paragraph_page, text_pdf
from summarizer.errors import BinaryInput, TooLarge, Unreadable
from summarizer.extraction import html_limits
from summarizer.extraction.extractor import extract
from summarizer.extraction.source import MAX_FRONT_MATTER_CHARS, parse_source
from summarizer.fetching.charset import decode_text
from summarizer.fetching.pdf import read_pdf
from summarizer.fetching.urls import article_links, public_link, strip_userinfo
from summarizer.text.sentences import split_sentences


def test_a_yaml_alias_bomb_is_not_expanded() -> None:
    bomb = alias_bomb(9)  # 9**9 strings if the aliases were followed
    assert len(bomb) < 700
    article = parse_source(bomb)
    assert article.title is None  # aliases refused: the front matter is not metadata


def test_front_matter_without_aliases_still_gives_metadata() -> None:
    text = "---\ntitle: &t Budget passes\nsite: Daily\n---\nThe council approved the budget."
    article = parse_source(text)
    assert (article.title, article.site, article.text) == (
        "Budget passes",
        "Daily",
        "The council approved the budget.",
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(document.cookie)", None),
        ("not a url", None),
        ("https://alice:S3cret@example.org/a", "https://example.org/a"),
        ("https://example.org/a", "https://example.org/a"),
    ],
)
def test_front_matter_url_is_an_http_link_or_nothing(url: str, expected: str | None) -> None:
    article = parse_source(f"---\ntitle: T\nurl: {url}\n---\nThe council approved the budget.")
    assert article.url == expected


def test_front_matter_fields_are_size_capped() -> None:
    article = parse_source(f"---\ntitle: {'x' * 5000}\nsite: Daily\n---\nBody sentence here.")
    assert article.title is None and article.site == "Daily"


def test_front_matter_closed_too_far_down_is_text() -> None:
    text = "---\n" + "k: v\n" * (MAX_FRONT_MATTER_CHARS // 5) + "---\nBody sentence here."
    assert parse_source(text).text == text.strip()


def test_a_tag_with_too_many_attributes_is_refused_before_parsing() -> None:
    extract(attribute_page(html_limits.MAX_ATTRIBUTES - 10))  # within the limit: read
    with pytest.raises(TooLarge, match="attributes"):
        extract(attribute_page(html_limits.MAX_ATTRIBUTES + 1))


def test_valueless_attributes_count_too() -> None:
    page = "<div " + " ".join(f"a{i}" for i in range(html_limits.MAX_ATTRIBUTES + 1)) + ">x</div>"
    with pytest.raises(TooLarge):
        html_limits.check_html(page)


def test_too_many_elements_are_refused_before_parsing() -> None:
    size = len("<p>Paragraph with a few words in it.</p>") * (html_limits.MAX_ELEMENTS + 5)
    with pytest.raises(TooLarge, match="elements"):
        extract(paragraph_page(size))


def test_html_over_the_size_limit_is_refused_before_decoding_and_parsing() -> None:
    with pytest.raises(TooLarge, match="bytes"):
        extract(b"<p>" + b"a" * html_limits.MAX_HTML_BYTES)
    with pytest.raises(TooLarge, match="characters of HTML"):
        extract("<p>" + "a" * html_limits.MAX_HTML_CHARS)


def test_more_text_than_a_digest_takes_is_refused_right_after_parsing() -> None:
    with pytest.raises(TooLarge, match="characters of text"):
        extract("<html><body><p>" + "a " * html_limits.MAX_TEXT_CHARS + "</p></body></html>")


def test_pdf_of_many_short_lines_is_joined() -> None:
    article = read_pdf(text_pdf(["ab"] * 300))
    assert article.text == " ".join(["ab"] * 300)


def test_pdf_text_is_counted_as_pages_are_read() -> None:
    with pytest.raises(TooLarge, match="PDF text"):
        read_pdf(text_pdf(["abcdef"] * 100), max_chars=100)


@pytest.mark.parametrize("run", [".", "!", "?", "A. ", ".”"])
def test_runs_of_sentence_marks_split_in_one_pass(run: str) -> None:
    text = run * 2000
    spans = split_sentences(text, "en")
    assert "".join(s.text for s in spans).replace(" ", "") == text.replace(" ", "")


def test_sentence_ends_are_unchanged_by_the_linear_pattern() -> None:
    text = 'He left... Then "Stop!" she said. Mr. Smith came (at 5 p.m.). It rained?! No.'
    assert [s.text for s in split_sentences(text, "en")] == [
        "He left...",
        'Then "Stop!" she said.',
        "Mr. Smith came (at 5 p.m.).",
        "It rained?!",
        "No.",
    ]


def test_utf16_with_a_byte_order_mark_is_text_not_binary() -> None:
    text = "Café crème, 咖啡。"
    assert decode_text(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text
    assert decode_text(text.encode("utf-16")) == text
    with pytest.raises(BinaryInput):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_an_ambiguous_single_byte_guess_is_refused_not_garbled() -> None:
    with pytest.raises(Unreadable, match="encoding"):
        decode_text("Café crème brûlée, très bon.".encode("latin-1"))


def test_a_confident_guess_is_used() -> None:
    text = "阿里巴巴集团今日参加了上海国际电影节的论坛，谈到互联网与电影产业的关系。" * 3
    assert decode_text(text.encode("gbk")) == text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://alice:S3cretPass@host.example/x", "http://host.example/x"),
        ("https://a@b@host.example:8443/p?q=a@b", "https://host.example:8443/p?q=a@b"),
        ("https://host.example/@user", "https://host.example/@user"),
    ],
)
def test_userinfo_is_stripped(url: str, expected: str) -> None:
    assert strip_userinfo(url) == expected
    assert public_link(url) == expected


def test_links_found_in_chat_carry_no_credentials() -> None:
    assert article_links("read http://alice:pw@news.example/a now") == ["http://news.example/a"]
