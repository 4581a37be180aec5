"""Charset decisions: BOM, declarations, mislabelled pages, and mojibake."""

from __future__ import annotations

import codecs

import pytest

from summarizer.errors import Unreadable
from summarizer.fetching.charset import declared_encodings, decode_html

ARTICLE = "据新华社报道，镕基金会今年在深圳新增三个项目，预计投入五千万元。" * 8


def page(charset: str | None = None, body: str = ARTICLE) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>新闻</title></head><body><p>{body}</p></body></html>"


def test_gbk_page_with_meta_decodes_as_gb18030() -> None:
    assert ARTICLE in decode_html(page("gb2312").encode("gb18030"))


def test_gbk_page_without_any_declaration_is_detected() -> None:
    assert ARTICLE in decode_html(page().encode("gbk"))


def test_header_says_utf8_but_bytes_are_gbk() -> None:
    raw = page("gbk").encode("gbk")
    assert ARTICLE in decode_html(raw, content_type="text/html; charset=utf-8")


def test_header_and_meta_say_utf8_but_bytes_are_gbk() -> None:
    raw = page("utf-8").encode("gbk")
    assert ARTICLE in decode_html(raw, content_type="text/html; charset=UTF-8")


def test_page_labelled_gb2312_but_saved_as_utf8() -> None:
    raw = page("gb2312").encode("utf-8")
    assert ARTICLE in decode_html(raw, content_type="text/html; charset=gb2312")


def test_latin1_header_on_gbk_bytes_is_not_believed() -> None:
    raw = page().encode("gbk")
    assert ARTICLE in decode_html(raw, content_type="text/html; charset=ISO-8859-1")


def test_latin1_page_keeps_its_declared_charset() -> None:
    text = "Café déjà vu: naïve résumé. " * 5
    raw = f'<html><head><meta charset="iso-8859-1"></head><p>{text}</p></html>'.encode("latin-1")
    assert text in decode_html(raw, content_type="text/html; charset=iso-8859-1")


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")]
)
def test_bom_wins_over_a_wrong_declaration(bom: bytes, codec: str) -> None:
    raw = bom + page("gbk").encode(codec)
    text = decode_html(raw, content_type="text/html; charset=gbk")
    assert text.startswith("<html>")
    assert ARTICLE in text


def test_replacement_character_soup_is_unreadable() -> None:
    soup = page(body="乱码" + "\ufffd" * 200).encode("utf-8")
    with pytest.raises(Unreadable):
        decode_html(soup)


def test_declared_encodings_normalise_and_order_header_first() -> None:
    raw = b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'
    assert declared_encodings(raw, "text/html; charset=x-gbk") == ["gb18030"]
    assert declared_encodings(raw, "text/html; charset=utf-8") == ["utf-8", "gb18030"]


@pytest.mark.parametrize(
    "opening",
    ['<?xml version="1.0" encoding="gbk"?>', '<text id="a" title="t" encoding="gb2312">'],
)
def test_an_opening_tags_encoding_is_a_declaration(opening: str) -> None:
    """An XML declaration, or a crawler's wrapper element, names the page's encoding."""
    raw = (opening + f"<div><p>{ARTICLE}</p></div>").encode("gb18030")
    assert declared_encodings(raw) == ["gb18030"]
    assert ARTICLE in decode_html(raw)


def test_a_few_replacement_characters_are_readable() -> None:
    text = page(body=ARTICLE + "\ufffd" * 3)
    assert decode_html(text.encode("utf-8")) == text
