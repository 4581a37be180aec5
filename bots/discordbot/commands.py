"""The application commands, and syncing them to Discord only when they changed.

`/summarize input:<link or text> [private]`, `/summarize-auto mode:on|off`
(Manage Channels), `/summarize-roundup [window]`, `/summarize-roundup-schedule
when:` (Manage Channels) and the message context menu "Summarize". Discord rate-limits
command syncs and a global sync takes a while to reach every client, so the
payload's hash is kept in the data directory and a sync happens only when the
command set differs from the last one sent for the same scope (one guild for
development with `DISCORD_GUILD_ID`, or global).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Literal, TypeVar

import discord
from discord import app_commands

from bots.answers import Trigger
from bots.discordbot.handlers import Handlers
from bots.discordbot.messages import discord_message
from bots.discordbot.roundups import answer_roundup

log = logging.getLogger(__name__)


T = TypeVar("T")


def _everywhere(command: T) -> T:
    """Explicit install contexts: a server or a user's own install; servers, DMs, group DMs."""
    installs = app_commands.allowed_installs(guilds=True, users=True)
    contexts = app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    return installs(contexts(command))


def build_tree(
    client: discord.Client, handlers: Handlers
) -> app_commands.CommandTree[discord.Client]:
    """A command tree with every command wired to `handlers` (roundups to `roundups.py`)."""
    tree: app_commands.CommandTree[discord.Client] = app_commands.CommandTree(client)
    tree.on_error = handlers.on_app_command_error  # type: ignore[method-assign]

    @tree.command(name="summarize", description="Digest an article link or pasted text")
    @app_commands.describe(input="An article link, or the text itself", private="Only you see it")
    @_everywhere
    async def summarize(
        interaction: discord.Interaction, input: str, private: bool = False
    ) -> None:
        await handlers.summarize(interaction, input, private=private, trigger=Trigger.COMMAND)

    @tree.command(name="summarize-help", description="How to use digestbot")
    @_everywhere
    async def summarize_help(interaction: discord.Interaction) -> None:
        await handlers.summarize(interaction, "help", private=True, trigger=Trigger.COMMAND)

    @tree.command(name="summarize-settings", description="This channel's digest settings")
    @app_commands.guild_only()
    async def summarize_settings(interaction: discord.Interaction) -> None:
        await handlers.summarize(interaction, "settings", private=True, trigger=Trigger.COMMAND)

    @tree.command(name="summarize-auto", description="Digest article links pasted in this channel")
    @app_commands.describe(mode="on: reply to pasted links with a digest; off: stop")
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.checks.has_permissions(manage_channels=True)
    @app_commands.guild_only()
    async def summarize_auto(interaction: discord.Interaction, mode: Literal["on", "off"]) -> None:
        await handlers.set_auto(interaction, mode == "on")

    @tree.command(name="summarize-lang", description="The language digestbot answers in here")
    @app_commands.describe(lang="zh, en, or auto (follow each request)")
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.checks.has_permissions(manage_channels=True)
    @app_commands.guild_only()
    async def summarize_lang(
        interaction: discord.Interaction, lang: Literal["zh", "en", "auto"]
    ) -> None:
        await handlers.summarize(interaction, f"lang {lang}", private=True, trigger=Trigger.COMMAND)

    @tree.command(name="summarize-roundup", description="A roundup of the links shared here")
    @app_commands.describe(window="today (default), week, or N days")
    @app_commands.guild_only()
    async def summarize_roundup(interaction: discord.Interaction, window: str = "today") -> None:
        await answer_roundup(interaction, handlers.service, window, private=False)

    @tree.command(name="summarize-roundup-schedule", description="Post a roundup here regularly")
    @app_commands.describe(when="daily 18:00 [Area/City], weekly fri 17:00 [Area/City], or off")
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.checks.has_permissions(manage_channels=True)
    @app_commands.guild_only()
    async def summarize_roundup_schedule(interaction: discord.Interaction, when: str) -> None:
        await answer_roundup(interaction, handlers.service, f"schedule {when}", private=True)

    @tree.context_menu(name="Summarize")
    @_everywhere
    async def summarize_message(interaction: discord.Interaction, message: discord.Message) -> None:
        request = discord_message(message)
        await handlers.answer_interaction(
            interaction, request, private=False, trigger=Trigger.SHORTCUT
        )

    return tree


async def command_hash(
    tree: app_commands.CommandTree[discord.Client], guild: discord.Object | None
) -> str:
    """A stable digest of exactly what a sync would send for `guild` (None: global),
    translations included, so a changed translation is synced too."""
    translator = tree.translator
    payload = [
        await command.get_translated_payload(tree, translator)
        if translator is not None
        else command.to_dict(tree)
        for command in tree.get_commands(guild=guild)
    ]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


async def sync_if_changed(
    tree: app_commands.CommandTree[discord.Client], *, guild_id: int | None, data_dir: Path
) -> bool:
    """Sync the commands to one guild (dev) or globally, unless this exact set was synced before."""
    guild = discord.Object(guild_id) if guild_id else None
    if guild is not None:
        tree.copy_global_to(guild=guild)
    scope = f"guild-{guild_id}" if guild_id else "global"
    marker = data_dir / f"discord-commands-{scope}.sha256"
    digest = await command_hash(tree, guild)
    if marker.is_file() and marker.read_text().strip() == digest:
        log.info("application commands unchanged (%s); not syncing", scope)
        return False
    synced = await tree.sync(guild=guild)
    data_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text(digest + "\n")
    log.info("synced %d application commands (%s)", len(synced), scope)
    return True
