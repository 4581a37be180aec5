"""HTTP mode: Slack's requests on `POST /slack/events`, a health check on `GET /healthz`.

Events, slash commands and shortcuts share one path; Bolt checks each
request's signature and timestamp (`SLACK_SIGNING_SECRET`, 5-minute window)
and answers 401 before any listener runs. Stateless apart from the store, so
replicas scale out behind a load balancer.
"""

from __future__ import annotations

from aiohttp import web

from bots.slackbot.app import SlackBot

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"


def web_app(bot: SlackBot) -> web.Application:
    """An aiohttp application serving `bot`; cleanup waits for running digests."""
    app = bot.app.web_app(path=EVENTS_PATH)
    app.router.add_get(HEALTH_PATH, _healthz)

    async def drain(_: web.Application) -> None:
        await bot.close()

    app.on_cleanup.append(drain)
    return app


async def _healthz(_: web.Request) -> web.Response:
    return web.json_response({"ok": True})
