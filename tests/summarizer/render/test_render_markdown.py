"""Markdown rendering: a golden digest, missing metadata left out, no markup breakage."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from summarizer.models import Digest, Figure, Quote
from summarizer.render.markdown import render_markdown

DIGEST = Digest(
    tldr="张勇强调互联网+电影的主语是电影。",
    key_points=[
        "阿里的兴趣不在于拍电影。",
        "我们参与了24部电影筹资工作，一共帮产业筹了5.3亿人民币…",
    ],
    quotes=[Quote("我还是想说互联网+电影的主语是电影", "张勇"), Quote("电影是一种数字商品")],
    figures=[
        Figure("5.3亿人民币", Decimal("530000000"), "CNY", "money", "一共帮产业筹了5.3亿人民币"),
        Figure("24部", Decimal("24"), "部", "count", "24部"),
    ],
    keywords=["互联网", "电影", "阿里"],
    title="阿里CEO张勇论互联网+电影",
    url="https://www.huxiu.com/article/118050",
    site="虎嗅",
    published="2015-06-17 18:28",
    lang="zh",
    length=3200,
    reading_minutes=8,
)

GOLDEN = """\
## [阿里CEO张勇论互联网+电影](https://www.huxiu.com/article/118050)

*虎嗅 · 2015-06-17 18:28 · 阅读约 8 分钟 · 中文*

**摘要:** 张勇强调互联网+电影的主语是电影。

**要点**

- 阿里的兴趣不在于拍电影。
- 我们参与了24部电影筹资工作，一共帮产业筹了5.3亿人民币…

**引语**

> 我还是想说互联网+电影的主语是电影 — 张勇
>
> 电影是一种数字商品

**关键数字**

- **5.3亿人民币** — 一共帮产业筹了5.3亿人民币
- **24部** — count

**关键词:** 互联网 · 电影 · 阿里
"""


def test_golden_chinese_digest() -> None:
    assert render_markdown(DIGEST) == GOLDEN


def test_missing_parts_are_left_out_and_labels_follow_the_language() -> None:
    # The only key point is the TL;DR itself, so it is not repeated under "Key points".
    bare = Digest(tldr="The budget passed.", key_points=["The budget passed."], lang="en")
    assert render_markdown(bare) == (
        "## Digest\n\n*1 min read · English*\n\n**TL;DR:** The budget passed.\n"
    )


def test_a_title_with_brackets_keeps_its_link_intact() -> None:
    markdown = render_markdown(replace(DIGEST, title="张勇](谈电影 [全文"))
    assert markdown.splitlines()[0] == (
        "## [张勇\\](谈电影 \\[全文](https://www.huxiu.com/article/118050)"
    )


def test_a_point_that_is_the_tldr_is_not_shown_twice() -> None:
    from summarizer.render.blockkit import digest_message
    from summarizer.render.embed import render_embed

    digest = Digest(tldr="Rates rose.", key_points=["Rates rose.", "Banks cut loans."], lang="en")
    markdown = render_markdown(digest)
    assert markdown.count("Rates rose.") == 1 and "- Banks cut loans." in markdown
    assert str(render_embed(digest)).count("Rates rose.") == 1
    blocks = [b for b in digest_message(digest)["blocks"] if b.get("type") == "section"]
    assert sum(str(b).count("Rates rose.") for b in blocks) == 1
