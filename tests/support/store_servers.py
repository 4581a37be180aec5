"""The real PostgreSQL and Redis the store tests run against, when present.

`.ci/run` starts both on loopback and exports `DIGESTBOT_TEST_POSTGRES_URL`
and `DIGESTBOT_TEST_REDIS_URL`. Locally the tests skip with that reason when
the variables are unset; under CI (`CI` set) a missing server is a failure,
so nothing skips silently there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

POSTGRES_VAR = "DIGESTBOT_TEST_POSTGRES_URL"
REDIS_VAR = "DIGESTBOT_TEST_REDIS_URL"


def server_url(variable: str) -> str:
    """The URL in `variable`, or skip (fail under CI) when it is unset."""
    url = os.environ.get(variable)
    if url:
        return url
    reason = f"{variable} is not set (run .ci/run, or start the server and export it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@asynccontextmanager
async def fresh_postgres_database() -> AsyncIterator[str]:
    """A new, empty database on the test server for one test; dropped afterwards."""
    server = make_url(server_url(POSTGRES_VAR)).set(drivername="postgresql+asyncpg")
    name = f"digestbot_test_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@asynccontextmanager
async def store_database(kind: str, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, empty database URL: "sqlite" (a file in `tmp_path`) or "postgres"."""
    if kind == "postgres":
        async with fresh_postgres_database() as url:
            yield url
    else:
        yield f"sqlite+aiosqlite:///{tmp_path / 'store.sqlite3'}"


@asynccontextmanager
async def empty_redis_database(number: int) -> AsyncIterator[str]:
    """The URL of Redis database `number` of the test server, flushed before and after.

    Each suite that runs real worker processes takes a database of its own, so
    their streams never meet when tests run in parallel.
    """
    from redis.asyncio import Redis

    url = server_url(REDIS_VAR).rsplit("/", 1)[0] + f"/{number}"
    redis = Redis.from_url(url)
    await redis.flushdb()
    try:
        yield url
    finally:
        await redis.flushdb()
        await redis.aclose()
