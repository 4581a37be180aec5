"""The discord.py client: start-up in `setup_hook`, events handed to `Handlers`.

`serve(settings)` runs the bot until cancelled. It asks for the privileged
Message Content intent; when Discord refuses it (close code 4014) it logs one
warning and runs again without it, so /summarize and the context menu keep
working and only pasted-link digests are off.

`DISCORD_API_BASE` points discord.py at another Discord (a local fake in the
tests): the REST base lives in `discord.http.Route.BASE`, and the gateway
address is then read from that API's `GET /gateway/bot`, because discord.py
otherwise dials its built-in `DiscordWebSocket.DEFAULT_GATEWAY` (and falls back
to it after an invalidated session). Both are process-wide, so `serve` restores
them when it returns.

Operations: `GET /healthz`, `GET /readyz` (the store answers and every shard's
gateway is connected and READY) and `GET /metrics` are served on
`DIGESTBOT_HEALTH_PORT` (`bots.health`). Every event's task is tracked; on
shutdown (SIGTERM cancels `serve`) the shards disconnect, so no new events
arrive, the work in flight gets `DIGESTBOT_SHUTDOWN_SECONDS` to be posted over
the still-open REST session, and only then is everything closed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import discord
import yarl
from aiohttp import web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bots.config import Settings
from bots.discordbot.buttons import persistent_views
from bots.discordbot.commands import build_tree, sync_if_changed
from bots.discordbot.delivery import NO_MENTIONS
from bots.discordbot.handlers import PLATFORM, Handlers
from bots.discordbot.resilience import count_api_errors, guard_parsers
from bots.discordbot.roundups import start_roundups
from bots.discordbot.translator import DigestTranslator
from bots.health import health_app, serve_health
from bots.job_queue import durable_queue
from bots.jobs import Jobs, finish_within
from bots.roundup_schedule import RoundupScheduler
from bots.service import DigestService
from bots.storage.workspace import current_workspace

log = logging.getLogger(__name__)


class DigestClient(discord.AutoShardedClient):
    """An auto-sharded client that owns the service for its lifetime."""

    def __init__(self, settings: Settings, *, message_content: bool = True) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content
        super().__init__(intents=intents, allowed_mentions=NO_MENTIONS, **shard_options(settings))
        self.settings = settings
        self.service = DigestService(settings, platform=PLATFORM)
        guard_parsers(self._connection.parsers)
        count_api_errors(self.http, self.service.metrics)
        self.jobs = Jobs(queue=durable_queue(settings, PLATFORM))
        self.handlers = Handlers(self.service, message_content=message_content, jobs=self.jobs)
        self.tree = build_tree(self, self.handlers)
        self.tree.interaction_check = self._admit  # type: ignore[method-assign]
        self.roundups: RoundupScheduler | None = None
        self._draining = False
        # Shards between a disconnect and their next READY/RESUMED. discord.py before
        # 2.7 leaves a gateway socket that Discord closed looking open while it
        # reconnects, so `shard.is_closed()` alone keeps a gone Discord "ready".
        self._shards_down: set[int] = set()

    async def setup_hook(self) -> None:
        """Runs after login, before the gateway: service, gateway address, command sync."""
        await self.service.start()
        await self.tree.set_translator(DigestTranslator())
        for view in persistent_views(self.handlers.on_button):  # cards posted before a restart
            self.add_view(view)
        self.roundups = start_roundups(self, self.service)
        if self.settings.discord_api_base:
            _, url, _ = await self.http.get_bot_gateway()
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        if self._owns_commands():
            await sync_if_changed(
                self.tree, guild_id=self.settings.discord_guild_id, data_dir=self.settings.data_dir
            )

    async def on_ready(self) -> None:
        log.info("connected as %s to %d guilds", self.user, len(self.guilds))

    async def on_shard_disconnect(self, shard_id: int) -> None:
        self._shards_down.add(shard_id)

    async def on_shard_connect(self, shard_id: int) -> None:
        self._shards_down.discard(shard_id)

    async def on_shard_resumed(self, shard_id: int) -> None:
        self._shards_down.discard(shard_id)

    async def on_message(self, message: discord.Message) -> None:
        if await self._admit(message):
            await self.handlers.on_message(message)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Kicked, banned, left or the server deleted (not an outage): forget its data."""
        removed = await self.service.forget(PLATFORM, workspace=str(guild.id))
        log.warning("removed from guild %s: %s shares and settings deleted", guild.id, removed)

    async def _admit(self, event: discord.Message | discord.Interaction | None = None) -> bool:
        """Track the current event's task so shutdown waits for it; refuse while draining.

        Also the command tree's `interaction_check`, which runs in the task of each command.
        What the event's task writes belongs to its guild (`bots.storage.workspace`).
        """
        if self._draining:
            return False
        current_workspace.set(_guild_of(event))
        task = asyncio.current_task()
        assert task is not None
        self.jobs.adopt(task)
        return True

    def connected(self) -> bool:
        """READY, not shutting down, and every shard's gateway socket open (readiness)."""
        shards_open = not self._shards_down and all(
            not shard.is_closed() for shard in self.shards.values()
        )
        return not self._draining and self.is_ready() and not self.is_closed() and shards_open

    def ops_app(self) -> web.Application:
        """The /healthz, /readyz and /metrics endpoints of this client."""

        async def checks() -> dict[str, bool]:
            service = self.service
            return {
                "store": await service.store_ready(),
                "workers": service.pool_ready(),
                "discord": self.connected(),
            }

        def details() -> dict[str, str]:
            return {"claims": self.service.claims_authority}

        return health_app(metrics=self.service.metrics, checks=checks, details=details)

    async def close(self) -> None:
        """Stop taking events, let their work finish (bounded), then close everything."""
        self._draining = True
        if self.roundups is not None:
            await self.roundups.stop()
        for shard in self.shards.values():
            await shard.disconnect()
        await finish_within(self.jobs.drain(), self.settings.shutdown_seconds)
        await super().close()
        await self.jobs.close()
        await self.service.close()

    def _owns_commands(self) -> bool:
        """Only the process running shard 0 syncs commands, so split shards don't all sync."""
        return not self.shard_ids or 0 in self.shard_ids


def _guild_of(event: discord.Message | discord.Interaction | None) -> str | None:
    if isinstance(event, discord.Interaction):
        guild_id = event.guild_id
    else:
        guild_id = event.guild.id if event is not None and event.guild is not None else None
    return None if guild_id is None else str(guild_id)


def shard_options(settings: Settings) -> dict[str, Any]:
    """`shard_count` / `shard_ids` from the settings; none means Discord's recommendation."""
    options: dict[str, Any] = {}
    if settings.discord_shard_count:
        options["shard_count"] = settings.discord_shard_count
    if settings.discord_shard_ids:
        options["shard_ids"] = [int(shard) for shard in settings.discord_shard_ids]
    return options


@contextmanager
def discord_api(base: str | None) -> Iterator[None]:
    """Point discord.py's REST base at `base` for the duration, then put it back."""
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    if base:
        Route.BASE = base.rstrip("/")
    try:
        yield
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved


async def serve(settings: Settings) -> None:
    """Run the bot until cancelled; retry without Message Content if Discord refuses it."""
    if settings.discord_token is None:
        raise ValueError("DISCORD_TOKEN is not set")
    token = settings.discord_token.get_secret_value()
    with discord_api(settings.discord_api_base):
        try:
            await _run(settings, token, message_content=True)
        except discord.PrivilegedIntentsRequired:
            log.warning(
                "Discord refused the Message Content intent: pasted links will not be digested. "
                "Enable it under Bot → Privileged Gateway Intents; slash commands still work."
            )
            await _run(settings, token, message_content=False)


async def _run(settings: Settings, token: str, *, message_content: bool) -> None:
    client = DigestClient(settings, message_content=message_content)
    # The endpoints outlive the client's drain, so liveness holds while work finishes.
    health = serve_health(client.ops_app(), host=settings.health_host, port=settings.health_port)
    async with health, client:
        await client.start(token)
