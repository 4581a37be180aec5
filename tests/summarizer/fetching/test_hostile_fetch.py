"""Hostile servers and links, against a real local server: credentials, echoed headers."""

from __future__ import annotations

import pytest

from summarizer import errors
from summarizer.fetching.fetch import make_client
from summarizer.fetching.reading import fetch_article
from summarizer.models import Article
from summarizer.pipeline import summarize
from summarizer.render.markdown import render_markdown
from summarizer.settings import FetchSettings
from tests.support.article_server import ArticleServer

PAGE = (
    "<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1><p>"
    + "The council approved the new budget after a long debate about schools and roads. " * 8
    + "</p></article></body></html>"
).encode()
PHISH = "[verify your account](https://evil.example/login)"


async def _fetch(url: str, settings: FetchSettings) -> Article:
    async with make_client(settings) as client:
        return await fetch_article(url, client=client, settings=settings)


async def test_credentials_in_a_link_are_never_sent_nor_kept(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add("/private", PAGE)
    with_credentials = url.replace("http://", "http://alice:S3cretPass@")
    article = await _fetch(with_credentials, fetch_settings)
    assert article.url == url
    assert "S3cretPass" not in repr(article) and "alice" not in repr(article)
    assert all(
        "authorization" not in {k.lower() for k in h} for h in article_server.requests("/private")
    )


async def test_a_redirect_with_credentials_loses_them(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    target = article_server.add("/target", PAGE)
    start = article_server.redirect("/start", target.replace("http://", "http://bob:pw@"))
    article = await _fetch(start, fetch_settings)
    assert article.url == target
    assert all(
        "authorization" not in {k.lower() for k in h} for h in article_server.requests("/target")
    )


@pytest.mark.parametrize(
    ("headers", "error", "token"),
    [
        ({"Content-Type": f"image/x {PHISH}"}, errors.NotAnArticle, "image/x"),
        ({"Content-Encoding": f"br {PHISH}"}, errors.Unreadable, "content-encoding br"),
    ],
)
async def test_server_headers_reach_the_error_line_only_as_a_short_token(
    article_server: ArticleServer,
    fetch_settings: FetchSettings,
    headers: dict[str, str],
    error: type[errors.FetchError],
    token: str,
) -> None:
    url = article_server.add("/odd", PAGE, headers=headers)
    with pytest.raises(error) as caught:
        await _fetch(url, fetch_settings)
    line = caught.value.user_message()
    assert line.endswith(f"({token})")
    assert "evil" not in line and "[" not in line


async def test_a_redirect_location_is_never_echoed(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.redirect("/go", f"javascript:{PHISH}")
    with pytest.raises(errors.InvalidURL) as caught:
        await _fetch(url, fetch_settings)
    assert "evil" not in caught.value.user_message()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_error_details_are_inert_in_chat(lang: str) -> None:
    line = errors.InvalidURL(f"ftp://x {PHISH} <!channel> `code`").user_message(lang)
    for live in ("[", "](", "<", ">", "`", "https://", "ftp://"):
        assert live not in line
    assert len(line) < 160


GBK_TEXT = "阿里巴巴集团今日参加了上海国际电影节的论坛，谈到互联网与电影产业的关系。" * 4


async def test_a_guessed_encoding_is_said_in_the_digest(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add(
        "/gbk.txt", GBK_TEXT.encode("gbk"), headers={"Content-Type": "text/plain"}
    )
    article = await _fetch(url, fetch_settings)
    assert article.text == GBK_TEXT and article.decoded_from == "gb18030"
    digest = summarize(article)
    assert digest.decoded_from == "gb18030"
    assert "文字按 gb18030 重新解码" in render_markdown(digest)


async def test_a_declared_encoding_is_no_guess(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add(
        "/gbk-declared.txt",
        GBK_TEXT.encode("gbk"),
        headers={"Content-Type": "text/plain; charset=gbk"},
    )
    article = await _fetch(url, fetch_settings)
    assert article.text == GBK_TEXT and article.decoded_from is None


async def test_an_ambiguous_undeclared_encoding_is_refused_politely(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add(
        "/latin.txt",
        "Café crème brûlée, très bon. Le café est très apprécié.".encode("latin-1"),
        headers={"Content-Type": "text/plain"},
    )
    with pytest.raises(errors.Unreadable) as caught:
        await _fetch(url, fetch_settings)
    assert "encoding" in caught.value.user_message()
