"""Claims: "this event (or link, or roundup slot) is being handled, or was" — across replicas.

Every reachable authority must grant a claim: this process's memory first,
then Redis (when configured), then the database (once open). Whoever wins
writes the claim to all of them, so when one goes away the others still know
it: Redis stopping between an event and Slack's retry, or coming back between
them, never lets the retry through twice. Redis is the one that matters while
the database is down (pods started before it), the database while Redis is
down; with neither reachable only this process's memory is left, and
`authority` says "process" (shown by /readyz) — then two replicas can both win.

A claim taken before the work is *pending* (`PENDING_TTL`, minutes): if the
process dies mid-digest it lapses and Slack's retry (sent 1 and 5 minutes
later) is served. `hold()` turns it into a finished claim for the dedupe window.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Protocol

from bots.storage.base import StoreUnavailable

logger = logging.getLogger(__name__)

PENDING_TTL = timedelta(minutes=2)
"""How long a claim lives when its work never finished: longer than any digest's budget
(20 s fetch plus summarising), shorter than Slack's 5-minute retry."""
_PRUNE_EVERY = 1024


class ClaimAuthority(Protocol):
    async def claim(self, key: str, *, ttl: timedelta) -> bool: ...

    async def hold(self, key: str, *, ttl: timedelta) -> None: ...


class LocalClaims:
    """Claims in this process's memory: the last resort, and a fast "I did this already"."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._until: dict[str, float] = {}
        self._monotonic = monotonic

    def held(self, key: str) -> bool:
        return self._until.get(key, float("-inf")) > self._monotonic()

    def hold(self, key: str, *, ttl: timedelta) -> None:
        now = self._monotonic()
        if len(self._until) % _PRUNE_EVERY == 0:
            self._until = {k: t for k, t in self._until.items() if t > now}
        self._until[key] = now + ttl.total_seconds()


class Claims:
    """The claim authorities of one process: memory, Redis (optional), the database (once open)."""

    def __init__(self, redis: ClaimAuthority | None = None) -> None:
        self.redis = redis
        self.database: ClaimAuthority | None = None
        self.local = LocalClaims()
        self._reachable = {"redis": True, "database": True}

    async def claim(self, key: str, *, ttl: timedelta) -> bool:
        """True when no reachable authority knows `key`; then every reachable one records it."""
        if self.local.held(key):
            return False
        for name, authority in self._remote():
            if await self._ask(name, authority.claim(key, ttl=ttl)) is False:
                return False
        self.local.hold(key, ttl=ttl)
        return True

    async def claim_first(self, key: str, *, ttl: timedelta) -> bool:
        """True when the first reachable authority (memory, Redis, the database) grants `key`.

        For keys a genuine second request never shares (a signed request's signature),
        asked while Slack waits for the ack: one round trip instead of a claim written
        to every authority and held afterwards. Under `bench load`'s burst those writes
        queued behind the jobs' database work and the server's own ack p99 was 1.2 s
        (README, load). Missing a replay when Redis goes away between two copies of one
        signed request costs at most what the link's own claim then catches.
        """
        if self.local.held(key):
            return False
        for name, authority in self._remote():
            answer = await self._ask(name, authority.claim(key, ttl=ttl))
            if answer is not None:
                if answer:
                    self.local.hold(key, ttl=ttl)
                return answer
        self.local.hold(key, ttl=ttl)
        return True

    async def hold(self, key: str, *, ttl: timedelta) -> None:
        """Record `key` as held for `ttl` everywhere reachable (the work is done)."""
        self.local.hold(key, ttl=ttl)
        for name, authority in self._remote():
            await self._ask(name, _held(authority, key, ttl))

    @property
    def authority(self) -> str:
        """Who decides now: "redis", "database", or "process" when neither answers."""
        return next((name for name, _ in self._remote() if self._reachable[name]), "process")

    def _remote(self) -> list[tuple[str, ClaimAuthority]]:
        named = (("redis", self.redis), ("database", self.database))
        return [(name, authority) for name, authority in named if authority is not None]

    async def _ask(self, name: str, answer: Awaitable[bool]) -> bool | None:
        """The authority's answer, or None when it cannot be reached (logged on change)."""
        before = self.authority
        try:
            result: bool | None = await answer
        except StoreUnavailable as exc:
            logger.debug("claim authority %s unavailable: %s", name, exc)
            result = None
        self._reachable[name] = result is not None
        if self.authority != before:
            log = logger.warning if self.authority == "process" else logger.info
            log("claims now decided by %s (was %s)", self.authority, before)
        return result


async def _held(authority: ClaimAuthority, key: str, ttl: timedelta) -> bool:
    await authority.hold(key, ttl=ttl)
    return True
