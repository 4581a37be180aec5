"""What the bots remember: digest cache, channel settings, claims, share history.

The bots run on `ResilientStore(settings)` (`resilient.py`): it connects to
`DIGESTBOT_DATABASE_URL` (a SQLite file in the data directory by default),
brings the schema up to date, and keeps trying in the background while the
database is away. Claims (`claims.py`) go to Redis when `DIGESTBOT_REDIS_URL`
is set and to the database once it is open. `open_store(settings)` opens a
`SqlStore` once, or raises `StoreUnavailable` (commands, tests).
"""

from __future__ import annotations

import logging

from bots.config import Settings
from bots.storage.base import DEFAULT_DIGEST_TTL, Share, Store, StoreUnavailable
from bots.storage.database import create_engine, database_url, redact
from bots.storage.failures import unavailable_on_failure
from bots.storage.migrate import migrate
from bots.storage.redis_layer import RedisLayer
from bots.storage.slack_oauth import SlackOAuthStores, slack_oauth_stores
from bots.storage.sql_store import Clock, SqlStore, utc_now

__all__ = [
    "DEFAULT_DIGEST_TTL",
    "Share",
    "SlackOAuthStores",
    "SqlStore",
    "Store",
    "StoreUnavailable",
    "open_store",
    "slack_oauth_stores",
]

logger = logging.getLogger(__name__)


async def open_store(settings: Settings, *, clock: Clock = utc_now) -> SqlStore:
    """A migrated, ready store for `settings`; `StoreUnavailable` if the database is down.

    `clock` (aware UTC datetimes) decides cache and claim expiry in the
    database; tests pass a fake one. Redis expiry always runs on Redis's clock.
    """
    url = database_url(settings)
    engine = create_engine(url)
    redis = RedisLayer(settings.redis_url) if settings.redis_url else None
    store = SqlStore(engine, redis=redis, clock=clock)
    try:
        async with unavailable_on_failure(f"database {redact(url)}"):
            await migrate(engine)
        purged = await store.purge_expired()
    except StoreUnavailable:
        await store.close()
        raise
    logger.info(
        "store ready: %s%s (%d expired rows purged)",
        redact(url),
        f", redis {redact(settings.redis_url)}" if settings.redis_url else "",
        purged,
    )
    return store
