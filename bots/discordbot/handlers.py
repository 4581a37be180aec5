"""What the bot does for each Discord event: turn it into a `Request`, post the policy's answers.

Interactions are deferred before anything else (Discord drops an interaction
not answered within 3 s); answers follow as followups. Pasted links are read
from guild channels (where auto is on) and from DMs to the bot, never from bots
(including this one) or webhooks; a typing indicator shows while they are
read. Every rule — which links, cap, claims, pointers, limits, language — is
the answer policy's (`bots.answers`); this module only renders.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import asdict
from functools import partial
from typing import Any

import discord
from discord import app_commands

from bots.answers import (
    Answer,
    AnswerPolicy,
    Failed,
    Help,
    Message,
    Note,
    Pointer,
    Reply,
    Request,
    RoundupAsked,
    Trigger,
)
from bots.digest_actions import DELETE, Action, Click, DigestActions
from bots.discordbot.buttons import card_buttons
from bots.discordbot.delivery import NO_MENTIONS, follow_up, send_retrying
from bots.discordbot.messages import discord_message
from bots.discordbot.resilience import gateway_payload
from bots.jobs import Jobs, Work, tell_interrupted
from bots.languages import locale_lang, request_lang
from bots.phrasebook import Lang, Phrase, say
from bots.results import Digested
from bots.service import DigestService
from bots.storage.workspace import current_workspace
from summarizer.errors import DigestbotError, Restarting
from summarizer.render.embed import neutralize_mentions, render_embed

log = logging.getLogger(__name__)

PLATFORM = "discord"


def interaction_lang(interaction: discord.Interaction, request: str = "") -> Lang:
    """The requester's language for lines outside the policy (roundups, errors)."""
    return request_lang(request) or locale_lang(str(interaction.locale)) or "en"


def settings_channel(channel: object, fallback: int) -> str:
    """The channel whose settings apply: a thread follows its parent channel."""
    parent = getattr(channel, "parent_id", None)
    return str(parent or fallback)


def render(answer: Answer, lang: Lang, *, buttons: bool = False) -> dict[str, Any]:
    """Keyword arguments for `send`: an embed for a digest (with its buttons when public),
    else one line, pinging nobody."""
    if isinstance(answer, Digested):
        card: dict[str, Any] = {"embed": discord.Embed.from_dict(render_embed(answer.digest))}
        if buttons:
            card["view"] = card_buttons(answer.digest.lang, lang)
        return card
    if isinstance(answer, Pointer):
        return {"content": say(Phrase.ALREADY, lang, link=answer.ref)}
    if isinstance(answer, Failed):
        where = f"<{answer.url}> — " if answer.url else ""
        return {"content": neutralize_mentions(f"⚠️ {where}{answer.line}")}
    assert isinstance(answer, Note | Help)
    return {"content": neutralize_mentions(answer.text)}


def card_link(guild: int | None, channel: int, message: int) -> str:
    """A posted card's link, the ref its share is kept under (pointers link to it).

    Built here rather than read from `Message.jump_url`: a followup's message
    knows no guild (its jump_url says `@me`, which opens nothing in a server),
    while the same message in a button's interaction does.
    """
    return f"https://discord.com/channels/{guild or '@me'}/{channel}/{message}"


def _private(answer: Answer) -> bool:
    return isinstance(answer, Help) or (isinstance(answer, Note) and not answer.public)


class Handlers:
    """The adapter's behaviour, one method per kind of event."""

    def __init__(
        self, service: DigestService, *, message_content: bool, jobs: Jobs | None = None
    ) -> None:
        self.service = service
        self.jobs = jobs
        self.policy = AnswerPolicy(service)
        self.buttons = DigestActions(service.channels, service.metrics)
        self.message_content = message_content

    async def summarize(
        self, interaction: discord.Interaction, text: str, *, private: bool, trigger: Trigger
    ) -> None:
        """/summarize, its sub-commands and the context menu: defer, then one followup each."""
        await self.answer_interaction(interaction, Message(text), private=private, trigger=trigger)

    async def set_auto(self, interaction: discord.Interaction, on: bool) -> None:
        """/summarize-auto on|off; "on" without the Message Content intent says what is missing."""
        await self.summarize(
            interaction, f"auto {'on' if on else 'off'}", private=True, trigger=Trigger.COMMAND
        )
        if on and not self.message_content:
            note = say(Phrase.NO_MESSAGE_CONTENT, interaction_lang(interaction))
            await follow_up(interaction, {"content": note}, private=True, what="intent note")

    async def answer_interaction(
        self, interaction: discord.Interaction, message: Message, *, private: bool, trigger: Trigger
    ) -> None:
        await interaction.response.defer(ephemeral=private, thinking=True)
        work = partial(self.answer_deferred, interaction, message, private=private, trigger=trigger)
        job = {"message": asdict(message), "private": private, "trigger": trigger.value}
        await self._later("discord.interaction", job, work)

    async def answer_deferred(
        self, interaction: discord.Interaction, message: Message, *, private: bool, trigger: Trigger
    ) -> None:
        """After the deferral: read, then one followup per answer (here or in a queue worker)."""
        request = self._interaction_request(interaction, message, trigger)
        try:
            reply = await self._reply(request)
        except asyncio.CancelledError:  # shutdown ran out of time: say so, don't go silent
            line = {"content": Restarting().user_message(interaction_lang(interaction))}

            async def send() -> None:
                await follow_up(interaction, line, private=True, what="restart note")

            await tell_interrupted(send)
            raise
        for answer in reply.answers:
            if isinstance(answer, RoundupAsked):
                continue  # roundups have their own command on Discord
            hidden = private or _private(answer)
            sent = await follow_up(
                interaction, render(answer, reply.lang, buttons=not hidden), private=hidden,
                what="followup",
            )  # fmt: skip
            await self._delivered(request, answer, interaction.guild_id, sent)

    async def on_message(self, message: discord.Message) -> None:
        """A message: digest its article links (guild channels with auto on, and DMs)."""
        if self._wanted(message):
            await self._later("discord.message", {}, partial(self.answer_message, message))

    async def answer_message(self, message: discord.Message) -> None:
        """Read a wanted message's links and reply to it (here or in a queue worker)."""
        direct = message.guild is None
        request = Request(
            Trigger.MENTION if direct else Trigger.PASTED,
            discord_message(message),
            settings_channel(message.channel, message.channel.id),
            str(message.author.id),
            reading=partial(_typing, message.channel),
        )
        reply = await self._reply(request)
        for answer in reply.answers:
            if not isinstance(answer, RoundupAsked):
                sent = await self._reply_to(message, render(answer, reply.lang, buttons=True))
                await self._delivered(
                    request, answer, message.guild.id if message.guild else None, sent
                )

    async def on_button(
        self, interaction: discord.Interaction, action: Action, digest: Lang
    ) -> None:
        """A click on a card's button: feedback, or delete (requester or Manage Messages)."""
        assert interaction.message is not None, "a button is always on a message"
        permissions = interaction.permissions

        async def may_manage() -> bool:
            return permissions.manage_messages

        channel = interaction.channel_id or interaction.message.channel.id
        link = card_link(interaction.guild_id, channel, interaction.message.id)
        click = Click(
            settings_channel(interaction.channel, channel), link,
            str(interaction.user.id), digest, locale=_locale(interaction), may_manage=may_manage,
        )  # fmt: skip
        if action == DELETE:
            line = await self.buttons.delete(click, partial(_remove_card, interaction))
        else:
            line = await self.buttons.feedback(click, action)
        if line is not None:
            await interaction.response.send_message(
                line, ephemeral=True, allowed_mentions=NO_MENTIONS
            )

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """One ephemeral line for a failed command; the traceback goes to the log only."""
        lang = interaction_lang(interaction)
        if isinstance(error, app_commands.MissingPermissions):
            line = say(Phrase.NOT_MANAGER, lang)
        elif isinstance(error, app_commands.NoPrivateMessage):
            line = say(Phrase.GUILD_ONLY, lang)
        else:
            log.error("command %s failed", interaction.command, exc_info=error)
            line = DigestbotError().user_message(lang)
        if interaction.response.is_done():
            await interaction.followup.send(line, ephemeral=True, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(
                line, ephemeral=True, allowed_mentions=NO_MENTIONS
            )

    def _interaction_request(
        self, interaction: discord.Interaction, message: Message, trigger: Trigger
    ) -> Request:
        channel = interaction.channel_id
        permissions = interaction.permissions

        async def may_manage() -> bool:
            return interaction.guild_id is None or permissions.manage_channels

        return Request(
            trigger,
            message,
            None if channel is None else settings_channel(interaction.channel, channel),
            str(interaction.user.id),
            locale=_locale(interaction),
            may_manage=may_manage,
        )

    async def _later(self, kind: str, args: dict[str, Any], work: Work) -> None:
        """With the durable queue: queue the event's raw payload for `digestbot worker`
        (`bots.discordbot.jobs`); without it, run `work` in this event's task."""
        payload = gateway_payload.get()
        if self.jobs is None or not self.jobs.durable or payload is None:
            await work()
            return
        job = {**args, "payload": payload, "guild": current_workspace.get()}
        await self.jobs.submit(kind, job, work)

    async def _reply(self, request: Request) -> Reply:
        try:
            return await self.policy.answer(request)
        except Exception:
            log.exception("answering a Discord request failed")
            lang: Lang = "en"
            return Reply(lang, [Note(say(Phrase.FAILED, lang))])

    async def _delivered(
        self, request: Request, answer: Answer, guild: int | None, sent: discord.Message
    ) -> None:
        if isinstance(answer, Digested):
            await self.policy.delivered(request, answer, card_link(guild, sent.channel.id, sent.id))

    def _wanted(self, message: discord.Message) -> bool:
        return (
            self.message_content
            and not message.author.bot
            and message.webhook_id is None
            and message.type in (discord.MessageType.default, discord.MessageType.reply)
        )

    async def _reply_to(self, message: discord.Message, content: dict[str, Any]) -> discord.Message:
        reference = message.to_reference(fail_if_not_exists=False)
        send = partial(
            message.channel.send, **content, reference=reference, allowed_mentions=NO_MENTIONS
        )
        return await send_retrying(send, what="channel reply")


def _locale(interaction: discord.Interaction) -> Callable[[], Awaitable[str | None]]:
    async def locale() -> str | None:
        return str(interaction.locale)

    return locale


async def _remove_card(interaction: discord.Interaction) -> None:
    """Delete the card through the interaction: `@original` is the message the button is on."""
    await interaction.response.defer()  # a deferred update: nothing new is shown
    await interaction.delete_original_response()


def _typing(channel: Any) -> AbstractAsyncContextManager[None]:
    """Discord's typing indicator while the links are read (it renews itself every 5 s)."""
    typing: AbstractAsyncContextManager[None] = channel.typing()
    return typing
