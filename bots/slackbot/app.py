"""The Bolt app: one Web API client, the listeners, and the jobs behind them.

`build_bot(settings, service)` gives a `SlackBot` that either transport
(`server.py` for HTTP, `socket.py` for Socket Mode) can serve.

The app runs with `process_before_response=True`: a listener's HTTP answer
waits for the listener, so every listener only acknowledges and spawns a job
(never reads an article itself). That keeps the ack far inside Slack's 3 s and
means a job exists before Slack hears "ok", so shutdown can wait for it.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from aiohttp import ClientError, ClientSession
from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.authorization.async_single_team_authorization import (
    AsyncSingleTeamAuthorization,
)
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    async_default_handlers,
)
from slack_sdk.web.async_client import AsyncWebClient

from bots.answers import AnswerPolicy
from bots.config import ConfigError, Settings
from bots.job_queue import durable_queue
from bots.jobs import Jobs
from bots.roundup_schedule import RoundupScheduler
from bots.service import DigestService
from bots.slackbot.actions import register_actions
from bots.slackbot.api_errors import ApiErrorCounter
from bots.slackbot.commands import register_commands
from bots.slackbot.deps import Deps
from bots.slackbot.events import register_events
from bots.slackbot.home import register_home
from bots.slackbot.oauth import oauth_settings, oauth_stores
from bots.slackbot.replays import ReplayGuard
from bots.slackbot.replies import Poster
from bots.slackbot.roundups import start_roundups
from bots.slackbot.unfurl import register_unfurl
from bots.slackbot.uninstall import register_uninstall
from bots.storage.slack_oauth import SlackOAuthStores

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
RATE_LIMIT_RETRIES = 5
"""429s in a row we sit out (each for its Retry-After) before giving up on a call."""
PRIME_SECONDS = 10.0
"""How long a start waits for Slack's `auth.test` before serving without its answer."""
MISSING_BOT_TOKEN = "SLACK_BOT_TOKEN is not set (the xoxb-… token of your Slack app)"


class SlackConfigError(ConfigError):
    """A Slack setting is missing; the message names the environment variable."""


@dataclass(frozen=True, slots=True)
class SlackBot:
    """The Bolt app with the service behind it and what it needs to shut down cleanly."""

    app: AsyncApp
    jobs: Jobs
    service: DigestService
    roundups: RoundupScheduler | None = None
    oauth: SlackOAuthStores | None = None

    async def prime(self) -> None:
        """Ask Slack who we are once, before the first request, instead of once per early request.

        Bolt's single-workspace authorization calls `auth.test` on a request while it
        has no answer yet and keeps the first answer: a burst right after a start sent
        one `auth.test` per concurrent request (500 in `bench load`'s 5,000-request run,
        each a new HTTPS connection on the loop that acks — 12 % of the front's CPU in
        that run's profile, and a herd Slack rate-limits). An error here is logged and
        leaves Bolt's own lazy call in place; a Slack that does not answer delays the
        start by at most `PRIME_SECONDS`.
        """
        for middleware in getattr(self.app, "_async_middleware_list", []):
            if isinstance(middleware, AsyncSingleTeamAuthorization):
                try:
                    async with asyncio.timeout(PRIME_SECONDS):
                        middleware.auth_test_result = await self.app.client.auth_test()
                except (SlackApiError, ClientError, TimeoutError) as exc:
                    logger.warning("auth.test before serving failed: %s", exc)

    async def close(self) -> None:
        """Stop scheduled roundups; let every started digest finish; close the OAuth stores."""
        if self.roundups is not None:
            await self.roundups.stop()
        await self.jobs.drain()
        await self.jobs.close()
        if self.oauth is not None:
            await self.oauth.installation_store.engine.dispose()
        await close_session(self.app.client)


async def close_session(client: AsyncWebClient) -> None:
    """Close the aiohttp session `api_client` gave `client` (at shutdown)."""
    if client.session is not None:
        await client.session.close()


def build_client(settings: Settings) -> AsyncWebClient:
    """The Web API client of `SLACK_BOT_TOKEN` (single-workspace mode)."""
    if settings.slack_bot_token is None:
        raise SlackConfigError(MISSING_BOT_TOKEN)
    return api_client(settings, settings.slack_bot_token.get_secret_value())


def api_client(
    settings: Settings, token: str | None, *, session: ClientSession | None = None
) -> AsyncWebClient:
    """A Web API client that waits out 429s and talks to `SLACK_API_URL` when set.

    In OAuth mode `token` is None: Bolt copies this client for each request
    (base URL, retries, session) with the token of the request's workspace.

    Every client of a process shares one aiohttp session (`session`, else a new
    one this process closes with the bot): without one, slack-sdk opens a
    session — a connection pool, and for slack.com a TLS handshake — per call,
    and closes it again.
    """
    base_url = settings.slack_api_url or DEFAULT_API_URL
    return AsyncWebClient(
        token=token,
        session=session or ClientSession(),
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        retry_handlers=[
            *async_default_handlers(),
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ],
    )


def build_bot(settings: Settings, service: DigestService) -> SlackBot:
    """The Bolt app with every listener attached, ready to be served.

    With `SLACK_CLIENT_ID`/`SLACK_CLIENT_SECRET` it serves any workspace that
    installed it (`oauth.py`); otherwise the one workspace of `SLACK_BOT_TOKEN`.
    """
    stores = oauth_stores(settings)
    client = api_client(settings, None) if stores else build_client(settings)
    secret = settings.slack_signing_secret
    app = AsyncApp(
        name="digestbot",
        client=client,
        signing_secret=secret.get_secret_value() if secret else "",
        process_before_response=True,
        oauth_settings=oauth_settings(settings, stores) if stores else None,
    )
    app.middleware(ReplayGuard(service))
    client.retry_handlers.insert(0, ApiErrorCounter(service.metrics))  # counted for /metrics
    jobs = Jobs(queue=durable_queue(settings))
    deps = Deps(service=service, client=client, poster=Poster(AnswerPolicy(service)), jobs=jobs)
    register_commands(app, deps)
    register_events(app, deps)
    register_unfurl(app, deps)
    register_uninstall(app, service, oauth=stores is not None)
    register_home(app, deps)
    register_actions(app, deps)
    roundups = None
    if stores is None:
        roundups = start_roundups(service, client)
    else:  # a schedule names a channel, not the workspace whose token could post there
        logger.warning("multi-workspace mode: scheduled roundups are off")
    return SlackBot(app=app, jobs=deps.jobs, service=service, roundups=roundups, oauth=stores)
