"""Fixtures: a fake Discord, the real bot connected to it, and recorded payload builders."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bots.config import Settings
from bots.discordbot.client import serve
from tests.bots.discord.fake_discord import GUILD_ID, FakeDiscord, load_payload

_ids = itertools.count(1900000000000000001)

ARTICLE_PARAGRAPHS = (
    "The city council approved a new plan for public libraries on Tuesday after months of debate.",
    "Under the plan, twelve branches will stay open until ten at night, and the budget rises by "
    "4.5 million dollars over two years.",
    '"Libraries are where people learn for free," said Mayor Ana Ruiz at the meeting.',
    "Critics argued that the money should go to schools, but the vote passed seven to two.",
    "Librarians said longer hours would help students who work during the day.",
    "The first branches will change their hours in September, the council said.",
)


def article_html(title: str, paragraphs: tuple[str, ...] = ARTICLE_PARAGRAPHS) -> bytes:
    """A small but real article page the summarizer can read."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title><meta name='author' content='Lee Park'></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def free_port() -> int:
    """A loopback port nobody listens on now, for the bot's health endpoints."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def snowflake() -> str:
    return str(next(_ids))


def message_payload(
    content: str, *, channel: str | None = None, bot: bool = False
) -> dict[str, Any]:
    """A recorded MESSAGE_CREATE with a fresh id, new content and optionally a bot author."""
    message = load_payload("message_create")
    message.update(id=snowflake(), content=content)
    if channel:
        message["channel_id"] = channel
    if bot:
        message["author"] = {**message["author"], "id": snowflake(), "bot": True}
    return message


def interaction_payload(name: str, **changes: Any) -> dict[str, Any]:
    """A recorded INTERACTION_CREATE with a fresh id and token."""
    interaction = load_payload(name)
    interaction.update(id=snowflake(), token=f"token-{snowflake()}")
    interaction.update(changes)
    return interaction


def slash(text: str, *, private: bool | None = None, **changes: Any) -> dict[str, Any]:
    """`/summarize input:<text> [private:<private>]`."""
    interaction = interaction_payload("interaction_summarize", **changes)
    options = [{"name": "input", "type": 3, "value": text}]
    if private is not None:
        options.append({"name": "private", "type": 5, "value": private})
    interaction["data"]["options"] = options
    return interaction


def auto(mode: str, *, permissions: str | None = None) -> dict[str, Any]:
    """`/summarize-auto mode:<mode>`, optionally by a member with other permissions."""
    interaction = interaction_payload("interaction_summarize_auto")
    interaction["data"]["options"] = [{"name": "mode", "type": 3, "value": mode}]
    if permissions is not None:
        interaction["member"]["permissions"] = permissions
    return interaction


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as fake:
        yield fake


@pytest.fixture
def discord_settings(monkeypatch: pytest.MonkeyPatch, fake_discord: FakeDiscord) -> Settings:
    monkeypatch.setenv("DISCORD_TOKEN", "fake-token")
    monkeypatch.setenv("DISCORD_API_BASE", fake_discord.api_base)
    monkeypatch.setenv("DISCORD_GUILD_ID", GUILD_ID)
    monkeypatch.setenv("DIGESTBOT_FETCH_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("DIGESTBOT_HEALTH_PORT", str(free_port()))
    return Settings()


class Running:
    """The bot's `serve` task, stopped by cancelling it."""

    def __init__(self, settings: Settings) -> None:
        self.task = asyncio.create_task(serve(settings))

    async def ready(self, fake: FakeDiscord, sessions: int = 1) -> None:
        """Wait until the bot is connected; fail at once if `serve` died instead."""
        waiter = asyncio.ensure_future(fake.wait_ready(sessions))
        await asyncio.wait([waiter, self.task], return_when=asyncio.FIRST_COMPLETED)
        if self.task.done():
            waiter.cancel()
            self.task.result()
            raise AssertionError("serve() returned before the bot was ready")
        await waiter

    async def stop(self) -> None:
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


@pytest.fixture
async def bot(fake_discord: FakeDiscord, discord_settings: Settings) -> AsyncIterator[Running]:
    """The real discord.py client, connected to the fake and ready."""
    running = Running(discord_settings)
    await running.ready(fake_discord)
    yield running
    await running.stop()
