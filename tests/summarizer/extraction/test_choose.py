"""Choosing the article among candidates: headline anchoring, wrong picks, site rules."""

from __future__ import annotations

import pytest

from summarizer.errors import NotAnArticle
from summarizer.extraction.density import _max_run, block_value
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
    ("values", "span"),
    [([-3.0, 5.0, -1.0, 4.0, -9.0], (1, 4)), ([2.0], (0, 1)), ([-1.0, -2.0], (0, 0))],
)
def test_the_run_with_the_largest_sum_trims_both_ends(
    values: list[float], span: tuple[int, int]
) -> None:
    assert _max_run(values) == span


@pytest.mark.parametrize("rule", SITE_RULES, ids=lambda r: r.host)
def test_every_site_rule_reads_its_sites_article_body(rule: SiteRule) -> None:
    """Each rule's body selector, on a page shaped like its site's, gives the story."""
    selector = rule.body.split(",")[0].strip()
    body = _element(selector, "".join(f"<p>{t}</p>" for t in STORY))
    page = _page(_paras(FEED[:2], "aside") + f"<h1>{TITLE}</h1>" + body)
    article = extract(page, url=f"https://www.{rule.host}/a/1.html")
    assert article.text.split("\n\n") == STORY


def _element(selector: str, inner: str) -> str:
    """Markup matching a simple CSS selector: `tag#id` or `tag.class`, nested by spaces."""
    markup = inner
    for part in reversed(selector.split()):
        sep = "#" if "#" in part else "."
        tag, _, name = part.partition(sep) if sep in part else (part, "", "")
        attr = f'{"id" if sep == "#" else "class"}="{name}"' if name else ""
        markup = f"<{tag or 'div'} {attr}>{markup}</{tag or 'div'}>"
    return markup
