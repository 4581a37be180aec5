"""How long digestbot keeps what it stores, enforced by one replica at a time.

Cached digests live `DIGESTBOT_DIGEST_RETENTION_DAYS` (7): that is their TTL
when stored. Shares — who shared which link in which channel — live
`DIGESTBOT_SHARE_RETENTION_DAYS` (30): roundups and "already summarised here"
need them for days, not forever. Claims live minutes to a day.

Every `PURGE_EVERY` each process tries to claim that period's purge; the one
that wins deletes expired digests and claims and shares past their retention.
`digestbot purge` runs the same purge at once.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from bots.config import Settings
from bots.storage.base import StoreUnavailable
from bots.storage.resilient import ResilientStore
from bots.storage.sql_store import SqlStore

logger = logging.getLogger(__name__)

PURGE_EVERY = timedelta(hours=1)


def digest_ttl(settings: Settings) -> timedelta:
    """How long a cached digest is kept."""
    return timedelta(days=settings.digest_retention_days)


def share_cutoff(settings: Settings, now: datetime) -> datetime:
    """Shares older than this are forgotten."""
    return now - timedelta(days=settings.share_retention_days)


async def purge(store: SqlStore, settings: Settings, now: datetime) -> dict[str, int]:
    """Apply the retention settings now; rows removed, by kind."""
    return {
        "expired digests and claims": await store.purge_expired(),
        "shares": await store.purge_shares(before=share_cutoff(settings, now)),
    }


async def purge_periodically(store: ResilientStore, settings: Settings) -> None:
    """Until cancelled: each period, the replica that claims it purges."""
    period = PURGE_EVERY.total_seconds()
    while True:  # opening the store purged expired rows: the first purge is at the next period
        await asyncio.sleep(period - datetime.now(UTC).timestamp() % period)
        now = datetime.now(UTC)
        await purge_once(store, settings, now, slot=int(now.timestamp() // period))


async def purge_once(
    store: ResilientStore, settings: Settings, now: datetime, *, slot: int
) -> bool:
    """Purge if this replica wins `slot`'s claim; whether it purged."""
    if not await store.claim(f"retention:purge:{slot}", ttl=PURGE_EVERY):
        return False
    try:
        removed = await store.with_database(lambda sql: purge(sql, settings, now))
    except StoreUnavailable as exc:
        logger.warning("retention purge skipped: %s", exc)
        return False
    logger.info("retention purge: %s", removed)
    return True
