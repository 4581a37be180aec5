"""`digestbot discord`: read the settings, configure logging, run the bot until Ctrl-C."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from bots import event_loop
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
    with contextlib.suppress(KeyboardInterrupt, asyncio.CancelledError):
        event_loop.run(_serve_until_terminated(settings))


async def _serve_until_terminated(settings: Settings) -> None:
    """SIGTERM (container stop, systemd) closes the gateway, the HTTP session and the store.

    Without a handler, Python as a container's PID 1 would ignore SIGTERM and be killed.
    """
    task = asyncio.current_task()
    assert task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    await serve(settings)
