"""`digestbot slack [--http] [--port 3000]`: run the Slack bot until interrupted.

Settings are read and checked before anything connects, so a missing token
is one clear line, not a stack trace from deep inside a client.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from aiohttp import web

from bots import event_loop
from bots.config import Settings
from bots.health import serve_health
from bots.service import DigestService
from bots.slackbot.app import MISSING_BOT_TOKEN, SlackConfigError, build_bot
from bots.slackbot.oauth import oauth_enabled
from bots.slackbot.server import ops_app, web_app
from bots.slackbot.socket_mode import connect
from bots.slackbot.target import PLATFORM

logger = logging.getLogger(__name__)

HTTP_GRACE_SECONDS = 5.0
"""After SIGTERM, how long requests already in progress (acks) get before their sockets close."""


def run_slack(http: bool, port: int, host: str = "0.0.0.0") -> None:
    """Serve Slack over HTTP on `host`:`port` (`http`, or no app token), else Socket Mode."""
    settings = Settings()
    app_token = check_settings(settings, http=http)
    if app_token is None:
        web.run_app(
            _http_app(settings),
            host=host,
            port=port,
            print=None,
            shutdown_timeout=HTTP_GRACE_SECONDS,
            loop=event_loop.new_event_loop(),
        )
    else:
        event_loop.run(_socket_mode(settings, app_token))


def check_settings(settings: Settings, *, http: bool) -> str | None:
    """Fail fast on missing tokens; the app token when Socket Mode is to be used, else None.

    OAuth (several workspaces) needs no bot token but always serves HTTP, since
    installs arrive at `/slack/install` and `/slack/oauth_redirect`.
    """
    multi = oauth_enabled(settings)
    if settings.slack_bot_token is None and not multi:
        raise SlackConfigError(MISSING_BOT_TOKEN)
    if not http and not multi and settings.slack_app_token is not None:
        return settings.slack_app_token.get_secret_value()
    secret = settings.slack_signing_secret
    if secret is None or not secret.get_secret_value().strip():  # "" would verify nothing
        raise SlackConfigError(
            "Set SLACK_APP_TOKEN (xapp-…) for Socket Mode, "
            "or SLACK_SIGNING_SECRET for HTTP mode (--http)"
        )
    return None


async def _started_service(settings: Settings) -> DigestService:
    """The service; with the durable queue this process only acks, so no idle workers."""
    service = DigestService(settings, platform=PLATFORM)
    await service.start(workers_on_demand=settings.queue == "redis")
    return service


async def _http_app(settings: Settings) -> web.Application:
    service = await _started_service(settings)
    bot = build_bot(settings, service)
    await bot.prime()
    app = web_app(bot)

    async def health(_: web.Application) -> AsyncIterator[None]:
        async with serve_health(ops_app(bot), host=settings.health_host, port=settings.health_port):
            yield

    async def close_service(_: web.Application) -> None:
        await service.close()

    app.cleanup_ctx.append(health)
    app.on_cleanup.append(close_service)
    logger.info("Slack bot serving HTTP")
    return app


async def _socket_mode(settings: Settings, app_token: str) -> None:
    service = await _started_service(settings)
    bot = build_bot(settings, service)
    await bot.prime()
    handler = await connect(bot, app_token)
    logger.info("Slack bot connected in Socket Mode")
    try:
        async with serve_health(ops_app(bot), host=settings.health_host, port=settings.health_port):
            await asyncio.Event().wait()
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]  # untyped in slack-bolt
        await bot.close()
        await service.close()
