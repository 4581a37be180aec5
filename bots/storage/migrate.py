"""Bring a database to the current schema, at start-up, safely from many replicas.

Strategy (Alembic's "create from scratch, then stamp" recipe): a database with
no Alembic version is created from `schema.metadata` and stamped with the
newest revision; a database that has one is upgraded through the revisions in
`migrations/versions/`. Fresh installs therefore never replay history, and
every later schema change is one reviewed revision file.

Replicas that start together on a fresh database create the schema once: on
PostgreSQL a transaction-scoped advisory lock serialises them, on SQLite an
exclusive lock on a file beside the database (`<file>.lock`, `flock`); the
loser waits, then finds the schema current. DDL is transactional on both, so
a failed migration leaves nothing half-done.

A database already at `HEAD_REVISION` costs one read and no Alembic: Alembic's
modules are 11 MB in each process that imports them, and every start of a
replica's front and `digestbot worker` paid for them (`bench load` counts a
replica's memory against 350 MB).

New revision (after editing `schema.py`, then `HEAD_REVISION`), against a scratch database:
`command.revision(alembic_config(connection), "what changed", autogenerate=True)`
inside `connection.run_sync` — see `alembic_config`.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from bots.storage.schema import VERSION_TABLE, metadata

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Any constant unique to digestbot: the key of its PostgreSQL advisory lock.
_MIGRATION_LOCK_KEY = 0x6469676573740001
HEAD_REVISION = "0003"
"""The newest revision in `migrations/versions/` (a test checks it against Alembic's head)."""


def alembic_config(connection: Connection) -> Config:
    """An Alembic config (no ini file) whose env.py runs on `connection`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


async def migrate(engine: AsyncEngine) -> None:
    """Create or upgrade the schema in one transaction (nothing when it is current)."""
    if await _is_current(engine):
        return
    async with _sqlite_file_lock(engine), engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK_KEY}
            )
        await conn.run_sync(_create_or_upgrade)


async def _is_current(engine: AsyncEngine) -> bool:
    """True when the database says it is at `HEAD_REVISION`; False when it cannot say."""
    try:
        async with engine.connect() as conn:
            row = (await conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))).first()
    except DBAPIError:  # no version table yet; or unreachable, and `migrate` says so itself
        return False
    return row is not None and row[0] == HEAD_REVISION


@asynccontextmanager
async def _sqlite_file_lock(engine: AsyncEngine) -> AsyncIterator[None]:
    """Hold an exclusive lock beside a SQLite file for the body; nothing for other databases."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
        yield
        return
    with Path(f"{database}.lock").open("a") as handle:
        await asyncio.to_thread(fcntl.flock, handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _create_or_upgrade(connection: Connection) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    config = alembic_config(connection)
    if context.get_current_revision() is None:
        logger.info("creating the digestbot schema")
        metadata.create_all(connection)
        command.stamp(config, "head")
    else:
        command.upgrade(config, "head")
