"""Two guards around discord.py: a gateway payload it chokes on, and failed REST calls.

discord.py parses each gateway event with `ConnectionState.parsers[EVENT]`;
an exception there ends the shard's worker and with it the whole client
(the process exited with a traceback on one unexpected payload).
`guard_parsers` wraps every parser so such an event is logged (event name and
error, not the payload, which holds users' messages) and skipped.

`count_api_errors` wraps the REST client's one request method, so every
failed Discord API call is counted in /metrics (`digestbot_api_errors_total`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import aiohttp
import discord

from bots.metrics import Metrics

log = logging.getLogger(__name__)


gateway_payload: ContextVar[dict[str, Any] | None] = ContextVar("gateway_payload", default=None)
"""The raw payload of the gateway event being handled: what a durable job carries.

Set while discord.py parses the event; the tasks it starts for the event's
handlers copy the context then, so each handler sees its own event's payload.
"""


def guard_parsers(parsers: dict[str, Callable[[Any], None]]) -> None:
    """Make each gateway event parser log and skip a payload it cannot handle."""
    for event, parse in list(parsers.items()):
        parsers[event] = _guarded(event, parse)


def _guarded(event: str, parse: Callable[[Any], None]) -> Callable[[Any], None]:
    @functools.wraps(parse)
    def guarded(data: Any) -> None:
        token = gateway_payload.set(data)
        try:
            parse(data)
        except Exception as exc:
            log.error("skipped a %s gateway event discord.py could not parse: %r", event, exc)
        finally:
            gateway_payload.reset(token)

    return guarded


def count_api_errors(http: discord.http.HTTPClient, metrics: Metrics) -> None:
    """Count each failed REST call in `metrics`, by HTTP status or error type."""
    request = http.request

    @functools.wraps(request)
    async def counted(route: discord.http.Route, **kwargs: Any) -> Any:
        try:
            return await request(route, **kwargs)
        except discord.HTTPException as exc:
            metrics.api_error(f"http_{exc.status}")
            raise
        except (aiohttp.ClientError, OSError) as exc:
            metrics.api_error(type(exc).__name__)
            raise

    http.request = counted  # type: ignore[method-assign]
