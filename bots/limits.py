"""Rate limits per user and per channel, and bounds on concurrent fetches.

`RateLimits` keeps a moving window per user and per channel with the `limits`
library: in Redis when `DIGESTBOT_REDIS_URL` is set, so the limits hold across
replicas, otherwise in this process's memory. A request over a limit gets a
polite line in the requester's language instead of a digest, once per window:
the next requests over the same limit are refused silently, so a burst of
pasted links gets one note, not one per link. If Redis cannot be
reached the request is allowed and the failure logged: a limit is a courtesy,
not worth a lost answer.

`FetchGate` bounds how many articles this process reads at once (fetch,
extraction and summary), overall and per host, so a burst of links can neither
exhaust sockets, hammer one site, nor crowd the event loop out with CPU work.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError

from bots.phrasebook import Lang, Phrase, say

__all__ = ["FetchGate", "RateLimits", "Refusal", "polite_refusal"]

logger = logging.getLogger(__name__)

_KEY_PREFIX = "digestbot-rate"


@dataclass(frozen=True, slots=True)
class Refusal:
    """Which limit a request hit ("user" or "channel"), when it may try again, and
    whether to say so (`tell`: the first refusal of this limit's window)."""

    scope: str
    retry_after: int
    tell: bool = True


def polite_refusal(refusal: Refusal, lang: Lang) -> str:
    """The line shown to someone over a limit, in their language."""
    phrase = Phrase.RATE_USER if refusal.scope == "user" else Phrase.RATE_CHANNEL
    return say(phrase, lang, seconds=refusal.retry_after)


class RateLimits:
    """Per-user and per-channel moving windows, e.g. "10/minute"; "" switches one off."""

    def __init__(self, *, per_user: str, per_channel: str, redis_url: str | None = None) -> None:
        self._items = {
            scope: parse(rate)
            for scope, rate in (("user", per_user), ("channel", per_channel))
            if rate.strip()
        }
        self._storage: Storage = (
            RedisStorage(
                f"async+{redis_url}",
                implementation="redispy",
                wrap_exceptions=True,
                key_prefix=_KEY_PREFIX,
            )
            if redis_url
            else MemoryStorage()
        )
        self._limiter = MovingWindowRateLimiter(self._storage)
        self._told: dict[tuple[str, ...], float] = {}

    async def check(
        self, platform: str, *, user: str | None, channel: str | None
    ) -> Refusal | None:
        """Count one request; a `Refusal` when it goes over the user's or the channel's limit."""
        for scope, who in (("user", user), ("channel", channel)):
            item = self._items.get(scope)
            if item is None or who is None:
                continue
            try:
                if not await self._limiter.hit(item, platform, scope, who):
                    wait = await self._retry_after(item, platform, scope, who)
                    return Refusal(
                        scope, wait, tell=self._first_telling((platform, scope, who), wait)
                    )
            except StorageError as exc:
                logger.warning("rate limits unavailable, allowing the request: %s", exc)
                return None
        return None

    def _first_telling(self, key: tuple[str, ...], wait: int) -> bool:
        """True once per refusal window of `key` (this process): one note, not one per link."""
        now = time.monotonic()
        self._told = {k: until for k, until in self._told.items() if until > now}
        if key in self._told:
            return False
        self._told[key] = now + wait
        return True

    async def _retry_after(self, item: RateLimitItem, *keys: str) -> int:
        stats = await self._limiter.get_window_stats(item, *keys)
        return max(1, math.ceil(stats.reset_time - time.time()))


class FetchGate:
    """At most `total` fetches at once in this process, and `per_host` to any one host."""

    def __init__(self, *, total: int, per_host: int) -> None:
        self._total = asyncio.Semaphore(total)
        self._per_host = per_host
        self._hosts: dict[str, _HostSlots] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one fetch slot for `host` (and one overall) for the duration."""
        slots = self._hosts.get(host)
        if slots is None:
            slots = self._hosts[host] = _HostSlots(asyncio.Semaphore(self._per_host))
        slots.users += 1
        try:
            # The host's slot first: waiting for a busy host must not hold an overall slot.
            async with slots.semaphore, self._total:
                yield
        finally:
            slots.users -= 1
            if slots.users == 0:
                del self._hosts[host]

    def busy_hosts(self) -> int:
        """Hosts with a fetch running or waiting (the per-host table never outgrows them)."""
        return len(self._hosts)


@dataclass(slots=True)
class _HostSlots:
    semaphore: asyncio.Semaphore
    users: int = 0
