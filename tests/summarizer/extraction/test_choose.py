"""Choosing the article among candidates: headline anchoring, wrong picks, site rules."""

from __future__ import annotations

import pytest

from summarizer.errors import NotAnArticle
from summarizer.extraction import extractor
from summarizer.extraction.candidates import Candidate
from summarizer.extraction.choose import agreed
from summarizer.extraction.density import _max_run, block_value, is_prose
from summarizer.extraction.extractor import extract
from summarizer.extraction.html_text import TextBlock
from summarizer.extraction.site_rules import SITE_RULES, SiteRule

STORY = [
    "中国人民银行今天宣布，下调金融机构存款准备金率零点五个百分点，释放长期资金约一万亿元。",
    "央行有关负责人表示，此次下调存款准备金率旨在保持流动性合理充裕，支持实体经济发展。",
    "市场人士认为，降准将降低银行资金成本，有助于推动社会综合融资成本稳中有降。",
]
# Other stories, told at length: longer and denser than the article itself.
FEED = [
    f"第{n}则：某市今年夏天举办了一场热闹的音乐节，吸引了来自全国各地的数万名游客前来参加，"
    "当地酒店和餐馆的生意因此大为兴旺，旅游部门表示明年还将继续举办类似的活动。"
    for n in range(8)
]
TITLE = "央行宣布下调存款准备金率"


def _page(body: str, *, og: bool = True) -> str:
    og_tag = f'<meta property="og:title" content="{TITLE}">' if og else ""
    return f"<html><head><title>{TITLE}_新闻网</title>{og_tag}</head><body>{body}</body></html>"


def _paras(texts: list[str], cls: str) -> str:
    return f"<div class='{cls}'>" + "".join(f"<p>{t}</p>" for t in texts) + "</div>"


def test_the_article_is_the_block_after_its_headline_not_the_longer_feed() -> None:
    """A portal's shape: the story under its headline, then a longer recommended one."""
    feed = "<h1>某市举办夏季音乐节</h1><span>关注</span><span>2023-06-01 00:48</span>"
    story = f"<div><h1>{TITLE}</h1>{_paras(STORY, 'story')}</div>"
    body = f"{story}<div>{feed}{_paras(FEED, 'feed')}</div>"
    article = extract(_page(body), url="https://news.example.cn/a.html")
    assert article.text.split("\n\n") == STORY


def test_a_feed_about_other_stories_is_refused_not_summarised() -> None:
    body = f"<h1>{TITLE}</h1>" + _paras(FEED, "feed")
    with pytest.raises(NotAnArticle, match="headline"):
        extract(_page(body), url="https://news.example.cn/a.html")


def test_a_title_the_page_does_not_declare_refuses_nothing() -> None:
    """A blog's <title> and top heading are the blog's name: no wrong-pick check then."""
    body = "<h1>某某的博客</h1>" + _paras(FEED, "post")
    page = body.join(("<html><head><title>某某的博客</title></head><body>", "</body></html>"))
    assert FEED[0] in extract(page).text


def test_prose_counts_for_an_element_links_and_labels_against() -> None:
    prose = TextBlock("这是一句完整的话，有标点。")
    link = TextBlock("频道栏目新闻", link_chars=6)
    label = TextBlock("分享到微信")
    assert block_value(prose) > 0 > block_value(label) > block_value(link)


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("“Fine.”", True),
        ("(I said so.)", True),
        ("好。", True),
        ("sohu.com", False),
        ("13:09", False),
    ],
)
def test_prose_punctuation_counts_across_a_closing_quote(text: str, prose: bool) -> None:
    """A line of dialogue is prose, not an interface label to drop."""
    assert is_prose(text) is prose


FOOTER = "本网站所刊载信息，不代表本站观点。如需转载，请注明出处，版权所有。"


def test_our_candidate_drops_what_no_other_method_finds_when_they_agree_on_the_body() -> None:
    ours = Candidate("density", (*STORY, FOOTER))
    theirs = Candidate("readability", tuple(STORY))
    assert agreed(ours, [ours, theirs]).paragraphs == tuple(STORY)


def test_our_candidate_stays_whole_when_the_others_found_another_text() -> None:
    """A related-stories page: only the headline candidate finds the story."""
    ours = Candidate("headline", tuple(STORY))
    theirs = Candidate("readability", tuple(FEED))
    assert agreed(ours, [ours, theirs]) == ours


def test_another_methods_text_is_taken_as_it_is() -> None:
    theirs = Candidate("readability", (*STORY, FOOTER))
    ours = Candidate("density", tuple(STORY))
    assert agreed(theirs, [ours, theirs]) == theirs


@pytest.mark.parametrize(
    ("values", "span"),
    [([-3.0, 5.0, -1.0, 4.0, -9.0], (1, 4)), ([2.0], (0, 1)), ([-1.0, -2.0], (0, 0))],
)
def test_the_run_with_the_largest_sum_trims_both_ends(
    values: list[float], span: tuple[int, int]
) -> None:
    assert _max_run(values) == span


STATEMENT = (
    "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，"
    "本平台仅提供信息存储服务。"
)
OTHER_POSTS = "".join(
    f"<div class='post-member-title'><span>【回顾】第{n}期：聊聊今年的音乐节为何这样火爆</span>"
    f"<span>2019-09-0{n}</span></div>"
    for n in range(1, 4)
)
# Pages shaped like each kept rule's site (see `site_rules`), with what the
# general methods get wrong there: the author only the rule's element names,
# a disclaimer and a list of other posts inside the article's own container.
SITE_PAGES = {
    "mp.weixin.qq.com": (
        f"<h1 id='activity-name'>{TITLE}</h1><div id='meta_content'><span>原创</span>"
        "<a id='js_name'>某某科技</a></div>"
        f"<div id='js_content' style='visibility: hidden;'>{_paras(STORY, 'rich_media')}</div>"
    ),
    "163.com": (
        f"<div class='post_main'><h1>{TITLE}</h1><div class='post_content' id='content'>"
        f"{_paras(STORY, 'post_body')}<div class='post_statement'><p>{STATEMENT}</p></div>"
        "</div></div>"
    ),
    "guancha.cn": (
        f"<ul class='two-coloum'><li class='left-main'><h3>{TITLE}</h3>{_paras(STORY, 'all-txt')}"
        f"<div id='post-member'>{OTHER_POSTS}</div></li></ul>"
    ),
}


def _site_article(host: str) -> tuple[list[str], str | None]:
    article = extract(_page(SITE_PAGES[host]), url=f"https://www.{host}/a/1.html")
    return article.text.split("\n\n"), article.author


@pytest.mark.parametrize("rule", SITE_RULES, ids=lambda r: r.host)
def test_every_site_rule_reads_its_site_right(rule: SiteRule) -> None:
    assert _site_article(rule.host) == (STORY, "某某科技" if rule.author else None)


@pytest.mark.parametrize("rule", SITE_RULES, ids=lambda r: r.host)
def test_every_site_rule_is_needed(rule: SiteRule, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without its rule, the general methods misread the site's shape: when
    they no longer do, the rule goes (issue 13: a small table)."""
    monkeypatch.setattr(extractor, "SITE_RULES", ())
    assert _site_article(rule.host) != (STORY, "某某科技" if rule.author else None)
