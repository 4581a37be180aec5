"""The store the bots run on: it answers from the first second and opens the database when it can.

Pods routinely start before their database. `ResilientStore.start()` tries to
open (connect and migrate) once; if that fails, it keeps trying in the
background with exponential backoff (`FIRST_RETRY_SECONDS` doubling up to
`MAX_RETRY_SECONDS`), and until it is open every database call raises
`StoreUnavailable`, which the service degrades on (no cache, no settings) and
/readyz reports as not ready. A call that finds an open database gone starts
the same loop, re-running the (idempotent) migration until the database
answers again, and readiness is false meanwhile.

Claims never wait for the database: `claims` asks Redis (when configured) from
the start and adds the database once it is open (`bots.storage.claims`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncEngine

from bots.config import Settings
from bots.storage.base import DEFAULT_DIGEST_TTL, Share, StoreUnavailable
from bots.storage.claims import Claims
from bots.storage.database import create_engine, database_url, redact
from bots.storage.failures import unavailable_on_failure
from bots.storage.migrate import migrate
from bots.storage.redis_layer import RedisLayer
from bots.storage.sql_store import Clock, SqlStore, utc_now
from summarizer.models import Digest

__all__ = ["FIRST_RETRY_SECONDS", "MAX_RETRY_SECONDS", "ResilientStore"]

logger = logging.getLogger(__name__)
_T = TypeVar("_T")

FIRST_RETRY_SECONDS = 1.0
MAX_RETRY_SECONDS = 30.0


class ResilientStore:
    """A `Store` whose database may open late, or go and come back; claims work throughout."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock = utc_now,
        first_retry: float = FIRST_RETRY_SECONDS,
    ) -> None:
        self._url = database_url(settings)
        self._redis = RedisLayer(settings.redis_url) if settings.redis_url else None
        self._clock = clock
        self._first_retry = first_retry
        self.claims = Claims(self._redis)
        self._engine: AsyncEngine | None = None
        self._store: SqlStore | None = None
        self._healthy = False
        self._recovery: asyncio.Task[None] | None = None

    @property
    def ready(self) -> bool:
        """Open, and the last call found the database answering."""
        return self._store is not None and self._healthy

    async def start(self) -> None:
        """Try to open once now; on failure keep trying in the background."""
        if not await self._try_open():
            self._recover()

    async def wait_ready(self) -> None:
        """Until the store is open and answering (tests; callers that cannot work without it)."""
        while not self.ready:
            await asyncio.sleep(0.05)

    async def _try_open(self) -> bool:
        """One attempt to connect and migrate; True when the database answered."""
        engine = self._engine or create_engine(self._url)
        try:
            async with unavailable_on_failure(f"database {redact(self._url)}"):
                await migrate(engine)
            if self._store is None:
                store = SqlStore(engine, redis=self._redis, clock=self._clock)
                purged = await store.purge_expired()
                logger.info("store open: %s (%d expired rows purged)", redact(self._url), purged)
                self._store = store
                self.claims.database = store
        except StoreUnavailable as exc:
            logger.warning("store not open: %s", exc)
            if self._engine is None:
                await engine.dispose()
            return False
        self._engine = engine
        self._healthy = True
        return True

    def _recover(self) -> None:
        """Start the background open/re-open loop unless it is already running."""
        self._healthy = False
        if self._recovery is None or self._recovery.done():
            self._recovery = asyncio.get_running_loop().create_task(self._retry_until_open())

    async def _retry_until_open(self) -> None:
        delay = self._first_retry
        while True:
            await asyncio.sleep(delay * random.uniform(0.8, 1.2))  # replicas spread out
            if await self._try_open():
                logger.info("store available again")
                return
            delay = min(delay * 2, MAX_RETRY_SECONDS)

    async def _call(self, call: Callable[[SqlStore], Awaitable[_T]]) -> _T:
        store = self._store
        if store is None:
            raise StoreUnavailable(f"database {redact(self._url)} not open yet")
        try:
            result = await call(store)
        except StoreUnavailable:
            self._recover()
            raise
        self._healthy = True
        return result

    async def get_digest(self, url: str) -> Digest | None:
        return await self._call(lambda s: s.get_digest(url))

    async def put_digest(
        self, url: str, digest: Digest, *, ttl: timedelta = DEFAULT_DIGEST_TTL
    ) -> None:
        await self._call(lambda s: s.put_digest(url, digest, ttl=ttl))

    async def get_channel_setting(self, platform: str, channel: str, key: str) -> str | None:
        return await self._call(lambda s: s.get_channel_setting(platform, channel, key))

    async def get_channel_settings(self, platform: str, channel: str) -> dict[str, str]:
        return await self._call(lambda s: s.get_channel_settings(platform, channel))

    async def set_channel_setting(self, platform: str, channel: str, key: str, value: str) -> None:
        await self._call(lambda s: s.set_channel_setting(platform, channel, key, value))

    async def channels_with_setting(self, platform: str, key: str) -> dict[str, str]:
        return await self._call(lambda s: s.channels_with_setting(platform, key))

    async def claim(self, key: str, *, ttl: timedelta) -> bool:
        """Won when no reachable authority holds `key`; never waits for the database."""
        return await self.claims.claim(key, ttl=ttl)

    async def hold(self, key: str, *, ttl: timedelta) -> None:
        await self.claims.hold(key, ttl=ttl)

    async def record_share(self, share: Share) -> None:
        await self._call(lambda s: s.record_share(share))

    async def last_share(
        self, platform: str, channel: str, url: str, *, since: datetime
    ) -> Share | None:
        return await self._call(lambda s: s.last_share(platform, channel, url, since=since))

    async def last_share_of(
        self, platform: str, channel: str, urls: Sequence[str], *, since: datetime
    ) -> Share | None:
        return await self._call(lambda s: s.last_share_of(platform, channel, urls, since=since))

    async def shares(
        self, platform: str, channel: str, *, since: datetime, until: datetime
    ) -> list[Share]:
        return await self._call(lambda s: s.shares(platform, channel, since=since, until=until))

    async def posted_share(self, platform: str, channel: str, message_ref: str) -> Share | None:
        return await self._call(lambda s: s.posted_share(platform, channel, message_ref))

    async def give_feedback(
        self, platform: str, channel: str, message_ref: str, user: str, verdict: str
    ) -> bool:
        return await self._call(
            lambda s: s.give_feedback(platform, channel, message_ref, user, verdict)
        )

    async def forget_posted(self, platform: str, channel: str, message_ref: str) -> None:
        await self._call(lambda s: s.forget_posted(platform, channel, message_ref))

    async def with_database(self, call: Callable[[SqlStore], Awaitable[_T]]) -> _T:
        """`call` on the open database (maintenance: purge, export); `StoreUnavailable` if none."""
        return await self._call(call)

    async def close(self) -> None:
        """Stop re-opening; release the database and Redis connections."""
        if self._recovery is not None:
            self._recovery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._recovery
        if self._store is not None:
            await self._store.close()
            return
        if self._engine is not None:
            await self._engine.dispose()
        if self._redis is not None:
            await self._redis.close()
