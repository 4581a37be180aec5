"""Discord's message shapes → the policy's `Message`: content, and where links hide.

Links hide outside `content` in embeds (an RSS bot's post: `embed.url`, links in
its title and description) and in forwarded messages (`message_snapshots`: a
forwarded copy's own content and embeds). Finding links in these strings is the
one finder's job, via the answer policy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import discord

from bots.answers import Message

__all__ = ["discord_message"]


def discord_message(message: discord.Message) -> Message:
    """A Discord message as the policy reads it; `ref` is its id."""
    hidden = list(_embed_texts(message.embeds))
    for snapshot in getattr(message, "message_snapshots", None) or []:
        hidden.append(snapshot.content or "")
        hidden.extend(_embed_texts(snapshot.embeds))
    return Message(message.content or "", tuple(h for h in hidden if h), str(message.id))


def _embed_texts(embeds: Iterable[discord.Embed]) -> Iterator[str]:
    for embed in embeds:
        for value in (embed.url, embed.title, embed.description):
            if value:
                yield str(value)
