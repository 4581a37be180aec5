"""Redis in front of the database: cross-replica claims and a shared digest cache.

`claim()` is `SET key 1 NX PX ttl`: Redis runs commands one at a time, so
exactly one replica's SET succeeds until the key expires. A Redis failure
raises `StoreUnavailable`; `bots.storage.claims` then asks the database alone
(every claim is written to both while both answer, so neither forgets one).

The digest cache here is only an accelerator for the database, which stays the
source of truth: cache calls report failures to the caller, which falls back to
the database.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError

from bots.storage.database import DEFAULT_CONNECT_TIMEOUT, redact
from bots.storage.failures import Breaker
from bots.storage.redis_batch import CommandBatch
from bots.storage.schema import hashed_key

logger = logging.getLogger(__name__)

KEY_PREFIX = "digestbot:"
# Redis answers in well under a millisecond; a reply this late means trouble.
DEFAULT_REDIS_TIMEOUT = 2.0
REDIS_CONNECTIONS = 64
"""Connections per client; past them a call waits its turn (up to its timeout)."""


def redis_client(url: str, *, timeout: float, connect_timeout: float, **options: Any) -> Redis:
    """A Redis client whose calls wait for a free connection rather than fail.

    redis-py's default pool holds 100 connections and raises `MaxConnectionsError`
    past them: under `bench load`'s burst (2,000 commands from 500 senders) a
    front's replay claims and queue puts failed that way, fell back to the
    database and to running the jobs in the front itself, and the ack p99
    grew with every fallback. A blocking pool queues the calls instead.
    """
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=REDIS_CONNECTIONS,
        timeout=timeout,
        socket_timeout=timeout,
        socket_connect_timeout=connect_timeout,
        **options,
    )
    return Redis.from_pool(pool)


class RedisLayer:
    """Claims and cached digest JSON in one Redis database."""

    def __init__(self, url: str) -> None:
        self._breaker = Breaker(f"redis {redact(url)}")
        # One immediate retry replaces a connection Redis closed (a restart);
        # timeouts are not retried, so a hung Redis costs one timeout.
        self._redis = redis_client(
            url,
            timeout=DEFAULT_REDIS_TIMEOUT,
            connect_timeout=DEFAULT_CONNECT_TIMEOUT,
            retry=Retry(NoBackoff(), retries=1, supported_errors=(RedisConnectionError,)),
        )
        self._batch = CommandBatch(self._redis)

    async def claim(self, key: str, *, ttl: timedelta) -> bool:
        """True if this call set the claim key (nobody holds it)."""
        async with self._breaker.attempt():
            won = await self._batch.run(
                lambda pipe: pipe.set(_claim_key(key), b"1", nx=True, px=_millis(ttl))
            )
        return bool(won)

    async def hold(self, key: str, *, ttl: timedelta) -> None:
        """Hold the claim for `ttl` from now, whoever held it (the work is done)."""
        async with self._breaker.attempt():
            await self._batch.run(lambda pipe: pipe.set(_claim_key(key), b"1", px=_millis(ttl)))

    async def get_digest(self, url: str) -> dict[str, Any] | None:
        """The cached digest dict for `url`, or None on a miss."""
        async with self._breaker.attempt():
            raw = await self._batch.run(lambda pipe: pipe.get(_digest_key(url)))
        return None if raw is None else dict(json.loads(raw))

    async def put_digest(self, url: str, data: dict[str, Any], *, ttl: timedelta) -> None:
        """Cache `data` for `url` until `ttl` has passed."""
        payload = json.dumps(data, ensure_ascii=False)
        async with self._breaker.attempt():
            data_bytes, millis = payload.encode("utf-8"), _millis(ttl)
            await self._batch.run(lambda pipe: pipe.set(_digest_key(url), data_bytes, px=millis))

    async def close(self) -> None:
        """Close the connection pool."""
        await self._redis.aclose()


def _claim_key(key: str) -> str:
    return f"{KEY_PREFIX}claim:{hashed_key(key)}"


def _digest_key(url: str) -> str:
    return f"{KEY_PREFIX}digest:{hashed_key(url)}"


def _millis(ttl: timedelta) -> int:
    # PX rejects zero; a non-positive TTL still expires at once.
    return max(1, int(ttl.total_seconds() * 1000))
