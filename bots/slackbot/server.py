"""HTTP mode: Slack's requests on `POST /slack/events`; health, readiness and metrics apart.

Events, slash commands and shortcuts share one path; Bolt checks each
request's signature and timestamp (`SLACK_SIGNING_SECRET`, 5-minute window)
and answers 401 before any listener runs. Stateless apart from the store, so
replicas scale out behind a load balancer.

The public port also answers `GET /healthz` (liveness, for a load balancer);
`ops_app(bot)` is the health server's app (`bots.health`, on
`DIGESTBOT_HEALTH_PORT`): /healthz, /readyz (the store answers and Slack
accepts our token) and /metrics.

Every Slack request's answer carries `Server-Timing: ack;dur=MS`, the time
this process spent handling it, and runs in a `request_scope` (the load balancer's `X-Request-Id`
when it is a plain token, else a new one), so its log lines and those of the
jobs it starts share an id. On shutdown (aiohttp turns SIGTERM into a graceful
exit: the listener closes, requests in progress finish) running digests get
`DIGESTBOT_SHUTDOWN_SECONDS` to be posted; whatever is left then is cancelled.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time

from aiohttp import ClientError, web
from aiohttp.typedefs import Handler, Middleware
from slack_sdk.errors import SlackApiError

from bots.health import HEALTH_PATH, METRICS_PATH, READY_PATH, add_liveness_route, health_app
from bots.jobs import finish_within
from bots.logs import request_scope
from bots.slackbot.app import SlackBot
from bots.slackbot.replays import timestamp_is_malformed

logger = logging.getLogger(__name__)

__all__ = ["EVENTS_PATH", "HEALTH_PATH", "METRICS_PATH", "READY_PATH", "ops_app", "web_app"]

EVENTS_PATH = "/slack/events"
SLACK_CHECK_SECONDS = 60.0
"""How long a successful `auth.test` counts, so probes don't spend Slack's rate limit."""
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
ADMITTED = 32
"""Slack requests handled at once; the others wait their turn, first come first served.

Measured with `bench load` (5,000 commands from 500 senders, one replica): with
every request admitted, 500 handlers shared the loop, a Redis reply waited behind
all of them for longer than its 2 s timeout, the replay claims fell back to the
database and some queue puts to running the job here — ack p99 3.7 s with a
median of 1.0 s. Admitted in turn, each request's Redis calls are answered while
the others wait cheaply."""


def web_app(bot: SlackBot) -> web.Application:
    """An aiohttp application serving `bot`; cleanup waits (bounded) for running digests."""
    app = bot.app.web_app(path=EVENTS_PATH)
    app.middlewares.append(_request_context(bot))
    add_liveness_route(app)

    async def drain(_: web.Application) -> None:
        await finish_within(bot.close(), bot.service.settings.shutdown_seconds)

    app.on_cleanup.append(drain)
    return app


def ops_app(bot: SlackBot) -> web.Application:
    """The health server's app for `bot`: liveness, readiness, metrics."""
    service = bot.service

    def details() -> dict[str, str]:
        return {"claims": service.claims_authority}

    return health_app(metrics=service.metrics, checks=_Readiness(bot).checks, details=details)


def _request_context(bot: SlackBot) -> Middleware:
    turns = asyncio.Semaphore(ADMITTED)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        given = request.headers.get("X-Request-Id", "")
        with request_scope(given if _REQUEST_ID.fullmatch(given) else None):
            if request.path != EVENTS_PATH:
                return await handler(request)
            if timestamp_is_malformed(request.headers.get("X-Slack-Request-Timestamp")):
                return web.Response(status=401, text="invalid request")
            started = time.perf_counter()
            with bot.service.metrics.stage("ack"):
                async with turns:
                    response = await handler(request)
            # The standard Server-Timing header: a load test can tell the server's own
            # handling from time spent queued in the network and the client.
            elapsed_ms = (time.perf_counter() - started) * 1000
            response.headers["Server-Timing"] = f"ack;dur={elapsed_ms:.1f}"
            return response

    return middleware


class _Readiness:
    """Store reachable and Slack connected; a good Slack answer is remembered for a minute."""

    def __init__(self, bot: SlackBot) -> None:
        self._bot = bot
        self._slack_ok_until = 0.0

    async def checks(self) -> dict[str, bool]:
        service = self._bot.service
        return {
            "store": await service.store_ready(),
            "workers": service.pool_ready(),
            "slack": await self._slack(),
        }

    async def _slack(self) -> bool:
        client = self._bot.app.client
        if client.token is None or time.monotonic() < self._slack_ok_until:
            return True  # multi-workspace: bolt checks each workspace's token per request
        try:
            await client.auth_test()
        except (SlackApiError, ClientError, TimeoutError) as exc:
            logger.warning("Slack not ready: %s", exc)
            return False
        self._slack_ok_until = time.monotonic() + SLACK_CHECK_SECONDS
        return True
