"""`Roundup` → Discord embeds (plain dicts), one per message, as many as it takes, in order.

Pure, no `discord`. Each embed keeps under Discord's limits (title 256,
description 4,096, 6,000 in all): the roundup's lines are packed into
descriptions, a topic's heading always together with its first story, and
later embeds are titled "(2/3)". Mentions in article text are broken; sharers
appear as `<@id>`, which the adapter sends with allowed mentions set to none,
so they show as names and ping nobody.
"""

from __future__ import annotations

from typing import Any

from summarizer.render.embed import (
    DEFAULT_COLOUR,
    DESCRIPTION_LIMIT,
    TITLE_LIMIT,
    neutralize_mentions,
)
from summarizer.render.roundup_text import Markup, outline, pack_lines, title
from summarizer.render.text import truncate
from summarizer.roundup.model import Roundup

__all__ = ["DISCORD_MARKUP", "link_text", "roundup_embeds"]


def link_text(text: str) -> str:
    """Square brackets escaped, so text inside a Markdown link cannot end it early."""
    return text.replace("[", "\\[").replace("]", "\\]")


def markdown_link(text: str, url: str) -> str:
    """`[text](url)` with the URL's parentheses encoded so they cannot end it early."""
    return f"[{link_text(text)}]({url.replace('(', '%28').replace(')', '%29')})"


DISCORD_MARKUP = Markup(
    clean=neutralize_mentions,
    bold=lambda text: f"**{text}**",
    link=markdown_link,
    user=lambda user: f"<@{user}>",
)


def roundup_embeds(roundup: Roundup, *, colour: int = DEFAULT_COLOUR) -> list[dict[str, Any]]:
    """The roundup as embed dicts, one per message, in order."""
    lines: list[str] = []
    for section in outline(roundup, DISCORD_MARKUP):
        first, *rest = section.lines or ("",)
        lines += ["\n".join(filter(None, ["", section.heading, first])), *rest]
    chunks = list(pack_lines(lines, DESCRIPTION_LIMIT)) or [""]
    heading = neutralize_mentions(title(roundup))
    embeds = []
    for number, chunk in enumerate(chunks, start=1):
        part = f"{heading} ({number}/{len(chunks)})" if len(chunks) > 1 else heading
        embeds.append(
            {"title": truncate(part, TITLE_LIMIT), "description": chunk.strip(), "color": colour}
        )
    return embeds
