"""`Digest` → a Discord embed, as the plain dict the Discord API takes.

Pure: no `discord` import, so the core stays platform-free; the adapter turns
the dict into a `discord.Embed` with `Embed.from_dict`. Every Discord limit is
enforced here rather than left to a 400 from the API: title 256, description
4,096, 25 fields of name 256 / value 1,024, footer 2,048 and 6,000 characters
for the whole embed. Cut text ends in "…" and dropped fields are counted in a
last "+N more" field, so a reader always sees that something was left out.
Article text goes through `discord_text`: Markdown escaped (no masked links,
headings or code from a page), bare links broken, and mentions (`@everyone`,
`<@123>`) broken with a zero-width space; the adapter also sends with allowed
mentions set to none. Only an http(s) URL becomes the embed's link.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from summarizer.fetching.urls import public_link
from summarizer.models import Digest, Figure, Quote
from summarizer.render.escape import LINK_AND_CODE, escape_markdown
from summarizer.render.text import ELLIPSIS, label, meta_parts, shown_points, truncate

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
EMBED_TOTAL_LIMIT = 6000
DEFAULT_COLOUR = 0x5865F2

FOOTER_BUDGET = 300
"""Well under Discord's 2,048, so title + description + footer leave room for fields."""

_ZWSP = "\u200b"
_MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#)(?=\d)")
DISCORD_SPECIAL = LINK_AND_CODE + r"*_~|()#+\-"

Field = dict[str, Any]


def neutralize_mentions(text: str) -> str:
    """Break `@everyone`, `@here`, `<@123>`, `<@&123>`, `<#123>` so Discord shows them as text."""
    return _MENTION.sub(lambda m: m.group(0)[0] + _ZWSP + m.group(0)[1:], text)


def discord_text(text: str) -> str:
    """Article text made inert for Discord: it formats, links and pings nothing.

    Discord, like CommonMark, shows an escaped punctuation mark as itself, so
    besides links and code its own markup (`*`, `_`, `~`, `|`, `#`, `-`, `>`)
    is escaped too: no heading, spoiler or masked link comes from a page.
    """
    return neutralize_mentions(escape_markdown(text, DISCORD_SPECIAL))


def render_embed(digest: Digest, *, colour: int = DEFAULT_COLOUR) -> dict[str, Any]:
    """The digest as a Discord embed dict that fits every Discord limit."""
    lang = digest.lang
    embed: dict[str, Any] = {
        "title": _clean(
            discord_text(digest.title or digest.site or label("untitled", lang)), TITLE_LIMIT
        ),
        "description": _clean(_description(digest), DESCRIPTION_LIMIT),
        "color": colour,
        "footer": {"text": _clean(" · ".join(meta_parts(digest)), FOOTER_BUDGET)},
    }
    if link := public_link(digest.url):
        embed["url"] = link
    timestamp = _timestamp(digest.published)
    if timestamp:
        embed["timestamp"] = timestamp
    budget = EMBED_TOTAL_LIMIT - embed_size(embed)
    embed["fields"] = _fit_fields(_fields(digest), budget, lang)
    return embed


def embed_size(embed: dict[str, Any]) -> int:
    """Characters Discord counts towards its 6,000 limit (title, description, fields, footer)."""
    size = len(embed.get("title", "")) + len(embed.get("description", ""))
    size += len(embed.get("footer", {}).get("text", ""))
    size += len(embed.get("author", {}).get("name", ""))
    return size + sum(_field_size(f) for f in embed.get("fields", []))


def _clean(text: str, limit: int) -> str:
    return truncate(neutralize_mentions(text.strip()), limit)


def _description(digest: Digest) -> str:
    parts = [f"**{label('tldr', digest.lang)}** {discord_text(digest.tldr)}"]
    if points := shown_points(digest):
        bullets = "\n".join(f"• {discord_text(point)}" for point in points)
        parts.append(f"**{label('key_points', digest.lang)}**\n{bullets}")
    return "\n\n".join(parts)


def _timestamp(published: str | None) -> str | None:
    """ISO 8601 for the embed's timestamp, or None when the date is not machine-readable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).isoformat()
    except ValueError:
        return None


def _fields(digest: Digest) -> list[Field]:
    lang = digest.lang
    fields = [_quote_field(quote, lang) for quote in digest.quotes if quote.text.strip()]
    if digest.figures:
        lines = "\n".join(_figure_line(figure) for figure in digest.figures)
        fields.append(_field(label("figures", lang), lines))
    if digest.keywords:
        keywords = " · ".join(map(discord_text, digest.keywords))
        fields.append(_field(label("keywords", lang), keywords, inline=True))
    return fields


def _quote_field(quote: Quote, lang: str) -> Field:
    speaker = discord_text(quote.speaker) if quote.speaker else label("quotes", lang)
    return _field(f"💬 {speaker}", f"“{discord_text(quote.text)}”")


def _figure_line(figure: Figure) -> str:
    return f"• **{discord_text(figure.text)}** — {discord_text(figure.context)}"


def _field(name: str, value: str, *, inline: bool = False) -> Field:
    return {
        "name": _clean(name, FIELD_NAME_LIMIT),
        "value": _clean(value, FIELD_VALUE_LIMIT),
        "inline": inline,
    }


def _field_size(field: Field) -> int:
    return len(field["name"]) + len(field["value"])


def _fit_fields(fields: list[Field], budget: int, lang: str) -> list[Field]:
    """Keep fields in order while they fit `budget` and the 25-field cap; count the rest.

    Each kept field leaves room for the "+N more" field that would follow it,
    so the result never exceeds `budget` whatever is dropped.
    """
    kept: list[Field] = []
    for index, field in enumerate(fields):
        rest = len(fields) - index - 1
        reserve = _field_size(_more_field(rest, lang)) if rest else 0
        room = budget - reserve - sum(_field_size(f) for f in kept)
        if len(kept) >= FIELD_COUNT_LIMIT - (1 if rest else 0) or room < len(field["name"]) + 2:
            break
        if _field_size(field) > room:
            field = {**field, "value": truncate(field["value"], room - len(field["name"]))}
        kept.append(field)
    dropped = len(fields) - len(kept)
    return [*kept, _more_field(dropped, lang)] if dropped else kept


def _more_field(count: int, lang: str) -> Field:
    return {"name": ELLIPSIS, "value": f"+{count} {label('more', lang)}", "inline": False}
