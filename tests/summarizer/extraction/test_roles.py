"""Paragraph roles read from the page's DOM, one `Block` per paragraph of the text."""

from __future__ import annotations

import pytest

from summarizer.extraction.extractor import extract
from summarizer.models import Article

LEDE = (
    "国家统计局今天发布数据，今年一季度国内生产总值同比增长百分之五点三，"
    "比上季度加快零点一个百分点。"
)
BODY = (
    "分析人士认为，消费和投资的回暖是经济增长的主要动力，其中社会消费品零售总额增长百分之四点七。"
)
MORE = "统计局新闻发言人表示，下一阶段将继续推动经济持续回升向好，巩固和增强经济回升向好态势。"


def _roles(article: Article) -> dict[str, str]:
    return {article.text[b.start : b.end]: b.role for b in article.blocks}


def _extract(inner: str) -> Article:
    page = (
        "<html><head><title>一季度GDP增长5.3%_新闻网</title></head><body>"
        "<ul class='nav'><li><a href='/'>首页</a></li></ul>"
        f"<h1>一季度GDP增长5.3%</h1><div class='content'>{inner}</div></body></html>"
    )
    return extract(page, url="https://news.example.cn/a/1.html")


def test_blocks_cover_every_paragraph_in_order() -> None:
    article = _extract(f"<p>{LEDE}</p><p>{BODY}</p><p>{MORE}</p>")
    assert [article.text[b.start : b.end] for b in article.blocks] == article.text.split("\n\n")
    assert {b.role for b in article.blocks} == {"prose"}


@pytest.mark.parametrize(
    ("markup", "line", "role"),
    [
        ("<p><img src='a.jpg'></p><p>图为工人在车间作业。</p>", "图为工人在车间作业。", "caption"),
        (
            "<figure><img src='a.jpg'><figcaption>共享充电宝。</figcaption></figure>",
            "共享充电宝。",
            "caption",
        ),
        ("<p><img src='a.jpg'></p><p>视觉中国 资料</p>", "视觉中国 资料", "caption"),
        ("<p>图为工人在车间作业</p><p><img src='b.jpg'></p>", "图为工人在车间作业", "caption"),
        ("<p class='article-source'>来源：新华社</p>", "来源：新华社", "credit"),
        ("<div class='editor'>责任编辑：王五</div>", "责任编辑：王五", "byline"),
        ("<p class='byline'>By Jane Doe</p>", "By Jane Doe", "byline"),
        ("<span class='pubtime'>2024-04-16 10:05</span>", "2024-04-16 10:05", "dateline"),
        (
            "<div class='related-news'><p>相关阅读：一季度消费数据发布。</p></div>",
            "相关阅读：一季度消费数据发布。",
            "promo",
        ),
        ("<h2>消费回暖</h2>", "消费回暖", "heading"),
    ],
)
def test_dom_cues_give_roles(markup: str, line: str, role: str) -> None:
    article = _extract(f"<p>{LEDE}</p>{markup}<p>{BODY}</p><p>{MORE}</p>")
    roles = _roles(article)
    # Furniture may also be left out of the text (a label, a related list); never prose.
    assert roles.get(line, role) == role, roles
    assert roles[LEDE] == roles[BODY] == "prose"


def test_a_long_paragraph_is_prose_whatever_its_class_says() -> None:
    article = _extract(f"<p class='author-note'>{LEDE * 5}</p><p>{BODY}</p><p>{MORE}</p>")
    assert _roles(article)[LEDE * 5] == "prose"


def test_present_furniture_is_found() -> None:
    markup = "<figure><img src='a.jpg'><figcaption>共享充电宝。</figcaption></figure>"
    article = _extract(f"<p>{LEDE}</p>{markup}<p>{BODY}</p><p class='source'>来源：新华社。</p>")
    roles = _roles(article)
    assert roles["共享充电宝。"] == "caption" and roles["来源：新华社。"] == "credit"


def test_a_bracketed_line_closing_the_article_is_a_note() -> None:
    article = _extract(f"<p>{LEDE}</p><p>{BODY}</p><p>{MORE}</p><p>（本文来源：经济日报）</p>")
    assert _roles(article)["（本文来源：经济日报）"] == "note"


def test_a_hint_on_the_container_of_the_whole_article_is_no_role() -> None:
    """WordPress classes every post `status-publish author-jane`: its paragraphs stay prose."""
    post = f"<article class='post status-publish author-jane'><p>{LEDE}</p><p>{BODY}</p>"
    caption = "<figure><img src='a.jpg'><figcaption>共享充电宝。</figcaption></figure>"
    article = _extract(post + f"{caption}<p>{MORE}</p></article>")
    roles = _roles(article)
    assert roles[LEDE] == roles[BODY] == roles[MORE] == "prose"
    assert roles.get("共享充电宝。", "caption") == "caption"  # another role inside still counts
