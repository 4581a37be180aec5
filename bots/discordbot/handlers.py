"""What the bot does for each Discord event: defer, ask the service, send, explain failures.

Interactions are deferred before anything else (Discord drops an interaction
not answered within 3 s); the digest follows as a followup. Pasted links are
answered only in channels where `/summarize-auto on` was used, never for bots
(including this one) or webhooks, once per message even across replicas, and
a link summarised in the same channel within 24 h gets a pointer to the
earlier reply instead of a second digest.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import Any

import discord
from discord import app_commands

from bots.discordbot.delivery import NO_MENTIONS, follow_up, outcome_message, send_retrying
from bots.discordbot.texts import generic_error, text
from bots.jobs import tell_interrupted
from bots.service import DigestService, Outcome, request_lang
from summarizer.errors import InvalidURL, Restarting
from summarizer.fetching.urls import article_links, normalize_url

log = logging.getLogger(__name__)

PLATFORM = "discord"
AUTO_DEFAULT = False
"""Pasted-link digests are opt-in per channel: reading every message is a privilege."""
MAX_PASTED_LINKS = 3


def interaction_lang(interaction: discord.Interaction, request: str = "") -> str:
    """ "zh" when the request is Chinese or the user's Discord runs in Chinese."""
    if request_lang(request) == "zh" or str(interaction.locale).startswith("zh"):
        return "zh"
    return "en"


def settings_channel(channel: object, fallback: int) -> str:
    """The channel whose auto setting applies: a thread follows its parent channel."""
    parent = getattr(channel, "parent_id", None)
    return str(parent or fallback)


class Handlers:
    """The adapter's behaviour, one method per kind of event."""

    def __init__(self, service: DigestService, *, message_content: bool) -> None:
        self.service = service
        self.message_content = message_content

    async def summarize(
        self, interaction: discord.Interaction, request: str, *, private: bool
    ) -> None:
        """/summarize and the context menu: defer at once, then one followup per outcome."""
        await interaction.response.defer(ephemeral=private, thinking=True)
        lang = interaction_lang(interaction, request)
        try:
            outcomes = await self._outcomes(request, lang, interaction)
        except asyncio.CancelledError:  # shutdown ran out of time: say so, don't go silent
            line = {"content": Restarting().user_message(lang)}
            send = partial(follow_up, interaction, line, private=True, what="restart note")
            await tell_interrupted(send)
            raise
        for outcome in outcomes:
            await follow_up(interaction, outcome_message(outcome), private=private, what="followup")

    async def set_auto(self, interaction: discord.Interaction, on: bool) -> None:
        """/summarize-auto on|off for this channel (the command checks Manage Channels)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        lang = interaction_lang(interaction)
        channel = settings_channel(interaction.channel, interaction.channel_id or 0)
        await self.service.set_auto(PLATFORM, channel, on)
        reply = text("auto_on" if on else "auto_off", lang)
        if on and not self.message_content:
            reply += "\n" + text("no_message_content", lang)
        await send_retrying(
            lambda: interaction.followup.send(reply, ephemeral=True, allowed_mentions=NO_MENTIONS),
            what="auto confirmation",
        )

    async def on_message(self, message: discord.Message) -> None:
        """A channel message: digest its article links if the channel asked for it."""
        if not self._wanted(message):
            return
        links = article_links(message.content)
        channel = settings_channel(message.channel, message.channel.id)
        if not links or not await self.service.auto_enabled(
            PLATFORM, channel, default=AUTO_DEFAULT
        ):
            return
        if not await self.service.claim(f"{PLATFORM}:message:{message.id}"):
            return
        lang = request_lang(message.content)
        for link in dict.fromkeys(links[:MAX_PASTED_LINKS]):
            await self._answer_link(message, channel, link, lang)

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """One ephemeral line for a failed command; the traceback goes to the log only."""
        lang = interaction_lang(interaction)
        if isinstance(error, app_commands.MissingPermissions):
            line = text("needs_manage_channels", lang)
        elif isinstance(error, app_commands.NoPrivateMessage):
            line = text("guild_only", lang)
        else:
            log.error("command %s failed", interaction.command, exc_info=error)
            line = generic_error(lang)
        if interaction.response.is_done():
            await interaction.followup.send(line, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                line, ephemeral=True, allowed_mentions=NO_MENTIONS
            )

    def _wanted(self, message: discord.Message) -> bool:
        return (
            self.message_content
            and message.guild is not None
            and not message.author.bot
            and message.webhook_id is None
            and message.type in (discord.MessageType.default, discord.MessageType.reply)
        )

    async def _outcomes(
        self, request: str, lang: str, interaction: discord.Interaction
    ) -> list[Outcome]:
        channel = interaction.channel_id
        try:
            return await self.service.digest_request(
                request,
                user=str(interaction.user.id),
                channel=None if channel is None else str(channel),
            )
        except Exception:
            log.exception("digest request failed")
            return [Outcome(source="", error=generic_error(lang))]

    async def _answer_link(
        self, message: discord.Message, channel: str, link: str, lang: str
    ) -> None:
        try:
            url = normalize_url(link)
        except InvalidURL:
            return
        earlier = await self.service.previous_share(PLATFORM, channel, url)
        if earlier and earlier.message_ref:
            await self._reply(
                message, {"content": text("already_shared", lang, url=earlier.message_ref)}
            )
            return
        outcome = await self._digest_url(url, lang)
        sent = await self._reply(message, outcome_message(outcome))
        await self.service.record_outcome(
            channel, outcome, user=str(message.author.id), message_ref=sent.jump_url
        )

    async def _digest_url(self, url: str, lang: str) -> Outcome:
        try:
            return await self.service.digest_url(url, lang=lang)
        except Exception:
            log.exception("digest failed for %s", url)
            return Outcome(source=url, error=generic_error(lang))

    async def _reply(self, message: discord.Message, content: dict[str, Any]) -> discord.Message:
        reference = message.to_reference(fail_if_not_exists=False)
        send = partial(
            message.channel.send, **content, reference=reference, allowed_mentions=NO_MENTIONS
        )
        return await send_retrying(send, what="channel reply")
