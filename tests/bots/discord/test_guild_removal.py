"""Removed from a server (kicked, banned, left, deleted): that guild's shares and settings go.

discord.py calls `on_guild_remove` for a GUILD_DELETE without `unavailable`
(an outage sends `unavailable: true` and only marks the guild unavailable).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from bots.config import Settings
from tests.bots.discord.conftest import Running, article_html
from tests.bots.discord.fake_discord import GUILD_ID, FakeDiscord
from tests.bots.discord.test_messages import paste, switch_auto
from tests.support.workspaces import kept_rows

HANG_GUARD = 15.0  # seconds: only a hang trips it


async def until_kept(settings: Settings, done: Callable[[list[Any]], bool]) -> list[Any]:
    """Poll the database until `done(rows)`; the gateway's handlers run on their own tasks."""
    async with asyncio.timeout(HANG_GUARD):
        while not done(rows := await kept_rows(settings)):
            await asyncio.sleep(0.05)
    return rows


async def test_removal_from_a_guild_deletes_that_guild_s_shares_and_settings(
    bot: Running, fake_discord: FakeDiscord, discord_settings: Settings, article_server: Any
) -> None:
    await switch_auto(fake_discord, "on")
    await paste(fake_discord, article_server.add("/kept", article_html("Kept until removal")))
    kept = await until_kept(discord_settings, lambda rows: ("shares", GUILD_ID) in rows)
    assert kept == [("channel_settings", GUILD_ID), ("shares", GUILD_ID)]

    await fake_discord.dispatch("GUILD_DELETE", {"id": GUILD_ID})

    assert await until_kept(discord_settings, lambda rows: rows == []) == []
