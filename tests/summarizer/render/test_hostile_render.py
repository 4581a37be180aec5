"""Attacker-written article text renders inert on every platform: no live links, no markup."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from summarizer.models import Digest, Figure, Quote
from summarizer.render import blockkit
from summarizer.render.embed import discord_text, render_embed
from summarizer.render.markdown import render_markdown

PHISH = "[click me](https://evil.example/phish)"
HOSTILE = f"{PHISH} # Heading ```code``` <!channel> <https://evil.example|login> @everyone"


def _digest(url: str | None = "https://news.example/a") -> Digest:
    return Digest(
        tldr=f"TL;DR {HOSTILE}",
        key_points=[f"Point {HOSTILE}", f"# {PHISH}"],
        quotes=[Quote(f"Quote {HOSTILE}", speaker=f"[Mallory]({'https://evil.example'})")],
        figures=[Figure("5%", Decimal(5), "%", "percent", f"grew 5% {PHISH}")],
        keywords=[PHISH, "budget"],
        title=f"Title {PHISH}",
        url=url,
        site="news.example",
    )


def _strings(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return [node] if isinstance(node, str) else []


def _live_markdown_link(text: str) -> bool:
    """An unescaped `[text](url)` or a bare scheme:// an auto-linker would pick up."""
    return bool(re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", text)) or "https://evil" in text


def test_discord_text_escapes_links_headings_code_and_mentions() -> None:
    shown = discord_text(HOSTILE)
    assert not _live_markdown_link(shown)
    assert "\\#" in shown and "\\`\\`\\`" in shown and "@everyone" not in shown
    assert discord_text("营收4.15亿美元，增长23.4%。") == "营收4.15亿美元，增长23.4%。"


def test_discord_embed_carries_no_live_link_from_the_article() -> None:
    embed = render_embed(_digest())
    for text in _strings({k: v for k, v in embed.items() if k != "url"}):
        assert not _live_markdown_link(text), text
    assert embed["url"] == "https://news.example/a"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "not a url", None])
def test_only_http_links_become_buttons_or_embed_links(url: str | None) -> None:
    message = blockkit.digest_message(_digest(url))
    assert not [b for b in message["blocks"] if b["type"] == "actions"]
    assert "url" not in render_embed(_digest(url))
    heading = render_markdown(_digest(url)).splitlines()[0]
    assert not heading.startswith("## [") and not _live_markdown_link(heading)


def test_button_and_embed_links_drop_credentials() -> None:
    digest = _digest("https://alice:S3cret@news.example/a")
    message = blockkit.digest_message(digest)
    button = next(b for b in message["blocks"] if b["type"] == "actions")["elements"][0]
    assert button["url"] == "https://news.example/a"
    assert render_embed(digest)["url"] == "https://news.example/a"
    assert "S3cret" not in render_markdown(digest)


def test_slack_text_is_escaped_and_verbatim() -> None:
    message = blockkit.digest_message(_digest())
    texts = _strings(message)
    assert not any("<!channel>" in t or "<https://evil" in t for t in texts)
    mrkdwn = [
        node
        for block in message["blocks"]
        for node in [block.get("text"), *block.get("elements", []), *block.get("fields", [])]
        if isinstance(node, dict) and node.get("type") == "mrkdwn"
    ]
    assert mrkdwn and all(node["verbatim"] is True for node in mrkdwn)


def test_markdown_for_terminals_keeps_article_links_inert() -> None:
    markdown = render_markdown(_digest())
    body = markdown.split("\n", 1)[1]  # the first line is the bot's own title link
    assert not _live_markdown_link(body)
    assert "<!channel>" not in markdown
