"""Signed requests count once: a replay of a signed body inside Slack's window is dropped.

Bolt checks the signature and that the timestamp is within 5 minutes, but a
request captured in flight (a proxy log, a shared HAR file) verifies again for
those 5 minutes, and each replay of a `/summarize` gave one more digest. The
signature covers the timestamp and the body, so two genuine requests never
share one: the first to claim it (in the store, across replicas) is served,
and a replay is acknowledged with an empty 200 and nothing else happens.
Socket Mode requests carry no signature and are not affected.

Bolt reads the timestamp header with `int()`, so a malformed one raised and
answered 500; `timestamp_is_malformed` lets the HTTP server answer 401 first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import timedelta

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bots.service import DigestService

__all__ = ["REPLAY_WINDOW", "ReplayGuard", "timestamp_is_malformed"]

logger = logging.getLogger(__name__)

REPLAY_WINDOW = timedelta(minutes=5)
"""Bolt refuses timestamps older than this, so a claim need not outlive it."""
_TIMESTAMP = re.compile(r"[0-9]{1,12}")


def timestamp_is_malformed(value: str | None) -> bool:
    """True for an `X-Slack-Request-Timestamp` that is present but not a plain number."""
    return value is not None and not _TIMESTAMP.fullmatch(value)


class ReplayGuard(AsyncMiddleware):
    """A Bolt middleware (it runs after signature verification) that serves a signature once.

    A class rather than a decorated function: Bolt builds every injectable argument
    (the command, the event, the action, a client…) for each call of a function
    middleware, 3–4 % of the front's CPU per ack in `bench load`; a class's
    `async_process` gets the request as it is.
    """

    def __init__(self, service: DigestService) -> None:
        self._service = service

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],  # Bolt's name for it
    ) -> BoltResponse:
        signature = (req.headers.get("x-slack-signature") or [""])[0]
        claim = self._service.channels.claim_request
        if signature and not await claim(f"slack-signature:{signature}", ttl=REPLAY_WINDOW):
            logger.warning("replayed Slack request dropped")
            return BoltResponse(status=200, body="")
        return await next()
