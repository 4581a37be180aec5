"""The Block Kit renderer: structure (golden file), escaping, and every Slack limit."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from summarizer.models import Digest, Figure, Quote
from summarizer.render import blockkit

GOLDEN = Path(__file__).parent / "golden" / "digest_blocks.json"


def _figure(text: str, context: str) -> Figure:
    return Figure(text=text, value=Decimal(1), unit=None, kind="count", context=context)


def _sample() -> Digest:
    return Digest(
        tldr="Acme raised $5 million & plans <more> hiring.",
        key_points=["Acme raised $5 million.", "Revenue grew 40% in 2023."],
        quotes=[Quote("We are just getting started.", speaker="Jane Doe")],
        figures=[_figure("$5 million", "Acme raised $5 million"), _figure("40%", "grew 40%")],
        keywords=["Acme", "funding"],
        title="Acme raises $5M",
        url="https://example.com/acme",
        site="example.com",
        author="John Roe",
        published="2024-05-01",
        reading_minutes=3,
    )


def _huge() -> Digest:
    long = "word " * 2000
    return Digest(
        tldr=long,
        key_points=[long] * 40,
        quotes=[Quote(long, speaker=long)] * 30,
        figures=[_figure("1" * 300, long)] * 60,
        keywords=["kw"] * 2000,
        title="T" * 400,
        url="https://example.com/" + "a" * 4000,
        site=long,
        author=long,
        published="2024-05-01",
    )


def _texts(node: Any) -> list[str]:
    """Every `text` string in a Block Kit structure, depth first."""
    if isinstance(node, dict):
        found = [node["text"]] if isinstance(node.get("text"), str) else []
        return found + [t for value in node.values() for t in _texts(value)]
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


def test_digest_message_matches_golden_structure() -> None:
    message = blockkit.digest_message(_sample(), shared_by="U123")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(message, ensure_ascii=False, indent=2) + "\n")
    assert message == json.loads(GOLDEN.read_text())
    types = [b["type"] for b in message["blocks"]]
    assert types == ["header", "context", *["section"] * 4, "context", "actions"]


def test_article_text_is_escaped_so_nobody_is_pinged() -> None:
    evil = "<!channel> <!here> <@U123> & co"
    digest = Digest(
        tldr=evil,
        key_points=[evil],
        quotes=[Quote(evil, speaker="<@U999>")],
        figures=[_figure("<!here>", evil)],
        keywords=["<!everyone>"],
        title=evil,
        site=evil,
    )
    payload = json.dumps([blockkit.digest_message(digest), blockkit.unfurl_card(digest)])
    for mention in ("<!channel>", "<!here>", "<@U123>", "<@U999>", "<!everyone>"):
        assert mention not in payload
    assert "&lt;!channel&gt;" in payload
    assert "&amp; co" in payload


@pytest.mark.parametrize("digest", [_sample(), _huge()], ids=["sample", "huge"])
def test_every_slack_limit_holds(digest: Digest) -> None:
    message = blockkit.digest_message(digest, shared_by="U1")
    blocks = message["blocks"]
    assert len(blocks) <= blockkit.MAX_BLOCKS
    assert len(blocks[0]["text"]["text"]) <= blockkit.HEADER_LIMIT
    for block in blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= blockkit.SECTION_LIMIT
            fields = block.get("fields", [])
            assert len(fields) <= blockkit.MAX_FIELDS
            assert all(len(f["text"]) <= blockkit.FIELD_LIMIT for f in fields)
    assert sum(map(len, _texts(message))) < blockkit.MESSAGE_BUDGET
    assert 0 < len(message["text"]) <= blockkit.FALLBACK_BUDGET


def test_huge_digest_is_cut_visibly() -> None:
    message = blockkit.digest_message(_huge())
    texts = _texts(message)
    assert texts[0].endswith("…")
    assert any("+" in t and "more" in t for t in texts)
    assert message["blocks"][-1]["type"] != "actions"  # a 4,000-char URL cannot be a button


def test_chinese_digest_uses_chinese_labels() -> None:
    digest = Digest(
        tldr="公司融资五千万元。", key_points=["公司融资五千万元。", "资金将用于研发。"], lang="zh"
    )
    texts = _texts(blockkit.digest_message(digest))
    assert "摘要" in texts[0]
    assert any("要点" in t for t in texts)
    assert any("中文" in t for t in texts)


@pytest.mark.parametrize("limit", [1, 5, 20])
def test_fit_never_slices_an_entity(limit: int) -> None:
    cut = blockkit.fit("&&&&&<<<<<>>>>>" * 3, limit)
    assert len(cut) <= limit
    assert not cut.rstrip("…").endswith(("&", "&a", "&am", "&amp", "&l", "&lt", "&g", "&gt"))


def test_unfurl_card_is_compact() -> None:
    card = blockkit.unfurl_card(_huge())
    assert len(card["blocks"]) == 2
    assert sum(map(len, _texts(card))) < 1600
