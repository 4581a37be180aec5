"""Roundups on Discord: `/summarize-roundup`, `/summarize-roundup-schedule`, and posting them.

`/summarize-roundup window:<today|week|N days>` answers in the channel with
one embed per message, in order (a long week takes several); the schedule
command (Manage Channels) answers privately. Scheduled roundups are sent to
the channel by a `RoundupScheduler` that the client starts in `setup_hook`.
Sharers appear as `<@id>` and every send has allowed mentions set to none,
so a roundup pings nobody.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from functools import partial
from typing import Any

import discord

from bots.discordbot.delivery import NO_MENTIONS, follow_up, send_retrying
from bots.discordbot.handlers import interaction_lang, settings_channel
from bots.roundup_schedule import RoundupScheduler
from bots.roundups import RoundupAnswer, roundup_command
from bots.service import DigestService
from summarizer.render.embed import neutralize_mentions
from summarizer.render.roundup_embed import roundup_embeds
from summarizer.roundup.model import Roundup

__all__ = ["answer_roundup", "post_roundup", "start_roundups"]

logger = logging.getLogger(__name__)


async def answer_roundup(
    interaction: discord.Interaction, service: DigestService, args: str, *, private: bool
) -> None:
    """Defer, then follow up with the roundup's embeds in order, or one line."""
    await interaction.response.defer(ephemeral=private, thinking=True)
    answer = await _answer(interaction, service, args)
    messages: list[dict[str, Any]] = [
        {"embed": discord.Embed.from_dict(embed)} for embed in _embeds(answer)
    ]
    for message in messages or [{"content": neutralize_mentions(answer.note)}]:
        await follow_up(interaction, message, private=private, what="roundup followup")


async def post_roundup(client: discord.Client, channel: str, roundup: Roundup) -> None:
    """Send the roundup to `channel`, one embed per message, in order."""
    target = client.get_partial_messageable(int(channel))
    for embed in roundup_embeds(roundup):
        send = partial(
            target.send, embed=discord.Embed.from_dict(embed), allowed_mentions=NO_MENTIONS
        )
        await send_retrying(send, what="scheduled roundup")


def start_roundups(client: discord.Client, service: DigestService) -> RoundupScheduler | None:
    """Start posting scheduled roundups; None (logged) when the bot runs without a store."""
    if not service.channels.keeps_history:
        logger.warning("no store: scheduled roundups are off")
        return None
    scheduler = RoundupScheduler(service.channels, partial(post_roundup, client))
    scheduler.start()
    return scheduler


async def _answer(
    interaction: discord.Interaction, service: DigestService, args: str
) -> RoundupAnswer:
    channel = settings_channel(interaction.channel, interaction.channel_id or 0)
    lang = interaction_lang(interaction, args)
    now = datetime.now(UTC)
    return await roundup_command(service.channels, channel, args, lang=lang, now=now)


def _embeds(answer: RoundupAnswer) -> list[dict[str, Any]]:
    return roundup_embeds(answer.roundup) if answer.roundup is not None else []
