"""Metadata junk, kind by kind: authors that are not people, titles that are the site."""

from __future__ import annotations

import pytest

from summarizer.extraction.bylines import byline_names
from summarizer.extraction.extractor import extract
from summarizer.extraction.headlines import headline, site_name

BODY = "".join(
    f"<p>{'今年以来，我国外贸领域的积极因素不断增多，动能持续增强。' * 3}</p>" for _ in range(4)
)


@pytest.mark.parametrize(
    "raw",
    [
        "繁体",  # a script switch
        "字号",  # a font-size button
        "Name; Email Com",  # an e-mail widget
        "丰羽煊 热门跟贴",  # a commenter
        "管不饿 关注 来自甘肃",  # a profile box
        "责任编辑：刘光博",  # the editor, not the author
        "作者",  # the label alone
        "■ 该作者文章",
        "HNN Staff",
        "The Water Coolest",
        "新华社",  # an agency is not a person
        "加拿大必读",  # an account name
    ],
)
def test_an_author_that_names_nobody_is_none(raw: str) -> None:
    assert byline_names(raw) is None


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("宋晨、田中全", "宋晨、田中全"),
        ("本报记者 王乐文 方 敏", "王乐文、方敏"),
        ("郭旭】", "郭旭"),
        ("赵 培; 中文学术期刊; 汉斯出版社; Hans Publishers", "赵培"),
        ("Ilana Muhlstein; MS; RDN", "Ilana Muhlstein"),
        ("STEVE PEOPLES; AP National Political Writer", "Steve Peoples"),
        ("Greg Beacham; Ap Sports Writer", "Greg Beacham"),
        ("By Kashmira Gander", "Kashmira Gander"),
    ],
)
def test_an_author_is_the_people_named(raw: str, names: str) -> None:
    assert byline_names(raw) == names


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("留学生看两会：关注点大不同_教育频道_中国青年网", None, "留学生看两会：关注点大不同"),
        ("四年前中500万 如何经营__商贸_产业资讯_新浪网", None, "四年前中500万 如何经营"),
        ("劳伦斯：一个无法定义的“洛克菲勒”-搜狐财经", None, "劳伦斯：一个无法定义的“洛克菲勒”"),
        ("日本无性婚姻问题严重(图)--雅虎新闻", None, "日本无性婚姻问题严重"),
        ("金锺国 - 维基百科，自由的百科全书", None, "金锺国"),
        ("两万字长文 | 月亮的100个故事", None, "两万字长文 | 月亮的100个故事"),
        ("Fed holds rates steady | Reuters", None, "Fed holds rates steady"),
        ("Fed holds rates - The Daily Courier", "The Daily Courier", "Fed holds rates"),
        ("痞客邦 PIXNET", "痞客邦 PIXNET", None),
        ("致敬平凡的武汉人！-新华网", None, "致敬平凡的武汉人！"),  # a site after "！"
        ("为农机行业搭建信息平台_振兴东北", None, "为农机行业搭建信息平台"),  # one "_"
        ("土豆不“土” 土豆无“土” 松花江网", "松花江网", "土豆不“土” 土豆无“土”"),
        ("小两口尝试以钱生钱(图)_新浪房产_新浪网", None, "小两口尝试以钱生钱"),
    ],
)  # fmt: skip
def test_a_title_is_the_headline(title: str, site: str | None, expected: str | None) -> None:
    assert headline(title, site) == expected


def test_a_page_with_junk_metadata() -> None:
    page = (
        "<html><head><title>外贸向好态势进一步巩固_新闻频道_中国青年网</title>"
        '<meta name="author" content="繁体"></head><body>'
        f"<h1>外贸向好态势进一步巩固</h1>{BODY}<p>（记者邹多为、唐诗凝）</p></body></html>"
    )
    article = extract(page)
    assert article.title == "外贸向好态势进一步巩固"
    assert article.author == "邹多为、唐诗凝"


def test_a_copyright_line_is_not_the_site_name() -> None:
    page = (
        "<html><head><title>外贸向好</title><meta property='og:site_name' "
        'content="Copyright © 2017 Sohu.com Inc. All Rights Reserved.">'
        f"</head><body><h1>外贸向好</h1>{BODY}</body></html>"
    )
    assert extract(page).site is None


@pytest.mark.parametrize("site", ["2001-2013 Comsenz Inc.", "Powered by Discuz!"])
def test_software_or_copyright_text_is_not_the_site_name(site: str) -> None:
    assert site_name(site) is None


def test_an_h1_logo_closing_the_title_is_the_site_not_the_headline() -> None:
    page = (
        "<html><head><title>土豆不“土” 土豆无“土” 松花江网</title></head><body>"
        f"<h1>松花江网</h1><h2>土豆不“土” 土豆无“土”</h2>{BODY}</body></html>"
    )
    article = extract(page)
    assert (article.title, article.site) == ("土豆不“土” 土豆无“土”", "松花江网")


@pytest.mark.parametrize("page_title", ["China-Pub blog--洞庭一叶", "显示"])
def test_a_title_naming_no_article_gives_way_to_the_line_atop_the_text(page_title: str) -> None:
    page = (
        f"<html><head><title>{page_title}</title></head><body>"
        f"<p>Saturday, September 10th, 2005 10:56 am</p>"
        f"<p><b>陈天华《警世钟》</b></p>{BODY}</body></html>"
    )
    assert extract(page).title == "陈天华《警世钟》"


def test_a_photographer_and_an_editor_are_not_the_author() -> None:
    page = (
        "<html><head><title>外贸向好</title><meta name='author' content='倪仕轩'></head><body>"
        f"<h1>外贸向好</h1><p>新华社记者 谢环驰 摄</p>{BODY}<p>编辑：倪仕轩</p></body></html>"
    )
    assert extract(page).author is None
