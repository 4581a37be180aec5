"""`digestbot discord`: read the settings, configure logging, run the bot until Ctrl-C."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bots.config import Settings
from bots.discordbot.client import serve


def run_discord() -> None:
    """Entry point the `digestbot discord` command calls; exits with a message if no token."""
    settings = Settings()
    if settings.discord_token is None:
        raise SystemExit("DISCORD_TOKEN is not set; see deploy/discord/README.md")
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(settings))
