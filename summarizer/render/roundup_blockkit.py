"""`Roundup` → Slack messages (Block Kit dicts), split into as many as it takes, in order.

Pure, no `slack_sdk`. Each message keeps under Slack's limits: 50 blocks, a
section's 3,000 characters, the header's 150, and `MESSAGE_BUDGET` characters
in all; a long roundup (a busy week) becomes several messages, the later ones
marked "(2/3)". Article text is escaped, so nothing in it can ping or format;
sharers are shown as Slack user mentions.
"""

from __future__ import annotations

from typing import Any

from summarizer.render.blockkit import (
    HEADER_LIMIT,
    MAX_BLOCKS,
    MESSAGE_BUDGET,
    SECTION_LIMIT,
    escape,
    fit,
)
from summarizer.render.roundup_text import Markup, Section, outline, pack_lines, title
from summarizer.roundup.model import Roundup

__all__ = ["SLACK_MARKUP", "roundup_messages"]

Block = dict[str, Any]

SLACK_MARKUP = Markup(
    clean=escape,
    bold=lambda text: f"*{text}*",
    link=lambda text, url: f"<{escape(url)}|{text.replace('|', '¦')}>",
    user=lambda user: f"<@{user}>",
)
PART_RESERVE = 200
"""Room kept in each message for the header or "(2/3)" line added after packing."""


def roundup_messages(roundup: Roundup) -> list[dict[str, Any]]:
    """The roundup as `chat.postMessage` keyword arguments, one dict per message, in order."""
    heading = title(roundup)
    blocks = [block for section in outline(roundup, SLACK_MARKUP) for block in _blocks(section)]
    pages = _pages(blocks)
    messages = []
    for number, page in enumerate(pages, start=1):
        part = f"{heading} ({number}/{len(pages)})" if len(pages) > 1 else heading
        top = _header(heading) if number == 1 else _context(escape(part))
        messages.append({"text": fit(part, HEADER_LIMIT * 2), "blocks": [top, *page]})
    return messages


def _blocks(section: Section) -> list[Block]:
    """The section's lines in sections of at most 3,000 characters; the heading on the first."""
    lines = [section.heading, *section.lines] if section.heading else list(section.lines)
    return [_section(chunk) for chunk in pack_lines(lines, SECTION_LIMIT)]


def _pages(blocks: list[Block]) -> list[list[Block]]:
    """Blocks in order, a new message whenever the next would pass the block or text budget."""
    pages: list[list[Block]] = [[]]
    used = 0
    for block in blocks:
        size = len(block["text"]["text"])
        page = pages[-1]
        if page and (len(page) + 1 >= MAX_BLOCKS or used + size > MESSAGE_BUDGET - PART_RESERVE):
            pages.append([])
            used = 0
        pages[-1].append(block)
        used += size
    return pages


def _header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": fit(text, HEADER_LIMIT)}}


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}


def _context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text, "verbatim": True}]}
