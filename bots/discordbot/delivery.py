"""Turning service outcomes into Discord messages, and sending them without losing any.

discord.py already waits out 429s (it honours `retry_after`) and retries
500/502/504 itself; what it raises after that — a 503, a dropped connection, a
timeout, a rate limit longer than it will wait — is retried here a few times.
A send that still fails is logged with its traceback and re-raised, never
dropped silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, TypeVar

import aiohttp
import discord

log = logging.getLogger(__name__)

T = TypeVar("T")

NO_MENTIONS = discord.AllowedMentions.none()
RETRY_DELAYS = (0.5, 2.0)
"""Seconds to wait before the second and third attempt of a send."""

TRANSIENT = (
    discord.DiscordServerError,
    discord.RateLimited,
    aiohttp.ClientError,
    OSError,
    asyncio.TimeoutError,
)


async def send_retrying(send: Callable[[], Awaitable[T]], *, what: str) -> T:
    """Run `send` until it succeeds, retrying transient failures; re-raise the last one."""
    for delay in RETRY_DELAYS:
        try:
            return await send()
        except TRANSIENT as exc:
            log.warning("sending %s failed (%s); retrying in %.1fs", what, exc, delay)
            await asyncio.sleep(delay)
    try:
        return await send()
    except TRANSIENT:
        log.exception("giving up sending %s", what)
        raise


async def follow_up(
    interaction: discord.Interaction, message: dict[str, Any], *, private: bool, what: str
) -> discord.WebhookMessage:
    """One followup to a deferred interaction, pinging nobody, retried like every send."""
    send = partial(
        interaction.followup.send,
        **message,
        ephemeral=private,
        allowed_mentions=NO_MENTIONS,
        wait=True,
    )
    return await send_retrying(send, what=what)
