"""One place where driver and network errors become `StoreUnavailable`, quickly.

Only failures of the store itself are translated (server unreachable, timed
out, refused the statement, connection lost); programming errors such as a
naive datetime still surface as themselves. The message names the redacted
target and the error type, never a password or the statement's parameters.

A `Breaker` also remembers a failure for a few seconds: while it rests, calls
fail at once instead of each waiting out a connect timeout against a server
that is known to be down, so a burst of chat events degrades in milliseconds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bots.storage.base import StoreUnavailable

logger = logging.getLogger(__name__)

STORE_FAILURES = (DBAPIError, PoolTimeout, RedisError, OSError, TimeoutError)
DEFAULT_REST_SECONDS = 5.0


@asynccontextmanager
async def unavailable_on_failure(target: str) -> AsyncIterator[None]:
    """Re-raise store failures inside the block as `StoreUnavailable` naming `target`."""
    try:
        yield
    except STORE_FAILURES as exc:
        logger.debug("store call failed at %s", target, exc_info=True)
        raise StoreUnavailable(f"{target} unavailable ({type(exc).__name__})") from exc


class Breaker:
    """Fails calls to `target` at once for `rest_seconds` after one has failed."""

    def __init__(
        self,
        target: str,
        *,
        rest_seconds: float = DEFAULT_REST_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.target = target
        self._rest_seconds = rest_seconds
        self._monotonic = monotonic
        self._resting_until = float("-inf")

    @asynccontextmanager
    async def attempt(self) -> AsyncIterator[None]:
        """Run the block unless resting; store failures become `StoreUnavailable`."""
        if self._monotonic() < self._resting_until:
            raise StoreUnavailable(f"{self.target} unavailable (failed moments ago)")
        try:
            async with unavailable_on_failure(self.target):
                yield
        except StoreUnavailable:
            self._resting_until = self._monotonic() + self._rest_seconds
            raise
