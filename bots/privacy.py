"""`digestbot purge` and `digestbot export`: retention now, and what is kept about a channel.

Both open the configured database once (no bot runs) and close it again; the
database being away is one line and exit status 1.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, TypeVar

from bots.config import Settings
from bots.retention import purge
from bots.storage import SqlStore, open_store

_T = TypeVar("_T")


async def _on_store(settings: Settings, call: Callable[[SqlStore], Awaitable[_T]]) -> _T:
    store = await open_store(settings)
    try:
        return await call(store)
    finally:
        await store.close()


async def purge_now(
    settings: Settings, *, platform: str, channel: str | None = None
) -> dict[str, int]:
    """Retention now; with `channel`, also everything kept about that channel."""

    async def run(store: SqlStore) -> dict[str, int]:
        removed = await purge(store, settings, datetime.now(UTC))
        if channel is not None:
            removed[f"{platform} channel {channel}"] = await store.forget_channels(
                platform, [channel]
            )
        return removed

    return await _on_store(settings, run)


async def export_channel(settings: Settings, *, platform: str, channel: str) -> dict[str, Any]:
    """The channel's settings and shares, JSON-ready (times in ISO 8601, UTC)."""
    exported = await _on_store(settings, lambda store: store.channel_export(platform, channel))
    exported["shares"] = [
        {**asdict(share), "shared_at": share.shared_at.isoformat()} for share in exported["shares"]
    ]
    return exported
