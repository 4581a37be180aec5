"""Which database to use, how to connect to it quickly, and how to name it in logs.

`database_url()` turns `Settings` into a SQLAlchemy async URL: a SQLite file in
the data directory when nothing is configured, asyncpg for any PostgreSQL URL.
`create_engine()` sets short connect and command timeouts so that a database
that is down costs a caller seconds, not minutes. `redact()` is the only way a
URL reaches a log line or an error message: passwords become `***`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bots.config import ConfigError, Settings

logger = logging.getLogger(__name__)

DEFAULT_SQLITE_NAME = "digestbot.sqlite3"
DEFAULT_CONNECT_TIMEOUT = 3.0
DEFAULT_COMMAND_TIMEOUT = 5.0
DEFAULT_POOL_TIMEOUT = 5.0
POOL_SIZE = 10
"""PostgreSQL connections a process keeps open. SQLAlchemy's default keeps 5 and
closes the 10 overflow connections as soon as they are returned: a `digestbot
worker` running 8 jobs at once (each with a few store calls, claims beside them)
opened and closed a connection — a PostgreSQL backend, asyncpg's SSL probe —
several times a second in `bench load`. 10 cover its concurrency; 5 more may
open for a burst."""
POOL_OVERFLOW = 5
# How long SQLite waits for another writer's lock before "database is locked".
DEFAULT_SQLITE_BUSY_TIMEOUT = 5.0

# Plain URLs name the async driver the bot ships with.
_ASYNC_DRIVERS = {
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "sqlite": "sqlite+aiosqlite",
}


def redact(url: str | URL) -> str:
    """The URL with its password replaced by `***`, safe for logs and errors."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def database_url(settings: Settings) -> URL:
    """The async SQLAlchemy URL for `settings`, creating the SQLite directory if needed.

    Raises `ConfigError` (without echoing the URL, which may hold a password)
    when `DIGESTBOT_DATABASE_URL` is not a URL.
    """
    if not settings.database_url:
        url = URL.create("sqlite+aiosqlite", database=str(settings.data_dir / DEFAULT_SQLITE_NAME))
    else:
        try:
            url = make_url(settings.database_url)
        except ArgumentError:
            raise ConfigError("DIGESTBOT_DATABASE_URL is not a database URL") from None
        url = url.set(drivername=_ASYNC_DRIVERS.get(url.drivername, url.drivername))
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    return url


def create_engine(url: URL) -> AsyncEngine:
    """An async engine for `url` that gives up quickly when the server is away."""
    if url.get_backend_name() == "sqlite":
        engine = create_async_engine(url, connect_args={"timeout": DEFAULT_SQLITE_BUSY_TIMEOUT})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    connect_args: dict[str, Any] = {}
    if url.get_driver_name() == "asyncpg":
        connect_args = {
            "timeout": DEFAULT_CONNECT_TIMEOUT,
            "command_timeout": DEFAULT_COMMAND_TIMEOUT,
        }
    return create_async_engine(
        url,
        connect_args=connect_args,
        pool_size=POOL_SIZE,
        max_overflow=POOL_OVERFLOW,
        pool_timeout=DEFAULT_POOL_TIMEOUT,
        pool_pre_ping=True,
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    # WAL lets readers proceed while another connection writes (claims race
    # with cache reads); the busy timeout is already set by the driver.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
