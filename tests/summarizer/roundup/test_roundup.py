"""Roundups from stored digests: same-story merging, topics, figures, sharers, limits."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from summarizer.models import Digest, Figure, Lang
from summarizer.render.blockkit import HEADER_LIMIT, MAX_BLOCKS, MESSAGE_BUDGET, SECTION_LIMIT
from summarizer.render.embed import DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT, TITLE_LIMIT, embed_size
from summarizer.render.roundup_blockkit import roundup_messages
from summarizer.render.roundup_embed import roundup_embeds
from summarizer.render.roundup_markdown import render_roundup_markdown
from summarizer.render.roundup_text import pack_lines
from summarizer.roundup.build import build_roundup
from summarizer.roundup.model import Roundup
from tests.support.roundup_data import story

SINCE = datetime(2026, 3, 2, tzinfo=UTC)
UNTIL = datetime(2026, 3, 9, tzinfo=UTC)


@dataclass(frozen=True)
class Link:
    """A share as the store keeps it (the fields a roundup reads)."""

    url: str
    user: str | None = "U1"
    title: str | None = None
    ok: bool = True


def figure(text: str, value: str, unit: str | None, kind: str, context: str) -> Figure:
    return Figure(text=text, value=Decimal(value), unit=unit, kind=kind, context=context)  # type: ignore[arg-type]


def digest(
    title: str,
    tldr: str,
    keywords: list[str],
    *,
    url: str,
    figures: list[Figure] | None = None,
    lang: Lang = "en",
) -> Digest:
    site = url.split("/")[2]
    return Digest(
        tldr=tldr,
        key_points=[tldr],
        figures=figures or [],
        keywords=keywords,
        title=title,
        url=url,
        site=site,
        lang=lang,
    )


ACME_MONEY = figure("$5 million", "5000000", "USD", "money", "Acme raised $5 million")
ACME_A = digest(
    "Acme raises $5 million to build battery recycling plants",
    "Battery recycler Acme raised $5 million from investors to build recycling plants in Ohio.",
    ["Acme", "battery", "recycling", "investors", "Ohio"],
    url="https://news-a.example/acme",
    figures=[ACME_MONEY, figure("40%", "40", "%", "percent", "costs fall 40%")],
)
ACME_B = digest(
    "Battery recycler Acme gets $5 million for Ohio plants",
    "Acme, a battery recycling start-up, got $5 million from investors for plants in Ohio.",
    ["Acme", "battery", "recycling", "Ohio", "start-up"],
    url="https://news-b.example/acme-funding",
    figures=[figure("$5m", "5000000", "USD", "money", "got $5m from investors")],
)
BATTERY_PRICES = digest(
    "Lithium battery prices fall again",
    "Prices of lithium battery packs fell for a third year as recycling capacity grew.",
    ["battery", "lithium", "prices", "recycling"],
    url="https://energy.example/prices",
    figures=[figure("14%", "14", "%", "percent", "pack prices fell 14%")],
)
LIBRARIES = digest(
    "City keeps libraries open late",
    "The city council voted to keep twelve library branches open until ten at night.",
    ["libraries", "council", "branches"],
    url="https://city.example/libraries",
)


def roundup_of(*pairs: tuple[Link, Digest | None]) -> Roundup:
    return build_roundup(list(pairs), since=SINCE, until=UNTIL)


def test_the_same_story_from_two_sources_is_one_entry_listing_both() -> None:
    roundup = roundup_of(
        (Link(ACME_A.url or ""), ACME_A),
        (Link(LIBRARIES.url or "", user="U2"), LIBRARIES),
        (Link(ACME_B.url or "", user="U3"), ACME_B),
    )
    entries = [entry for topic in roundup.topics for entry in topic.entries]
    assert len(entries) == 2
    [acme] = [e for e in entries if len(e.sources) == 2]
    assert [s.url for s in acme.sources] == [ACME_A.url, ACME_B.url]
    assert acme.tldr == ACME_A.tldr  # the first share's TL;DR, verbatim
    assert roundup.articles == 3
    markdown = render_roundup_markdown(roundup)
    assert "Also reported by: [news-b.example](https://news-b.example/acme-funding)" in markdown


def test_chinese_reports_of_one_story_are_merged() -> None:
    a = digest(
        "央行宣布降准0.5个百分点",
        "中国人民银行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元。",
        ["降准", "央行", "流动性"],
        url="https://a.example.cn/rrr",
        lang="zh",
    )
    b = digest(
        "降准0.5个百分点 释放长期资金约1万亿元",
        "央行决定下调金融机构存款准备金率0.5个百分点，共计释放长期资金约1万亿元。",
        ["降准", "存款准备金率", "央行"],
        url="https://b.example.cn/rrr",
        lang="zh",
    )
    roundup = roundup_of((Link(a.url or ""), a), (Link(b.url or ""), b))
    [topic] = roundup.topics
    [entry] = topic.entries
    assert len(entry.sources) == 2
    assert roundup.lang == "zh"


def test_related_stories_share_a_topic_and_the_rest_come_last() -> None:
    roundup = roundup_of(
        (Link(ACME_A.url or ""), ACME_A),
        (Link(LIBRARIES.url or ""), LIBRARIES),
        (Link(BATTERY_PRICES.url or ""), BATTERY_PRICES),
    )
    battery, rest = roundup.topics
    assert [e.title for e in battery.entries] == [ACME_A.title, BATTERY_PRICES.title]
    assert "battery" in battery.label and "recycling" in battery.label
    assert rest.label == () and [e.title for e in rest.entries] == [LIBRARIES.title]


def test_figures_come_from_the_digests_with_their_source_and_each_story_takes_turns() -> None:
    roundup = roundup_of(
        (Link(ACME_A.url or ""), ACME_A),
        (Link(ACME_B.url or ""), ACME_B),
        (Link(BATTERY_PRICES.url or ""), BATTERY_PRICES),
    )
    shown = [(item.figure.text, item.source.url) for item in roundup.figures]
    # The $5m of the second source is the same value: shown once, from the first.
    assert shown == [
        ("$5 million", ACME_A.url),
        ("14%", BATTERY_PRICES.url),
        ("40%", ACME_A.url),
    ]
    by_url = {d.url: d for d in (ACME_A, ACME_B, BATTERY_PRICES)}
    for item in roundup.figures:
        assert item.figure in by_url[item.source.url].figures


def test_unreadable_links_are_counted_once_and_sharers_listed_busiest_first() -> None:
    roundup = roundup_of(
        (Link(ACME_A.url or "", user="U1"), ACME_A),
        (Link("https://paywall.example/x", user="U2", title="Paywalled", ok=False), None),
        (Link("https://paywall.example/x", user="U2", ok=False), None),
        (Link("https://expired.example/y", user="U2", title="Old news"), None),
        (Link(LIBRARIES.url or "", user="U2"), LIBRARIES),
        (Link(ACME_A.url or "", user="U3"), ACME_A),
    )
    assert roundup.unread == 2
    assert roundup.articles == 2
    sharers = {s.user: s.titles for s in roundup.sharers}
    assert roundup.sharers[0].user == "U2"
    assert sharers["U2"] == ("Paywalled", "Old news", LIBRARIES.title)
    assert sharers["U3"] == (ACME_A.title,)


def test_every_line_of_the_roundup_comes_from_the_digests() -> None:
    digests = [ACME_A, ACME_B, BATTERY_PRICES, LIBRARIES]
    roundup = roundup_of(*((Link(d.url or ""), d) for d in digests))
    markdown = render_roundup_markdown(roundup)
    story_lines = [line for line in markdown.splitlines() if line.startswith("- **[")]
    assert len(story_lines) == 3
    tldrs = {d.tldr for d in digests}
    for line in story_lines:
        assert any(line.rstrip().endswith(f"— {tldr}") for tldr in tldrs), line
    for item in roundup.figures:
        assert f"**{item.figure.text}** — {item.figure.context}" in markdown


def test_an_empty_window_says_so() -> None:
    roundup = roundup_of()
    assert roundup.empty
    assert "Nothing was shared" in render_roundup_markdown(roundup)
    [message] = roundup_messages(roundup)
    assert "Nothing was shared" in json.dumps(message["blocks"])


def week_of(count: int) -> Roundup:
    """A busy week: `count` distinct stories with long TL;DRs and figures, two sharers."""
    stories = [story(n) for n in range(count)]
    pairs = [(Link(d.url or "", user=f"U{n % 2}"), d) for n, d in enumerate(stories)]
    return build_roundup(pairs, since=SINCE, until=UNTIL)


def titles_in_order(roundup: Roundup) -> list[str]:
    titles = [entry.title for topic in roundup.topics for entry in topic.entries]
    assert len(titles) == roundup.articles == 60
    return titles


def test_a_week_of_60_articles_splits_into_slack_messages_within_limits_in_order() -> None:
    week = week_of(60)
    messages = roundup_messages(week)
    assert len(messages) > 1
    for number, message in enumerate(messages, start=1):
        blocks = message["blocks"]
        assert len(blocks) <= MAX_BLOCKS
        texts = [b["text"]["text"] if "text" in b else b["elements"][0]["text"] for b in blocks]
        assert sum(len(t) for t in texts) <= MESSAGE_BUDGET
        for block in blocks:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= SECTION_LIMIT
            if block["type"] == "header":
                assert len(block["text"]["text"]) <= HEADER_LIMIT
        assert f"({number}/{len(messages)})" in message["text"]
    everything = "".join(json.dumps(m["blocks"]) for m in messages)
    positions = [everything.index(f"|{title}>") for title in titles_in_order(week)]
    assert positions == sorted(positions)


def test_a_week_of_60_articles_splits_into_discord_embeds_within_limits_in_order() -> None:
    week = week_of(60)
    embeds = roundup_embeds(week)
    assert len(embeds) > 1
    for number, embed in enumerate(embeds, start=1):
        assert len(embed["title"]) <= TITLE_LIMIT
        assert len(embed["description"]) <= DESCRIPTION_LIMIT
        assert embed_size(embed) <= EMBED_TOTAL_LIMIT
        assert embed["title"].endswith(f"({number}/{len(embeds)})")
    everything = "".join(embed["description"] for embed in embeds)
    positions = [everything.index(f"[{title}]") for title in titles_in_order(week)]
    assert positions == sorted(positions)


def test_mentions_in_article_text_ping_nobody() -> None:
    evil = digest(
        "Board <!channel> news @everyone",
        "Tell <!here> and @here and <@123456789012345678> about it.",
        ["board"],
        url="https://evil.example/board",
    )
    roundup = roundup_of((Link(evil.url or "", user="U1"), evil))
    slack = json.dumps(roundup_messages(roundup))
    assert "<!channel>" not in slack and "<!here>" not in slack
    assert "&lt;!channel&gt;" in slack
    discord = json.dumps(roundup_embeds(roundup), ensure_ascii=False)
    assert "@everyone" not in discord and "<@123456789012345678>" not in discord
    assert "<@U1>" in discord  # the sharer, sent with allowed mentions none


@pytest.mark.parametrize(
    ("lines", "limit", "chunks"),
    [
        (["a" * 10, "b" * 10, "c" * 10], 21, ["a" * 10 + "\n" + "b" * 10, "c" * 10]),
        (["x" * 50], 20, ["x" * 19 + "…"]),
        ([], 10, []),
    ],
)
def test_pack_lines_keeps_order_and_cuts_only_a_line_too_long(
    lines: list[str], limit: int, chunks: list[str]
) -> None:
    assert list(pack_lines(lines, limit)) == chunks
