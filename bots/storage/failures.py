"""One place where driver and network errors become `StoreUnavailable`.

Only failures of the store itself are translated (server unreachable, timed
out, refused the statement, connection lost); programming errors such as a
naive datetime still surface as themselves. The message names the redacted
target and the error type, never a password or the statement's parameters.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bots.storage.base import StoreUnavailable

logger = logging.getLogger(__name__)

STORE_FAILURES = (DBAPIError, PoolTimeout, RedisError, OSError, TimeoutError)


@asynccontextmanager
async def unavailable_on_failure(target: str) -> AsyncIterator[None]:
    """Re-raise store failures inside the block as `StoreUnavailable` naming `target`."""
    try:
        yield
    except STORE_FAILURES as exc:
        logger.debug("store call failed at %s", target, exc_info=True)
        raise StoreUnavailable(f"{target} unavailable ({type(exc).__name__})") from exc
