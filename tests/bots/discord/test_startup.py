"""Start-up against the fake: command sync only when changed, a refused intent, sharding."""

from __future__ import annotations

from typing import Any

import pytest

from bots.config import Settings
from bots.discordbot.cli import run_discord
from bots.discordbot.client import shard_options
from tests.bots.discord.conftest import Running, auto, slash
from tests.bots.discord.fake_discord import APP_ID, GUILD_ID, MESSAGE_CONTENT_INTENT, FakeDiscord


async def test_commands_sync_to_the_dev_guild_once(
    fake_discord: FakeDiscord, discord_settings: Settings
) -> None:
    for _ in range(2):
        running = Running(discord_settings)
        await running.ready(fake_discord)
        await running.stop()

    ((path, commands),) = fake_discord.command_syncs
    assert path == f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"
    assert {c["name"] for c in commands} == {
        "summarize",
        "summarize-help",
        "summarize-settings",
        "summarize-lang",
        "summarize-auto",
        "summarize-roundup",
        "summarize-roundup-schedule",
        "Summarize",
    }
    auto_command = next(c for c in commands if c["name"] == "summarize-auto")
    assert str(auto_command["default_member_permissions"]) == "16"  # Manage Channels


async def test_without_message_content_commands_still_work(
    fake_discord: FakeDiscord, discord_settings: Settings, article_server: Any
) -> None:
    fake_discord.message_content_granted = False
    running = Running(discord_settings)
    await running.ready(fake_discord)
    try:
        first, second = fake_discord.identifies
        assert first["intents"] & MESSAGE_CONTENT_INTENT
        assert not second["intents"] & MESSAGE_CONTENT_INTENT

        await fake_discord.dispatch("INTERACTION_CREATE", auto("on"))
        (_, confirmation, note) = await fake_discord.wait_sent(3)
        assert "automatically" in confirmation.payload["content"]
        assert "Message Content" in note.payload["content"]

        url = article_server.add("/still-works", b"<html><body><p>x</p></body></html>")
        await fake_discord.dispatch("INTERACTION_CREATE", slash(url))
        await fake_discord.wait_sent(5)
    finally:
        await running.stop()


def test_shard_settings_reach_the_client(monkeypatch: Any) -> None:
    monkeypatch.setenv("DISCORD_SHARD_COUNT", "4")
    monkeypatch.setenv("DISCORD_SHARD_IDS", "2,3")
    assert shard_options(Settings()) == {"shard_count": 4, "shard_ids": [2, 3]}
    monkeypatch.delenv("DISCORD_SHARD_COUNT")
    monkeypatch.delenv("DISCORD_SHARD_IDS")
    assert shard_options(Settings()) == {}


def test_run_discord_without_a_token_exits_with_a_pointer_to_the_docs() -> None:
    with pytest.raises(SystemExit, match="DISCORD_TOKEN is not set"):
        run_discord()
