"""Claims across authorities: memory, Redis and the database, and "done" versus "started".

Redis sits behind a `TcpProxy`, so it can be stopped and restarted under a
running store; the database is a SQLite file every "replica" (a
`ResilientStore` or `DigestService` of its own) shares.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bots.config import Settings
from bots.service import DEDUPE_WINDOW, DigestService
from bots.storage.claims import PENDING_TTL
from bots.storage.resilient import ResilientStore
from bots.storage.schema import claims, hashed_key
from tests.bots.test_replicas_resilience import port_of, with_port
from tests.support.store_servers import REDIS_VAR, server_url
from tests.support.tcp_proxy import TcpProxy


def unique(key: str) -> str:
    return f"{key}:{datetime.now(UTC).timestamp()}"


@pytest.fixture
async def redis_proxy() -> AsyncIterator[TcpProxy]:
    proxy = TcpProxy(port_of(server_url(REDIS_VAR)))
    await proxy.up()
    yield proxy
    await proxy.down()


def settings(tmp_path: Path, redis: str | None = None) -> Settings:
    database = f"sqlite+aiosqlite:///{tmp_path / 'shared.sqlite3'}"
    return Settings(
        DIGESTBOT_DATA_DIR=tmp_path, DIGESTBOT_DATABASE_URL=database, DIGESTBOT_REDIS_URL=redis
    )


async def replica(config: Settings) -> ResilientStore:
    store = ResilientStore(config)
    await store.start()
    await store.wait_ready()
    return store


async def test_redis_going_and_coming_back_never_lets_a_claim_be_won_twice(
    tmp_path: Path, redis_proxy: TcpProxy
) -> None:
    config = settings(tmp_path, with_port(server_url(REDIS_VAR), redis_proxy.port))
    first, second = await replica(config), await replica(config)
    before, during = unique("slack:event:before"), unique("slack:event:during")
    try:
        assert await first.claim(before, ttl=timedelta(minutes=5)) is True  # Redis and database
        await redis_proxy.down()
        assert await second.claim(before, ttl=timedelta(minutes=5)) is False
        assert await first.claim(during, ttl=timedelta(minutes=5)) is True  # the database alone
        assert first.claims.authority == "database"
        await redis_proxy.up()
        assert await second.claim(during, ttl=timedelta(minutes=5)) is False
    finally:
        await first.close()
        await second.close()


async def test_with_neither_redis_nor_a_database_claims_are_this_process_s_and_say_so(
    tmp_path: Path,
) -> None:
    store = ResilientStore(
        Settings(
            DIGESTBOT_DATA_DIR=tmp_path,
            DIGESTBOT_DATABASE_URL="postgresql://bot@127.0.0.1:1/none",
        )
    )
    await store.start()
    try:
        assert store.ready is False
        assert await store.claim("event", ttl=timedelta(minutes=1)) is True
        assert await store.claim("event", ttl=timedelta(minutes=1)) is False
        assert store.claims.authority == "process"
    finally:
        await store.close()


async def claim_expiry(config: Settings, key: str) -> timedelta:
    """How long the database will hold `key` from now."""
    store = await replica(config)
    try:
        engine = store._engine
        assert engine is not None
        async with engine.connect() as conn:
            query = select(claims.c.expires_at).where(claims.c.key_hash == hashed_key(key))
            expires = (await conn.execute(query)).scalar_one()
    finally:
        await store.close()
    return expires.replace(tzinfo=UTC) - datetime.now(UTC)


@pytest.mark.parametrize("finishes", [True, False], ids=["finished", "killed"])
async def test_a_claim_holds_for_the_day_only_once_its_work_has_finished(
    tmp_path: Path, finishes: bool
) -> None:
    config = settings(tmp_path)
    service = DigestService(config)
    await service.start()
    started = asyncio.Event()
    key = unique("slack:event")

    async def work() -> None:
        assert await service.claim(key)
        started.set()
        if not finishes:
            await asyncio.Event().wait()  # a digest the process never finishes

    task = asyncio.create_task(work())
    await started.wait()
    if finishes:
        await task
    await service.close()  # a killed process: the task never ends, the claim stays pending
    task.cancel()

    left = await claim_expiry(config, key)
    if finishes:
        assert left > DEDUPE_WINDOW - timedelta(minutes=1)
    else:
        assert left <= PENDING_TTL


async def in_database(config: Settings, key: str) -> bool:
    store = await replica(config)
    try:
        assert store._engine is not None
        async with store._engine.connect() as conn:
            query = select(claims.c.key_hash).where(claims.c.key_hash == hashed_key(key))
            return (await conn.execute(query)).first() is not None
    finally:
        await store.close()


async def test_a_request_key_is_decided_by_the_first_authority_that_answers(
    tmp_path: Path, redis_proxy: TcpProxy
) -> None:
    """`claim_first` asks Redis alone while it answers (nothing is written to the
    database), the database when Redis is down; a second replica's copy is refused."""
    config = settings(tmp_path, with_port(server_url(REDIS_VAR), redis_proxy.port))
    first, second = await replica(config), await replica(config)
    via_redis, via_database = unique("slack-signature:a"), unique("slack-signature:b")
    window = timedelta(minutes=5)
    try:
        assert await first.claims.claim_first(via_redis, ttl=window) is True
        assert await second.claims.claim_first(via_redis, ttl=window) is False
        await redis_proxy.down()
        assert await first.claim(unique("probe"), ttl=window) is True  # database only now
        assert await first.claims.claim_first(via_database, ttl=window) is True
        assert await second.claims.claim_first(via_database, ttl=window) is False
    finally:
        await first.close()
        await second.close()
    assert not await in_database(config, via_redis)
    assert await in_database(config, via_database)
