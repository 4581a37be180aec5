"""Health, readiness and metrics on their own port, the same in every mode.

- `GET /healthz`: liveness, the process answers at all;
- `GET /readyz`: 200 when every readiness check passes, else 503, with each
  check's result in the JSON body (the store, the platform connection) and
  facts an operator wants beside them (who decides claims: "redis",
  "database", or "process" when this process alone does);
- `GET /metrics`: the service's registry in Prometheus text format (`bots.metrics`).

Every mode (Slack over HTTP or Socket Mode, Discord) serves them with
`serve_health` on `DIGESTBOT_HEALTH_PORT` (8080), bound to
`DIGESTBOT_HEALTH_HOST` (127.0.0.1; the container image sets 0.0.0.0 so the
kubelet can probe) — never on the public port that receives Slack's requests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from aiohttp import web

from bots.metrics import CONTENT_TYPE_LATEST, Metrics

__all__ = [
    "HEALTH_PATH",
    "METRICS_PATH",
    "READY_PATH",
    "Checks",
    "Details",
    "add_liveness_route",
    "health_app",
    "serve_health",
]

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"

Checks = Callable[[], Awaitable[dict[str, bool]]]
"""Named readiness checks, e.g. `{"store": True, "discord": False}`."""
Details = Callable[[], dict[str, str]]
"""Facts shown beside the checks in /readyz that do not decide readiness."""


async def _alive(_: web.Request) -> web.Response:
    return web.json_response({"ok": True})


def add_liveness_route(app: web.Application) -> None:
    """Only /healthz, for a load balancer in front of a public port."""
    app.router.add_get(HEALTH_PATH, _alive)


def health_app(*, metrics: Metrics, checks: Checks, details: Details = dict) -> web.Application:
    """/healthz, /readyz (from `checks`, plus `details`) and /metrics (from `metrics`)."""

    async def readyz(_: web.Request) -> web.Response:
        results = await checks()
        ok = all(results.values())
        body: dict[str, object] = {"ok": ok, **results, **details()}
        return web.json_response(body, status=200 if ok else 503)

    async def exposition(_: web.Request) -> web.Response:
        return web.Response(
            body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app = web.Application()
    app.router.add_get(HEALTH_PATH, _alive)
    app.router.add_get(READY_PATH, readyz)
    app.router.add_get(METRICS_PATH, exposition)
    return app


@asynccontextmanager
async def serve_health(app: web.Application, *, host: str, port: int) -> AsyncIterator[None]:
    """Serve `app` on `host`:`port` for the duration of the body."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host=host, port=port).start()
        yield
    finally:
        await runner.cleanup()
