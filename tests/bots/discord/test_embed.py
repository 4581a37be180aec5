"""`render_embed`: Discord's limits under a huge digest, mentions, metadata, and purity."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import discord
import pytest

from summarizer.models import Digest, Figure, Quote
from summarizer.render.embed import (
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    FIELD_COUNT_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    TITLE_LIMIT,
    embed_size,
    neutralize_mentions,
    render_embed,
)


def small_digest(**changes: object) -> Digest:
    fields: dict[str, object] = {
        "tldr": "Libraries will stay open until ten.",
        "key_points": ["Twelve branches change hours.", "The budget rises by $4.5 million."],
        "quotes": [Quote("Libraries are where people learn for free.", "Ana Ruiz")],
        "figures": [
            Figure(
                "$4.5 million",
                Decimal("4500000"),
                "USD",
                "money",
                "the budget rises by $4.5 million",
            )
        ],
        "keywords": ["libraries", "budget"],
        "title": "Libraries stay open late",
        "url": "https://news.example.com/libraries",
        "site": "Example News",
        "published": "2024-06-01T08:00:00+00:00",
        "reading_minutes": 3,
    }
    fields.update(changes)
    return Digest(**fields)  # type: ignore[arg-type]


def huge_digest() -> Digest:
    para = "word " * 2000
    return small_digest(
        title="T" * 1000,
        tldr=para,
        key_points=[para] * 5,
        quotes=[Quote(para, "S" * 400) for _ in range(40)],
        figures=[Figure("9", Decimal(9), None, "count", para) for _ in range(30)],
        keywords=["k" * 50] * 100,
        site="s" * 3000,
    )


def test_a_huge_digest_fits_every_discord_limit() -> None:
    embed = render_embed(huge_digest())

    assert len(embed["title"]) <= TITLE_LIMIT and embed["title"].endswith("…")
    assert len(embed["description"]) <= DESCRIPTION_LIMIT and embed["description"].endswith("…")
    assert len(embed["fields"]) <= FIELD_COUNT_LIMIT
    for field in embed["fields"]:
        assert 0 < len(field["value"]) <= FIELD_VALUE_LIMIT
        assert len(field["name"]) <= FIELD_NAME_LIMIT
    assert embed_size(embed) <= EMBED_TOTAL_LIMIT
    assert len(discord.Embed.from_dict(embed)) <= EMBED_TOTAL_LIMIT
    assert embed["fields"][-1]["value"].startswith("+")


def test_a_small_digest_keeps_everything() -> None:
    embed = render_embed(small_digest())

    assert embed["title"] == "Libraries stay open late"
    assert embed["url"] == "https://news.example.com/libraries"
    assert embed["timestamp"] == "2024-06-01T08:00:00+00:00"
    assert embed["description"].startswith("**TL;DR** Libraries will stay open until ten.")
    assert "• Twelve branches change hours." in embed["description"]
    names = [f["name"] for f in embed["fields"]]
    assert names == ["💬 Ana Ruiz", "Key figures", "Keywords"]
    assert embed["footer"]["text"].startswith("Example News · 2024-06-01")
    assert "3 min read · English" in embed["footer"]["text"]


def test_chinese_digest_uses_chinese_labels() -> None:
    embed = render_embed(small_digest(lang="zh", tldr="图书馆延长开放时间。", quotes=[]))

    assert embed["description"].startswith("**摘要** 图书馆延长开放时间。")
    assert "阅读约 3 分钟 · 中文" in embed["footer"]["text"]
    assert [f["name"] for f in embed["fields"]] == ["关键数字", "关键词"]


def test_unparseable_date_and_missing_url_are_left_out() -> None:
    embed = render_embed(small_digest(published="last Tuesday", url="javascript:alert(1)"))

    assert "timestamp" not in embed and "url" not in embed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@everyone look", "@\u200beveryone look"),
        ("hi @here", "hi @\u200bhere"),
        ("ask <@123>", "ask <\u200b@123>"),
        ("ask <@!123>", "ask <\u200b@!123>"),
        ("role <@&456>", "role <\u200b@&456>"),
        ("see <#789>", "see <\u200b#789>"),
        ("mail me@example.com", "mail me@example.com"),
    ],
)
def test_mentions_are_neutralised(text: str, expected: str) -> None:
    assert neutralize_mentions(text) == expected


def test_the_renderer_does_not_import_discord() -> None:
    code = "import sys, summarizer.render.embed; print('discord' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
