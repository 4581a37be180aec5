"""Discord's durable jobs: what the gateway process queues, and how `digestbot worker` answers it.

With `DIGESTBOT_QUEUE=redis` the gateway process only acknowledges — it
defers an interaction ("thinking…") — and queues the event's raw gateway
payload; a `digestbot worker --platform discord` rebuilds the discord.py
object from it and runs the very handler the gateway process would have run
(`Handlers.answer_deferred`, `Handlers.answer_message`).

How the worker answers, and why: an interaction through its followup webhook
(`POST /webhooks/{application}/{interaction token}`), exactly as in-process —
it replaces the "thinking…" of the deferral, can be ephemeral, needs no
gateway connection and no bot permission in the channel; the token is valid
for 15 minutes, longer than a job waits unless every worker is down. A
pasted link is answered with a channel message through REST with the bot
token (an interaction token does not exist for it), as a reply to the
message, with the typing indicator meanwhile. The worker logs in over REST
only (`Client.login`), never to the gateway, so workers scale without
counting against the gateway's session limits or shards.

A job handed out more than `MAX_DELIVERIES` times (its worker died each
time) is answered "I couldn't finish reading…" instead of tried again.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from typing import Any

import discord

from bots.answers import Message, Trigger
from bots.config import Settings
from bots.discordbot.client import discord_api
from bots.discordbot.delivery import NO_MENTIONS, follow_up, send_retrying
from bots.discordbot.handlers import Handlers, interaction_lang
from bots.languages import request_lang
from bots.service import DigestService
from bots.storage.workspace import current_workspace
from summarizer.errors import WorkLost

__all__ = ["MAX_DELIVERIES", "DiscordJobs"]

logger = logging.getLogger(__name__)

MAX_DELIVERIES = 3
Args = dict[str, Any]


class DiscordJobs:
    """Runs queued Discord jobs with the worker's own service and a REST-only client."""

    def __init__(self, settings: Settings, service: DigestService) -> None:
        if settings.discord_token is None:
            raise ValueError("DISCORD_TOKEN is not set")
        self._token = settings.discord_token.get_secret_value()
        self._api = ExitStack()
        self._api.enter_context(discord_api(settings.discord_api_base))
        self._client = discord.Client(intents=discord.Intents.none(), allowed_mentions=NO_MENTIONS)
        self._handlers = Handlers(service, message_content=True)

    async def start(self) -> None:
        """Log in over REST (no gateway): the HTTP session every answer is sent with."""
        await self._client.login(self._token)

    async def run(self, kind: str, args: Args, deliveries: int) -> None:
        """Answer one job; past `MAX_DELIVERIES`, apologise instead of trying again."""
        current_workspace.set(args.get("guild"))
        if kind == "discord.interaction":
            await self._interaction(args, give_up=deliveries > MAX_DELIVERIES)
        else:
            await self._message(args, give_up=deliveries > MAX_DELIVERIES)

    async def close(self) -> None:
        await self._client.close()
        self._api.close()

    async def _interaction(self, args: Args, *, give_up: bool) -> None:
        interaction = discord.Interaction(data=args["payload"], state=self._client._connection)
        message = Message(**{**args["message"], "hidden": tuple(args["message"]["hidden"])})
        if give_up:
            line = WorkLost().user_message(interaction_lang(interaction, message.text))
            await follow_up(interaction, {"content": line}, private=True, what="give-up note")
            return
        await self._handlers.answer_deferred(
            interaction, message, private=args["private"], trigger=Trigger(args["trigger"])
        )

    async def _message(self, args: Args, *, give_up: bool) -> None:
        payload = args["payload"]
        channel = await self._client.fetch_channel(int(payload["channel_id"]))
        # The author as a user: a member needs the guild's cache, which a REST client lacks.
        data = {key: value for key, value in payload.items() if key != "member"}
        message = discord.Message(state=self._client._connection, channel=channel, data=data)  # type: ignore[arg-type]
        if not give_up:
            await self._handlers.answer_message(message)
            return
        logger.error("Discord message job failed %d times; telling the author", MAX_DELIVERIES)
        line = WorkLost().user_message(request_lang(message.content) or "en")
        reference = message.to_reference(fail_if_not_exists=False)
        send = message.channel.send  # type: ignore[union-attr]
        await send_retrying(
            lambda: send(line, reference=reference, allowed_mentions=NO_MENTIONS), what="give-up"
        )
