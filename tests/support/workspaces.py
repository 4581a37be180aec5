"""What the bot's database keeps per workspace: the rows an uninstall must delete."""

from __future__ import annotations

from sqlalchemy import select

from bots.config import Settings
from bots.storage.database import create_engine, database_url
from bots.storage.schema import channel_settings, shares


async def kept_rows(settings: Settings) -> list[tuple[str, str | None]]:
    """(table, workspace) of every share and channel setting, sorted."""
    engine = create_engine(database_url(settings))
    try:
        async with engine.connect() as conn:
            kept = []
            for table in (shares, channel_settings):
                rows = await conn.execute(select(table.c.workspace))
                kept += [(table.name, row.workspace) for row in rows]
            return sorted(kept, key=str)
    finally:
        await engine.dispose()
