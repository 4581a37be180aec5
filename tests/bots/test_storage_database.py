"""Choosing and reaching the database, migrating it, and failing fast when it is down."""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Insert, column, insert, table, text
from sqlalchemy.engine import make_url

import bots.storage
from bots.config import Settings
from bots.storage import Share, SqlStore, StoreUnavailable, open_store
from bots.storage.database import create_engine, database_url, redact
from bots.storage.failures import Breaker
from bots.storage.migrate import HEAD_REVISION, MIGRATIONS_DIR, alembic_config, migrate
from bots.storage.resilient import ResilientStore
from bots.storage.schema import VERSION_TABLE, metadata
from summarizer.models import Digest
from tests.support.store_servers import fresh_postgres_database, store_database

PASSWORD = "s3cret-Pw"
HANG_GUARD = 30  # seconds: only a hang trips it; the timeouts under test are a few seconds


def test_public_names_are_pinned() -> None:
    expected = "DEFAULT_DIGEST_TTL Share SlackOAuthStores SqlStore Store StoreUnavailable"
    assert sorted(bots.storage.__all__) == sorted(
        [*expected.split(), "open_store", "slack_oauth_stores"]
    )


def test_default_database_is_a_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    data_dir = tmp_path / "not" / "yet"

    url = database_url(Settings(DIGESTBOT_DATA_DIR=data_dir))

    assert url.drivername == "sqlite+aiosqlite"
    assert url.database == str(data_dir / "digestbot.sqlite3")
    assert data_dir.is_dir()


@pytest.mark.parametrize(
    ("configured", "driver"),
    [
        ("postgresql://bot@db:5432/digestbot", "postgresql+asyncpg"),
        ("postgres://bot@db/digestbot", "postgresql+asyncpg"),
        ("postgresql+asyncpg://bot@db/digestbot", "postgresql+asyncpg"),
        ("postgresql+psycopg://bot@db/digestbot", "postgresql+psycopg"),
        ("sqlite:///{tmp}/bot.db", "sqlite+aiosqlite"),
    ],
)
def test_plain_urls_get_the_async_driver(tmp_path: Path, configured: str, driver: str) -> None:
    settings = Settings(DIGESTBOT_DATABASE_URL=configured.format(tmp=tmp_path))

    assert database_url(settings).drivername == driver


def test_a_malformed_url_is_refused_without_echoing_it() -> None:
    settings = Settings(DIGESTBOT_DATABASE_URL=f"bot:{PASSWORD}@db/digestbot")

    with pytest.raises(ValueError, match="DIGESTBOT_DATABASE_URL") as caught:
        database_url(settings)

    assert PASSWORD not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [f"postgresql+asyncpg://bot:{PASSWORD}@db:5432/digestbot", f"redis://:{PASSWORD}@cache:6379/0"],
)
def test_redact_hides_the_password(url: str) -> None:
    shown = redact(url)

    assert PASSWORD not in shown
    assert "***" in shown


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def silent_port() -> AsyncIterator[int]:
    """A loopback server that accepts connections and never says a word."""

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()
        writer.close()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    yield int(server.sockets[0].getsockname()[1])
    server.close()


@pytest.mark.parametrize("kind", ["refused", "silent"])
async def test_open_store_on_a_database_that_is_down_raises_store_unavailable(
    kind: str, silent_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    port = silent_port if kind == "silent" else closed_port()
    url = f"postgresql://bot:{PASSWORD}@127.0.0.1:{port}/digestbot"
    caplog.set_level(logging.DEBUG)

    with pytest.raises(StoreUnavailable) as caught:
        await asyncio.wait_for(open_store(Settings(DIGESTBOT_DATABASE_URL=url)), HANG_GUARD)

    assert f"127.0.0.1:{port}" in str(caught.value)
    assert PASSWORD not in str(caught.value)
    assert PASSWORD not in caplog.text


T0 = datetime(2026, 3, 1, tzinfo=UTC)
STORE_CALLS: dict[str, Callable[[SqlStore], Awaitable[object]]] = {
    "get_digest": lambda s: s.get_digest("https://example.com/"),
    "put_digest": lambda s: s.put_digest("https://example.com/", Digest(tldr="x", key_points=[])),
    "get_channel_setting": lambda s: s.get_channel_setting("slack", "C1", "auto"),
    "get_channel_settings": lambda s: s.get_channel_settings("slack", "C1"),
    "set_channel_setting": lambda s: s.set_channel_setting("slack", "C1", "auto", "on"),
    "claim": lambda s: s.claim("event", ttl=timedelta(minutes=1)),
    "record_share": lambda s: s.record_share(Share("slack", "C1", "https://example.com/", T0)),
    "last_share": lambda s: s.last_share("slack", "C1", "https://example.com/", since=T0),
    "last_share_of": lambda s: s.last_share_of("slack", "C1", ["https://example.com/"], since=T0),
    "shares": lambda s: s.shares("slack", "C1", since=T0, until=T0),
    "purge_expired": lambda s: s.purge_expired(),
}


@pytest.mark.parametrize("call", STORE_CALLS.values(), ids=STORE_CALLS.keys())
async def test_every_method_raises_store_unavailable_when_the_database_goes_away(
    call: Callable[[SqlStore], Awaitable[object]],
) -> None:
    engine = create_engine(make_url(f"postgresql+asyncpg://bot@127.0.0.1:{closed_port()}/x"))
    store = SqlStore(engine)
    try:
        with pytest.raises(StoreUnavailable):
            await asyncio.wait_for(call(store), HANG_GUARD)
    finally:
        await store.close()


@pytest.mark.parametrize("kind", ["refused", "silent"])
async def test_without_redis_claims_and_the_cache_fall_back_to_the_database(
    kind: str, silent_port: int, tmp_path: Path
) -> None:
    port = silent_port if kind == "silent" else closed_port()
    settings = Settings(
        DIGESTBOT_DATA_DIR=tmp_path, DIGESTBOT_REDIS_URL=f"redis://127.0.0.1:{port}/0"
    )
    store = ResilientStore(settings)
    await store.start()
    digest = Digest(tldr="Still cached.", key_points=["In the database."])
    try:
        claim = store.claim("event", ttl=timedelta(minutes=1))
        assert await asyncio.wait_for(claim, HANG_GUARD) is True
        assert store.claims.authority == "database"
        await asyncio.wait_for(store.put_digest("https://example.com/", digest), HANG_GUARD)
        assert await store.get_digest("https://example.com/") == digest
    finally:
        await store.close()


@pytest.fixture(params=["sqlite", "postgres"])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with store_database(request.param, tmp_path) as url:
        yield url


def _schema_state(connection: Connection) -> tuple[str | None, list[object]]:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision(), compare_metadata(context, metadata)


async def test_migration_creates_the_schema_once_and_stamps_the_newest_revision(
    database: str,
) -> None:
    engine = create_engine(database_url(Settings(DIGESTBOT_DATABASE_URL=database)))
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    try:
        await migrate(engine)
        await migrate(engine)
        async with engine.connect() as conn:
            revision, differences = await conn.run_sync(_schema_state)
    finally:
        await engine.dispose()

    assert revision == head
    assert differences == []


def test_the_head_revision_constant_is_alembics_head() -> None:
    assert ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head() == HEAD_REVISION


async def test_a_current_database_starts_without_importing_alembic(database: str) -> None:
    """Alembic is 11 MB per process; only a start that must create or upgrade loads it."""
    engine = create_engine(database_url(Settings(DIGESTBOT_DATABASE_URL=database)))
    try:
        await migrate(engine)
    finally:
        await engine.dispose()
    script = (
        "import asyncio, sys\n"
        "from bots.config import Settings\n"
        "from bots.storage.database import create_engine, database_url\n"
        "from bots.storage.migrate import migrate\n"
        f"engine = create_engine(database_url(Settings(DIGESTBOT_DATABASE_URL={database!r})))\n"
        "asyncio.run(migrate(engine))\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


async def test_replicas_starting_together_migrate_once(tmp_path: Path) -> None:
    async with fresh_postgres_database() as url:
        settings = Settings(DIGESTBOT_DATA_DIR=tmp_path, DIGESTBOT_DATABASE_URL=url)
        stores = await asyncio.gather(*(open_store(settings) for _ in range(4)))
        for store in stores:
            await store.close()
        engine = create_engine(database_url(settings))
        async with engine.connect() as conn:
            versions = (await conn.execute(text(f"SELECT * FROM {VERSION_TABLE}"))).all()
        await engine.dispose()

    assert len(versions) == 1


async def test_the_password_never_reaches_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with fresh_postgres_database() as url:
        # The test server trusts loopback, so any password is accepted.
        with_password = make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)
        store = await open_store(
            Settings(DIGESTBOT_DATA_DIR=tmp_path, DIGESTBOT_DATABASE_URL=with_password)
        )
        await store.close()

    assert "store ready" in caplog.text
    assert PASSWORD not in caplog.text


async def test_a_failed_store_is_left_alone_for_a_while_then_tried_again() -> None:
    now = [100.0]
    breaker = Breaker("database x", rest_seconds=5.0, monotonic=lambda: now[0])
    attempts: list[bool] = []

    async def call(*, fail: bool) -> None:
        async with breaker.attempt():
            attempts.append(fail)
            if fail:
                raise ConnectionRefusedError("nobody home")

    with pytest.raises(StoreUnavailable, match="ConnectionRefusedError"):
        await call(fail=True)
    with pytest.raises(StoreUnavailable, match="moments ago"):
        await call(fail=False)
    now[0] += 5.1
    await call(fail=False)

    assert attempts == [True, False]


def _downgrade_to(connection: Connection, revision: str) -> None:
    command.downgrade(alembic_config(connection), revision)


async def test_the_workspace_migration_keeps_existing_rows(database: str) -> None:
    engine = create_engine(database_url(Settings(DIGESTBOT_DATABASE_URL=database)))
    share = {"platform": "slack", "channel": "C1", "url": "https://example.com/a",
             "url_key": "k", "shared_at": datetime.now(UTC), "ok": True}  # fmt: skip
    setting = {"platform": "slack", "channel": "C1", "key": "auto", "value": "off",
               "updated_at": datetime.now(UTC)}  # fmt: skip
    try:
        await migrate(engine)
        async with engine.begin() as conn:
            await conn.run_sync(_downgrade_to, "0002")  # the schema before workspaces
            await conn.execute(_insert("shares", share))
            await conn.execute(_insert("channel_settings", setting))
        await migrate(engine)
        async with engine.connect() as conn:
            revision, differences = await conn.run_sync(_schema_state)
            kept = (await conn.execute(text("SELECT channel, workspace FROM shares"))).all()
            settings = (
                await conn.execute(text("SELECT value, workspace FROM channel_settings"))
            ).all()
    finally:
        await engine.dispose()

    assert (revision, differences) == (ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head(), [])
    assert [tuple(row) for row in kept] == [("C1", None)]
    assert [tuple(row) for row in settings] == [("off", None)]


def _insert(name: str, row: dict[str, object]) -> Insert:
    """An INSERT by table name alone: the metadata already describes the newer schema."""
    return insert(table(name, *(column(key) for key in row))).values(row)
