# ruff: noqa: E501  (the URL table keeps one shape per line)
"""The shared-link shapes people really paste, as one table: text → link found → key.

Each row is a chat message as a platform delivers it; the expected value is the
key (`link_key`) of the one link found in it, or None when no link should be.
Rows that went wrong before the single finder (issue 14: non-ASCII cut, IDN
missed, spoilers, `&amp;`, share noise in keys, `#/` routes collapsed) are
marked in their id.
"""

from __future__ import annotations

import pytest

from summarizer.fetching.urls import find_links, link_key, wire_url

WX = "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=2650&idx=1&sn=9f2a"
WX_KEY = "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=2650&idx=1&sn=9f2a"
BEIJING = "https://baike.baidu.com/item/%E5%8C%97%E4%BA%AC%E5%B8%82"
AI_WIKI = "https://zh.wikipedia.org/wiki/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD"
IDN = "https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E9%97%BB/1"

# fmt: off
SHAPES: list[tuple[str, str, str | None]] = [
    # WeChat
    ("wechat-short", "https://mp.weixin.qq.com/s/AbCdEf123", "https://mp.weixin.qq.com/s/AbCdEf123"),
    ("wechat-short-scene", "https://mp.weixin.qq.com/s/AbCdEf123?scene=1&from=singlemessage", "https://mp.weixin.qq.com/s/AbCdEf123"),
    ("wechat-long", WX + "&chksm=84b0&scene=21#wechat_redirect", WX_KEY),
    ("wechat-reordered", "https://mp.weixin.qq.com/s?sn=9f2a&idx=1&mid=2650&__biz=MzA3MDM3NjE5NQ==", WX_KEY),
    ("wechat-%3D-encoded (issue 14.7)", "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ%3D%3D&mid=2650&idx=1&sn=9f2a", WX_KEY),
    ("wechat-http (issue 14.7)", "http://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=2650&idx=1&sn=9f2a", WX_KEY),
    ("wechat-slack-wrapped", f"<{WX.replace('&', '&amp;')}&amp;chksm=1|微信文章>", WX_KEY),
    # toutiao, baijiahao
    ("toutiao-share (issue 14.7)", "https://www.toutiao.com/article/7301234567890123456/?log_from=a1b2&wid=1700000000&req_id=2023&tt_from=weixin", "https://www.toutiao.com/article/7301234567890123456/"),
    ("toutiao-mobile", "https://m.toutiao.com/is/iRfTx1Ab/?share_token=abc&upstream_biz=toutiao_pc", "https://m.toutiao.com/is/iRfTx1Ab/"),
    ("toutiao-group-id-kept", "https://m.toutiao.com/i7301234/?group_id=7301234&app=news_article", "https://m.toutiao.com/i7301234/?group_id=7301234"),
    ("baijiahao (issue 14.7)", "https://baijiahao.baidu.com/s?id=1781234567890&wfr=spider&for=pc", "https://baijiahao.baidu.com/s?id=1781234567890"),
    ("baijiahao-in-prose", "百家号：https://baijiahao.baidu.com/s?id=1781234567890&wfr=spider&for=pc。", "https://baijiahao.baidu.com/s?id=1781234567890"),
    # Chinese news sites
    ("36kr", "https://36kr.com/p/2501234567890", "https://36kr.com/p/2501234567890"),
    ("36kr-utm", "36氪 https://36kr.com/p/2501234567890?utm_source=wechat&utm_medium=share", "https://36kr.com/p/2501234567890"),
    ("huxiu", "https://www.huxiu.com/article/118050.html", "https://www.huxiu.com/article/118050.html"),
    ("huxiu-fullwidth-paren", "（https://www.huxiu.com/article/118050.html）", "https://www.huxiu.com/article/118050.html"),
    ("sina-hash-route (issue 14.7)", "https://finance.sina.cn/#/article/2023-11-01/detail-imztxyz.d.html", "https://finance.sina.cn/#/article/2023-11-01/detail-imztxyz.d.html"),
    ("sina-hashbang-route", "https://m.sina.cn/#!/news/123", "https://m.sina.cn/#!/news/123"),
    ("plain-fragment-dropped", "https://news.sina.com.cn/c/2023-11-01/doc-imzt.shtml#comments", "https://news.sina.com.cn/c/2023-11-01/doc-imzt.shtml"),
    ("zhihu-answer", "https://www.zhihu.com/question/123/answer/456?utm_psn=1700&utm_source=wechat_session", "https://www.zhihu.com/question/123/answer/456"),
    ("zhuanlan-zhihu", "https://zhuanlan.zhihu.com/p/660123456?share_code=abc", "https://zhuanlan.zhihu.com/p/660123456"),
    ("weibo-t.cn", "转发微博 http://t.cn/A6Wxyz12 ", "https://t.cn/A6Wxyz12"),
    ("weibo-detail", "https://weibo.com/1234567890/NaBcDeF?weibo_id=1", "https://weibo.com/1234567890/NaBcDeF"),
    ("the-paper", "https://www.thepaper.cn/newsDetail_forward_25123456", "https://www.thepaper.cn/newsDetail_forward_25123456"),
    # X, Medium, Bloomberg, AMP
    ("x-share (issue 14.7)", "https://x.com/someone/status/1720000000000000000?s=20&t=AbCdEf", "https://x.com/someone/status/1720000000000000000"),
    ("twitter-share", "https://twitter.com/someone/status/1720000000000000000?s=46", "https://twitter.com/someone/status/1720000000000000000"),
    ("medium-source (issue 14.7)", "https://medium.com/@author/a-story-1a2b3c?source=rss----1", "https://medium.com/@author/a-story-1a2b3c"),
    ("medium-subdomain", "https://blog.medium.com/a-story-1a2b3c?source=friends_link&sk=abc", "https://blog.medium.com/a-story-1a2b3c"),
    ("bloomberg-srnd (issue 14.7)", "https://www.bloomberg.com/news/articles/2023-11-01/a-story?srnd=technology-vp", "https://www.bloomberg.com/news/articles/2023-11-01/a-story"),
    ("amp-path", "https://www.theguardian.com/world/2023/nov/01/story/amp", "https://www.theguardian.com/world/2023/nov/01/story/amp"),
    ("amp-query-sorted", "https://example.com/a?z=1&amp=1&utm_campaign=x", "https://example.com/a?amp=1&z=1"),
    # non-ASCII paths and IDN hosts
    ("chinese-path (issue 14.4)", "https://baike.baidu.com/item/北京市", BEIJING),
    ("chinese-path-encoded", BEIJING.lower().replace("https://baike", "https://baike"), BEIJING),
    ("chinese-path-wrapped (issue 14.4)", "<https://zh.wikipedia.org/wiki/人工智能|人工智能>", AI_WIKI),
    ("chinese-path-in-prose", "看看 https://zh.wikipedia.org/wiki/人工智能，写得不错", AI_WIKI),
    ("idn-host (issue 14.4)", "https://例子.中国/新闻/1", IDN),
    ("idn-host-punycode", "https://xn--fsqu00a.xn--fiqs8s/新闻/1", IDN),
    ("idn-in-prose", "官网：https://例子.中国/新闻/1。", IDN),
    # punctuation around links
    ("prose-right-after", "见https://a.cn/x这篇文章", "https://a.cn/x"),
    ("fullwidth-comma", "链接https://36kr.com/p/1，大家看", "https://36kr.com/p/1"),
    ("fullwidth-period", "链接：https://36kr.com/p/1。", "https://36kr.com/p/1"),
    ("lenticular-brackets", "【https://36kr.com/p/1】", "https://36kr.com/p/1"),
    ("corner-brackets", "「https://36kr.com/p/1」", "https://36kr.com/p/1"),
    ("chinese-quotes", "“https://36kr.com/p/1”", "https://36kr.com/p/1"),
    ("book-title-marks", "《https://36kr.com/p/1》", "https://36kr.com/p/1"),
    ("ideographic-space", "https://36kr.com/p/1　下一句", "https://36kr.com/p/1"),
    ("emoji-after", "https://36kr.com/p/1😂", "https://36kr.com/p/1"),
    ("english-sentence", "Read this: https://example.com/story.", "https://example.com/story"),
    ("wikipedia-parens", "(see https://en.wikipedia.org/wiki/Foo_(bar)).", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    # chat markup
    ("discord-spoiler (issue 14.5)", "||https://example.com/spoiler||", "https://example.com/spoiler"),
    ("discord-spoiler-in-text", "guess: ||https://example.com/spoiler|| haha", "https://example.com/spoiler"),
    ("discord-no-embed", "<https://example.com/quiet>", "https://example.com/quiet"),
    ("markdown-link", "[the story](https://example.com/story)", "https://example.com/story"),
    ("markdown-link-same-label", "[https://example.com/a](https://example.com/a)", "https://example.com/a"),
    ("slack-code-span (issue 14.6)", "`https://example.com/a?x=1&amp;y=2`", "https://example.com/a?x=1&y=2"),
    ("slack-code-block (issue 14.6)", "```https://example.com/a?x=1&amp;y=2```", "https://example.com/a?x=1&y=2"),
    ("slack-wrapped-amp", "<https://example.com/a?x=1&amp;y=2|example.com>", "https://example.com/a?x=1&y=2"),
    ("upper-case-scheme-host", "HTTPS://EXAMPLE.com/Story", "https://example.com/Story"),
    ("default-port", "https://example.com:443/story", "https://example.com/story"),
    ("query-plus-and-space", "https://example.com/s?q=a+b", "https://example.com/s?q=a%20b"),
    # not links
    ("ftp", "ftp://example.com/a", None),
    ("bare-domain", "example.com/story", None),
    ("mailto", "<mailto:a@b.c|mail>", None),
]
# fmt: on


@pytest.mark.parametrize(
    ("text", "key"), [row[1:] for row in SHAPES], ids=[row[0] for row in SHAPES]
)
def test_url_shape(text: str, key: str | None) -> None:
    links = find_links(text)
    assert [link_key(link) for link in links] == ([] if key is None else [key])


def test_the_table_is_big_enough() -> None:
    assert len(SHAPES) >= 50


@pytest.mark.parametrize(
    ("url", "wire"),
    [
        ("https://baike.baidu.com/item/北京市", BEIJING),
        ("https://例子.中国/新闻/1?q=北京", IDN + "?q=%E5%8C%97%E4%BA%AC"),
        ("https://example.com/a%2Fb?x=%3D%3D", "https://example.com/a%2Fb?x=%3D%3D"),
        ("http://[::1]:8080/路", "http://[::1]:8080/%E8%B7%AF"),
    ],
)
def test_wire_url_is_ascii_and_whole(url: str, wire: str) -> None:
    assert wire_url(url) == wire
