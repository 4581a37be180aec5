"""Links in chat messages: finding, judging and normalising them."""

from __future__ import annotations

import pytest

from summarizer.errors import InvalidURL
from summarizer.fetching.urls import (
    find_links,
    is_article_candidate,
    normalize_url,
    require_http_url,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM:443/a/B?x=1#top", "https://example.com/a/B?x=1"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/", "http://example.com:8080/"),
        (
            "https://a.cn/p?utm_source=wx&utm_medium=x&id=7&spm=a.b.c&from=timeline",
            "https://a.cn/p?id=7",
        ),
        (
            "https://a.cn/p?share_token=abc&scene=1&srcid=0&sharer_shareid=9&timestamp=1&wxshare=1&q=%E4%B8%AD",
            "https://a.cn/p?q=%E4%B8%AD",
        ),
        (
            "https://mp.weixin.qq.com/s?__biz=MzA3&mid=265&idx=1&sn=9f2&chksm=84&scene=21#wechat_redirect",
            "https://mp.weixin.qq.com/s?__biz=MzA3&mid=265&idx=1&sn=9f2",
        ),
        ("https://mp.weixin.qq.com/s/AbCdEf?scene=1", "https://mp.weixin.qq.com/s/AbCdEf"),
        ("http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
    ],
)
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_two_shares_of_one_article_get_one_key() -> None:
    shared_twice = [
        "https://36kr.com/p/123?utm_source=slack",
        "https://36KR.com/p/123#comments",
        "https://36kr.com:443/p/123?spm=a1.b2",
    ]
    assert len({normalize_url(u) for u in shared_twice}) == 1


@pytest.mark.parametrize(
    "url",
    [
        "ftp://x.org/a",
        "javascript:alert(1)",
        "example.com",
        "http://",
        "http://x:99999/",
        "http://exa mple.com/",
    ],
)
def test_non_http_urls_are_invalid(url: str) -> None:
    with pytest.raises(InvalidURL):
        require_http_url(url)
    with pytest.raises(InvalidURL):
        normalize_url(url)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see <https://a.cn/x?a=1&amp;b=2|the story>", ["https://a.cn/x?a=1&b=2"]),
        ("discord: <https://a.cn/y>", ["https://a.cn/y"]),
        ("链接：https://36kr.com/p/1。大家看看", ["https://36kr.com/p/1"]),
        ("见https://a.cn/x，还有https://b.cn/y）", ["https://a.cn/x", "https://b.cn/y"]),
        (
            "(see https://en.wikipedia.org/wiki/Foo_(bar)).",
            ["https://en.wikipedia.org/wiki/Foo_(bar)"],
        ),
        ("(https://a.cn/z)", ["https://a.cn/z"]),
        ("read https://a.cn/x! and https://a.cn/x?utm_source=y, twice", ["https://a.cn/x"]),
        ('"https://q.cn/a" <@U123> <#C1|general> <mailto:a@b.c|mail>', ["https://q.cn/a"]),
        ("first https://b.cn then <https://a.cn|a>", ["https://b.cn", "https://a.cn"]),
        ("no links here, just ftp://x.org and example.com", []),
    ],
)
def test_find_links(text: str, expected: list[str]) -> None:
    assert find_links(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://36kr.com/p/2301", True),
        ("https://example.com/report.pdf", True),
        ("https://mp.weixin.qq.com/s/AbC", True),
        ("https://app.slack.com/client/T1/C2", False),
        ("https://discord.com/channels/1/2/3", False),
        ("https://cdn.discordapp.com/attachments/1/2/x.txt", False),
        ("https://example.com/photo.JPG", False),
        ("https://example.com/clip.mp4?x=1", False),
        ("https://example.com/song.mp3", False),
        ("https://example.com/dump.tar.gz", False),
        ("ftp://example.com/a.html", False),
    ],
)
def test_is_article_candidate(url: str, expected: bool) -> None:
    assert is_article_candidate(url) is expected


def test_public_surface() -> None:
    import summarizer.fetching.urls

    expected = [
        "article_links",
        "find_links",
        "has_article_link",
        "is_article_candidate",
        "link_key",
        "normalize_url",
        "public_link",
        "require_http_url",
        "strip_userinfo",
        "wire_url",
    ]
    assert sorted(summarizer.fetching.urls.__all__) == expected


def test_article_links_keep_articles_and_drop_chat_and_media_links() -> None:
    from summarizer.fetching.urls import article_links

    text = (
        "see https://36kr.com/p/1 and https://app.slack.com/x, "
        "https://a.cn/pic.png，还有 https://36kr.com/p/1"
    )
    assert article_links(text) == ["https://36kr.com/p/1"]


@pytest.mark.parametrize(
    "text",
    [
        "see https://36kr.com/p/1 and https://app.slack.com/x",
        "only https://app.slack.com/x and https://a.cn/pic.png",
        "<https://36kr.com/p/2|36氪> 和 [虎嗅](https://www.huxiu.com/article/3.html)",
        "http://x:99999/ http:// https://exa mple.com/",
        "no link at all, 没有链接",
        "www.example.com/without-scheme",
        "https://[2001:db8::1]:8080/x",
        "",
    ],
)
def test_has_article_link_agrees_with_article_links(text: str) -> None:
    from summarizer.fetching.urls import article_links, has_article_link

    assert has_article_link(text) is bool(article_links(text))
    assert has_article_link("nothing here", text) is bool(article_links("nothing here", text))
