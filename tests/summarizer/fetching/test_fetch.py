"""fetch_article end to end against the local article server: every good and bad case."""

from __future__ import annotations

import json
import socket

import pytest

from bench.hostile_cases import text_pdf
from summarizer import errors
from summarizer.fetching.fetch import make_client
from summarizer.fetching.netguard import IPAddress, parse_ip
from summarizer.fetching.reading import fetch_article
from summarizer.models import Article
from summarizer.settings import FetchSettings
from tests.support.article_server import CORPUS, ArticleServer

GBK_PAGE = "chinese-web-content-extraction/html/0d931936-d510-4904-a714-88bb267b62da.html.gz"
ARTICLE_ZH = (
    "<html><head><meta charset='{charset}'><title>芯片产业报告</title></head><body><article>"
    + "".join(
        f"<p>第{n}段：国内芯片企业今年的营收增长了百分之二十，研发投入也在持续增加，"
        "行业分析人士认为这一趋势还将延续。</p>"
        for n in range(1, 7)
    )
    + "</article></body></html>"
)


async def _fetch(url: str, settings: FetchSettings) -> Article:
    async with make_client(settings) as client:
        return await fetch_article(url, client=client, settings=settings)


def _gbk_sentence() -> str:
    """A sentence from the human-annotated text of GBK_PAGE."""
    items = CORPUS / "chinese-web-content-extraction" / "items.jsonl"
    for line in items.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if GBK_PAGE.endswith(item["html_file"]):
            return "".join(item["text"].split())[200:225]
    raise AssertionError("GBK_PAGE is not in items.jsonl")


@pytest.mark.parametrize("content_type", ["text/html; charset=gbk", "text/html", None])
async def test_gbk_page_with_and_without_charset_header(
    article_server: ArticleServer, fetch_settings: FetchSettings, content_type: str | None
) -> None:
    url = article_server.corpus("/gbk", GBK_PAGE, content_type=content_type)
    article = await _fetch(url, fetch_settings)
    assert _gbk_sentence() in "".join(article.text.split())
    assert "\ufffd" not in article.text


async def test_gbk_page_labelled_as_latin1_is_still_read_as_chinese(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.corpus("/gbk", GBK_PAGE, content_type="text/html; charset=iso-8859-1")
    article = await _fetch(url, fetch_settings)
    assert _gbk_sentence() in "".join(article.text.split())


@pytest.mark.parametrize(
    ("encoding", "label"), [("utf-8", "gb2312"), ("gb18030", "utf-8"), ("gb18030", "big5")]
)
async def test_mislabelled_charset(
    article_server: ArticleServer, fetch_settings: FetchSettings, encoding: str, label: str
) -> None:
    body = ARTICLE_ZH.format(charset=label).encode(encoding)
    url = article_server.add(
        "/mislabelled", body, headers={"Content-Type": f"text/html; charset={label}"}
    )
    article = await _fetch(url, fetch_settings)
    assert "研发投入也在持续增加" in article.text


async def test_sends_a_browser_user_agent_and_chinese_accept_language(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add("/zh", ARTICLE_ZH.format(charset="utf-8").encode())
    await _fetch(url, fetch_settings)
    headers = article_server.requests("/zh")[0]
    assert headers["User-Agent"].startswith("Mozilla/5.0")
    assert headers["Accept-Language"].startswith("zh-CN")
    assert "br" not in headers["Accept-Encoding"]


async def test_redirect_chain_is_followed_to_the_article(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    article_server.add("/story", ARTICLE_ZH.format(charset="utf-8").encode())
    article_server.redirect("/short", "/hop", status=301)
    article_server.redirect("/hop", "story", status=307)  # a relative Location
    article = await _fetch(article_server.url("/short"), fetch_settings)
    assert "芯片" in article.text
    assert article.url == article_server.url("/story")


async def test_too_many_redirects(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    article_server.redirect("/loop", "/loop")
    with pytest.raises(errors.HTTPStatus, match="too many redirects"):
        await _fetch(article_server.url("/loop"), fetch_settings)
    assert article_server.hits("/loop") == fetch_settings.max_redirects + 1


@pytest.mark.parametrize(
    "target", ["http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/"]
)
async def test_redirect_to_the_metadata_service_is_blocked(
    article_server: ArticleServer, fetch_settings: FetchSettings, target: str
) -> None:
    url = article_server.redirect("/to-metadata", target)
    with pytest.raises(errors.Blocked):
        await _fetch(url, fetch_settings)


async def test_redirect_from_a_public_name_to_loopback_is_blocked(
    article_server: ArticleServer,
) -> None:
    async def public_dns(host: str, port: int) -> list[IPAddress]:
        """Stands in for DNS: news.example is "public" (allowlisted), loopback is not."""
        address = parse_ip("127.0.0.1")
        assert host == "news.example" and address is not None
        return [address]

    settings = FetchSettings(allow_hosts=("news.example",), total_timeout=3.0)
    article_server.add("/inside", b"<p>internal admin page</p>")
    article_server.redirect("/outside", "/inside")
    async with make_client(settings, resolver=public_dns) as client:
        with pytest.raises(errors.Blocked):
            start = f"http://news.example:{article_server.port}/outside"
            await fetch_article(start, client=client, settings=settings)
    assert article_server.hits("/outside") == 1
    assert article_server.hits("/inside") == 0


async def test_redirect_to_another_scheme_is_refused(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.redirect("/ftp", "ftp://127.0.0.1/file")
    with pytest.raises(errors.InvalidURL):
        await _fetch(url, fetch_settings)


async def test_404(article_server: ArticleServer, fetch_settings: FetchSettings) -> None:
    with pytest.raises(errors.HTTPStatus) as caught:
        await _fetch(article_server.url("/missing"), fetch_settings)
    assert caught.value.status == 404


async def test_500_then_success_is_retried_once(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    page = ARTICLE_ZH.format(charset="utf-8").encode()
    url = article_server.sequence("/flaky", [(502, b"bad gateway"), (200, page)])
    article = await _fetch(url, fetch_settings)
    assert "芯片" in article.text
    assert article_server.hits("/flaky") == 2


async def test_a_lasting_503_is_reported_after_one_retry(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add("/down", b"maintenance", status=503)
    with pytest.raises(errors.HTTPStatus) as caught:
        await _fetch(url, fetch_settings)
    assert caught.value.status == 503
    assert article_server.hits("/down") == 2


async def test_a_plain_500_is_not_retried(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add("/broken", b"oops", status=500)
    with pytest.raises(errors.HTTPStatus):
        await _fetch(url, fetch_settings)
    assert article_server.hits("/broken") == 1


async def test_429_retry_after_is_honoured_once_within_budget(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    page = ARTICLE_ZH.format(charset="utf-8").encode()
    url = article_server.sequence("/busy", [(429, b""), (200, page)], headers={"Retry-After": "0"})
    assert "芯片" in (await _fetch(url, fetch_settings)).text
    url = article_server.add("/later", b"", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(errors.HTTPStatus) as caught:
        await _fetch(url, fetch_settings)
    assert caught.value.status == 429
    assert article_server.hits("/later") == 1


async def test_slow_server_times_out_within_the_budget(article_server: ArticleServer) -> None:
    settings = FetchSettings(allow_hosts=("127.0.0.1",), total_timeout=0.5)
    url = article_server.add("/slow", b"<p>late</p>", delay=2.0)
    with pytest.raises(errors.Timeout):
        await _fetch(url, settings)


async def test_a_trickling_body_is_cut_by_the_total_budget(article_server: ArticleServer) -> None:
    settings = FetchSettings(allow_hosts=("127.0.0.1",), total_timeout=0.5)
    url = article_server.stream("/trickle", 100_000, chunk=100, interval=0.05)
    with pytest.raises(errors.Timeout):
        await _fetch(url, settings)


async def test_connection_refused_is_unreachable(fetch_settings: FetchSettings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(errors.Unreachable):
        await _fetch(f"http://127.0.0.1:{port}/", fetch_settings)


@pytest.mark.parametrize("declare_length", [True, False], ids=["content-length", "until-close"])
async def test_50_mb_body_is_too_large_and_reading_stops_early(
    article_server: ArticleServer, fetch_settings: FetchSettings, declare_length: bool
) -> None:
    url = article_server.stream("/huge", 50 * 1024 * 1024, declare_length=declare_length)
    with pytest.raises(errors.TooLarge):
        await _fetch(url, fetch_settings)
    # What the server managed to write: the limit plus socket buffers at most.
    assert article_server.bytes_sent("/huge") < 25 * 1024 * 1024


async def test_gzip_bomb_is_too_large(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.gzip_bomb("/bomb")
    with pytest.raises(errors.TooLarge):
        await _fetch(url, fetch_settings)


@pytest.mark.parametrize("content_type", ["image/png", "video/mp4", "application/zip"])
async def test_media_is_not_an_article_and_names_its_type(
    article_server: ArticleServer, fetch_settings: FetchSettings, content_type: str
) -> None:
    url = article_server.add(
        "/media", b"\x89PNG\r\n\x1a\n" + bytes(64), headers={"Content-Type": content_type}
    )
    with pytest.raises(errors.NotAnArticle, match=content_type):
        await _fetch(url, fetch_settings)


async def test_unlabelled_bytes_are_sniffed(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    octets = {"Content-Type": "application/octet-stream"}
    html = article_server.add("/html", ARTICLE_ZH.format(charset="utf-8").encode(), headers=octets)
    assert "芯片" in (await _fetch(html, fetch_settings)).text
    binary = article_server.add("/bin", bytes(range(256)) * 4, headers=octets)
    with pytest.raises(errors.NotAnArticle, match="application/octet-stream"):
        await _fetch(binary, fetch_settings)


async def test_empty_200_is_unreadable(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add("/empty", b"")
    with pytest.raises(errors.Unreadable):
        await _fetch(url, fetch_settings)


async def test_plain_text_is_taken_as_is(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    text = "第一段文字。\n\n第二段文字，说明了更多细节。"
    url = article_server.add(
        "/notes.txt", text.encode("gb18030"), headers={"Content-Type": "text/plain; charset=gbk"}
    )
    article = await _fetch(url, fetch_settings)
    assert article.text == text


async def test_pdf(article_server: ArticleServer, fetch_settings: FetchSettings) -> None:
    lines = ["Revenue grew by 20 percent this quarter", "as costs fell."]
    pdf = text_pdf(lines, title="Quarterly report")
    url = article_server.add("/report.pdf", pdf, headers={"Content-Type": "application/pdf"})
    article = await _fetch(url, fetch_settings)
    assert article.title == "Quarterly report"
    assert article.text == "Revenue grew by 20 percent this quarter as costs fell."


async def test_broken_pdf_is_unreadable(
    article_server: ArticleServer, fetch_settings: FetchSettings
) -> None:
    url = article_server.add(
        "/bad.pdf", b"%PDF-1.4\nnot really", headers={"Content-Type": "application/pdf"}
    )
    with pytest.raises(errors.Unreadable):
        await _fetch(url, fetch_settings)


PAYWALL = """<html><head><title>The Ledger: Inside the chip race</title></head><body>
<h1>Inside the chip race</h1><p>Chipmakers are racing to build new plants.</p>
<div class="paywall"><h2>Subscribe to continue reading</h2>
<p>This article is for subscribers only. Subscribe now for $1 a week, or sign in if you
already have an account.</p><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
</body></html>"""

WECHAT_WALL = """<html><head><meta charset="utf-8"><title>微信公众平台</title></head><body>
<div class="weui-msg"><h2 class="weui-msg__title">环境异常</h2>
<p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p>
<a class="weui-btn weui-btn_primary" href="javascript:;">去验证</a></div></body></html>"""


@pytest.mark.parametrize("page", [PAYWALL, WECHAT_WALL], ids=["paywall", "wechat-verification"])
async def test_walls_are_reported_not_summarised(
    article_server: ArticleServer, fetch_settings: FetchSettings, page: str
) -> None:
    url = article_server.add("/wall", page.encode())
    with pytest.raises(errors.Walled):
        await _fetch(url, fetch_settings)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "2130706433",
        "0x7f.1",
        "017700000001",
        "[::ffff:127.0.0.1]",
        "127.1",
        "localhost",
    ],
)
async def test_ssrf_forms_are_blocked_without_the_allowlist(
    article_server: ArticleServer, host: str
) -> None:
    article_server.add("/secret", b"<p>internal</p>")
    settings = FetchSettings(total_timeout=3.0)
    with pytest.raises(errors.Blocked):
        await _fetch(f"http://{host}:{article_server.port}/secret", settings)
    assert article_server.hits("/secret") == 0


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/a", "file:///etc/passwd", "not a url", "http://a.cn:80x/", "http://☃.com/"],
)
async def test_only_http_urls_are_fetched(fetch_settings: FetchSettings, url: str) -> None:
    with pytest.raises(errors.InvalidURL):
        await _fetch(url, fetch_settings)


def test_public_surface() -> None:
    import summarizer.fetching.fetch
    import summarizer.fetching.reading

    assert sorted(summarizer.fetching.fetch.__all__) == [
        "Page",
        "body_kind",
        "fetch_page",
        "make_client",
        "media_type",
        "quoted_token",
    ]
    assert sorted(summarizer.fetching.reading.__all__) == ["fetch_article", "page_article"]
