"""Health, readiness and metrics endpoints, the same for every bot process.

- `GET /healthz`: liveness, the process answers at all;
- `GET /readyz`: 200 when every readiness check passes, else 503, with each
  check's result in the JSON body (the store, the platform connection);
- `GET /metrics`: the service's registry in Prometheus text format (`bots.metrics`).

The Slack HTTP app adds these routes to the app that receives Slack's
requests; the Discord process, which has no HTTP of its own, serves them on
`DIGESTBOT_HEALTH_PORT` with `serve_health`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from aiohttp import web

from bots.metrics import CONTENT_TYPE_LATEST, Metrics

__all__ = ["HEALTH_PATH", "METRICS_PATH", "READY_PATH", "Checks", "add_health_routes"]

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"

Checks = Callable[[], Awaitable[dict[str, bool]]]
"""Named readiness checks, e.g. `{"store": True, "discord": False}`."""


def add_health_routes(app: web.Application, *, metrics: Metrics, checks: Checks) -> None:
    """Serve /healthz, /readyz (from `checks`) and /metrics (from `metrics`) on `app`."""

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def readyz(_: web.Request) -> web.Response:
        results = await checks()
        ok = all(results.values())
        return web.json_response({"ok": ok, **results}, status=200 if ok else 503)

    async def exposition(_: web.Request) -> web.Response:
        return web.Response(
            body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    app.router.add_get(HEALTH_PATH, healthz)
    app.router.add_get(READY_PATH, readyz)
    app.router.add_get(METRICS_PATH, exposition)


@asynccontextmanager
async def serve_health(app: web.Application, *, port: int) -> AsyncIterator[None]:
    """Serve `app` on every interface at `port` (probes come from the kubelet) for the body."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, port=port).start()
        yield
    finally:
        await runner.cleanup()
