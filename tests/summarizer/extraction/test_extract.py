"""Extraction on hand-made pages: WeChat, walls, shells, link lists, dates."""

from __future__ import annotations

import pytest

from summarizer.errors import NotAnArticle, Unreadable, Walled
from summarizer.extraction.dates import normalise_date
from summarizer.extraction.extractor import extract

PARAGRAPHS = [
    "国家统计局今天发布数据，今年一季度国内生产总值同比增长百分之五点三，比上季度加快零点一个百分点。",
    "分析人士认为，消费和投资的回暖是经济增长的主要动力，其中社会消费品零售总额增长百分之四点七。",
    "统计局新闻发言人表示，下一阶段将继续推动经济持续回升向好，巩固和增强经济回升向好态势。",
]
NAV = "".join(f'<li><a href="/c/{i}">频道栏目{i}</a></li>' for i in range(40))


def article_page(head: str = "", body_extra: str = "", repeat: int = 1) -> str:
    # Repeated paragraphs are numbered: a page never holds its article's paragraph twice.
    numbered = [f"{p}（{n}）" if n else p for n in range(repeat) for p in PARAGRAPHS]
    paras = "".join(f"<p>{p}</p>" for p in numbered)
    return (
        f"<html><head><title>一季度GDP增长5.3%_新闻网</title>{head}</head><body>"
        f"<ul class='nav'>{NAV}</ul><h1>一季度GDP增长5.3%</h1>"
        f"<div class='info'>2024年4月16日 10:05 来源：新闻网 作者：李明</div>"
        f"<div class='content'>{paras}</div>{body_extra}"
        f"<div class='footer'><a href='/about'>关于我们</a> 版权所有 © 新闻网</div>"
        "</body></html>"
    )


def test_article_text_title_date_author_and_no_boilerplate() -> None:
    article = extract(article_page(), url="https://news.example.cn/a/1.html")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.title == "一季度GDP增长5.3%"
    assert article.published == "2024-04-16T10:05"
    assert article.author == "李明"
    assert "频道栏目" not in article.text and "版权所有" not in article.text


def test_bytes_are_decoded_by_the_charset_rules() -> None:
    raw = article_page('<meta charset="gb2312">').encode("gb18030")
    assert PARAGRAPHS[0] in extract(raw).text


def test_wechat_article_hidden_until_scripts_run() -> None:
    paras = "".join(f"<p><span>{p}</span></p>" for p in PARAGRAPHS)
    page = (
        "<html><head><title></title>"
        '<meta property="og:url" content="http://mp.weixin.qq.com/s/abc"></head><body>'
        '<h1 class="rich_media_title" id="activity-name"> 一季度经济数据解读 </h1>'
        '<a id="js_name">财经观察</a>'
        '<div class="rich_media_content" id="js_content" style="visibility: hidden;">'
        f"{paras}</div><script>var msg_title = '一季度经济数据解读';</script>"
        "<div id='js_pc_qr_code'>微信扫一扫关注该公众号</div></body></html>"
    )
    article = extract(page)
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.title == "一季度经济数据解读"
    assert article.author == "财经观察"


def test_wechat_verification_page_is_walled() -> None:
    page = (
        "<html><head><title>微信公众平台</title></head><body>"
        "<div class='weui-msg'><h2>环境异常</h2>"
        "<p>当前环境异常，完成验证后即可继续访问。</p><a>去验证</a></div></body></html>"
    )
    with pytest.raises(Walled):
        extract(page, url="https://mp.weixin.qq.com/s/abc")


def test_paywall_teaser_is_walled() -> None:
    page = (
        "<html><head><title>Markets rally</title></head><body><article><h1>Markets rally</h1>"
        "<p>Stocks rose sharply on Tuesday as investors cheered the central bank.</p>"
        "<div class='paywall'>Subscribe to continue reading. Already a subscriber? Log in."
        "</div></article></body></html>"
    )
    with pytest.raises(Walled, match="paywall"):
        extract(page, url="https://paper.example.com/markets")


def test_long_article_that_mentions_subscribing_is_still_an_article() -> None:
    extra = "<p>Subscribe to continue reading our newsletter every week.</p>"
    assert PARAGRAPHS[1] in extract(article_page(body_extra=extra, repeat=6)).text


def test_javascript_only_shell_is_not_an_article() -> None:
    page = (
        "<html><head><title>App</title><script src='/app.js'></script></head>"
        "<body><div id='root'></div><noscript>You need to enable JavaScript.</noscript>"
        "<script>window.__STATE__ = {}</script></body></html>"
    )
    with pytest.raises(NotAnArticle, match="JavaScript"):
        extract(page)


def test_home_page_of_headlines_is_not_an_article() -> None:
    links = "".join(
        f'<li><a href="/news/{i}.html">第{i}条新闻标题：某地召开工作会议部署年度重点任务</a></li>'
        for i in range(60)
    )
    page = f"<html><head><title>新闻网首页</title></head><body><ul>{links}</ul></body></html>"
    with pytest.raises(NotAnArticle, match="links"):
        extract(page)


@pytest.mark.parametrize("page", ["", "   ", "<html><body></body></html>"])
def test_empty_pages_are_unreadable(page: str) -> None:
    with pytest.raises(Unreadable):
        extract(page)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2015-06-17 18:28", "2015-06-17T18:28"),
        ("2015年6月17日", "2015-06-17"),
        ("发布时间：2015年06月17日 18:28:05 来源：新华网", "2015-06-17T18:28:05"),
        ("2015/6/7", "2015-06-07"),
        ("2024.04.24", "2024-04-24"),
        ("2020-02-12T22:17:54+08:00", "2020-02-12T22:17:54"),
        ("2019-13-45", None),
        ("没有日期", None),
    ],
)
def test_chinese_date_formats(text: str, iso: str | None) -> None:
    assert normalise_date(text) == iso


def test_a_byline_label_followed_by_markup_is_not_an_author() -> None:
    body = "<p>" + "这是一篇很长的文章正文，讲述了当年发生的事情。" * 20 + "</p>"
    page = f'<html><head><title>标题</title></head><body><p>文: size="20"</p>{body}</body></html>'
    assert extract(page).author is None
    signed = page.replace('文: size="20"', "作者：张三")
    assert extract(signed).author == "张三"


HOVER = (
    '<span class="rollover-people"><a href="/people/jane-doe">Jane Doe</a>'
    '<span class="rollover-block"><img src="/jd.jpg" alt=""><a href="/people/jane-doe">'
    'Jane Doe</a><a href="/news/1">Senate passes funding bill | Storm hits coast</a></span>'
    "</span>"
)
ENGLISH = [
    f"A man pleaded guilty on Monday to threatening Rep. {HOVER} (D-Minn.), prosecutors said.",
    "He could face up to ten years in prison and a fine after pleading guilty to the charges.",
    "His sentencing is scheduled for February, according to the office's release on Monday.",
    "His attorney said in a statement that her client never intended to cause any harm.",
]


@pytest.mark.parametrize("hint", ["rollover-block", "tooltip", "popover fade"])
def test_a_hover_card_is_no_part_of_the_sentence(hint: str) -> None:
    """A card shown only on hover ran into the sentence (The Hill, issue 12)."""
    paras = "".join(f"<p>{p.replace('rollover-block', hint)}</p>" for p in ENGLISH)
    page = (
        "<html><head><title>Man pleads guilty</title></head><body><h1>Man pleads guilty</h1>"
        f"<article>{paras}</article></body></html>"
    )
    text = extract(page, url="https://news.example.com/a/1").text
    assert "Rep. Jane Doe (D-Minn.)" in text
    assert "Senate passes" not in text


def test_a_class_merely_starting_like_a_hover_card_is_kept() -> None:
    page = article_page().replace("<div class='content'>", "<div class='tooltipbg'>")
    text = extract(page).text
    assert all(p in text for p in PARAGRAPHS)
