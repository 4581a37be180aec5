"""Slack's durable jobs: what a listener queues, and how a `digestbot worker` answers it.

Each kind is the JSON a listener had in hand (the event, the slash command,
the shortcut's body, minus Slack's verification token), so the worker runs
the very functions the listener would have run in-process, with a Web API
client for the request's workspace and the slash command's response_url.
A job handed out `MAX_DELIVERIES` times without being finished (its worker
died each time) is not tried again: the requester is told "I couldn't finish
reading…" instead.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bots.answers import AnswerPolicy
from bots.config import Settings
from bots.jobs import Jobs
from bots.languages import request_lang
from bots.service import DigestService
from bots.slackbot.app import api_client, build_client, close_session
from bots.slackbot.commands import answer_command
from bots.slackbot.deps import Deps
from bots.slackbot.events import _mentioned, _pasted, answer_shortcut
from bots.slackbot.links import plain_text
from bots.slackbot.oauth import oauth_enabled, oauth_stores
from bots.slackbot.replies import Poster
from bots.slackbot.target import Target
from bots.slackbot.unfurl import _unfurl
from bots.storage.workspace import current_workspace, slack_workspace
from summarizer.errors import WorkLost

__all__ = ["MAX_DELIVERIES", "SlackJobs", "slack_jobs"]

logger = logging.getLogger(__name__)

MAX_DELIVERIES = 3
Args = dict[str, Any]


class SlackJobs:
    """Runs queued Slack jobs with the worker's own service, poster and clients."""

    def __init__(self, settings: Settings, deps: Deps) -> None:
        self._settings = settings
        self._deps = deps
        self._oauth = oauth_stores(settings)

    async def run(self, kind: str, args: Args, deliveries: int) -> None:
        """Answer one job; past `MAX_DELIVERIES`, apologise instead of trying again."""
        team = args["team"]
        current_workspace.set(slack_workspace(team.get("enterprise"), team.get("team")))
        client = await self._client(team)
        if deliveries > MAX_DELIVERIES:
            await self._give_up(kind, args, client)
            return
        runs: dict[str, Callable[[Args, AsyncWebClient], Awaitable[None]]] = {
            "slack.command": lambda a, c: answer_command(self._deps, c, a),
            "slack.shortcut": lambda a, c: answer_shortcut(self._deps, c, a),
            "slack.message": lambda a, c: _pasted(self._deps, c, a["event"], a["event_id"]),
            "slack.mention": lambda a, c: _mentioned(self._deps, c, a["event"], a["event_id"]),
            "slack.unfurl": lambda a, c: _unfurl(self._deps, c, a["event"], a["event_id"]),
        }
        await runs[kind](args, client)

    async def close(self) -> None:
        if self._oauth is not None:
            await self._oauth.installation_store.engine.dispose()
        await close_session(self._deps.client)

    async def _give_up(self, kind: str, args: Args, client: AsyncWebClient) -> None:
        logger.error("job %s failed %d times; telling the requester", kind, MAX_DELIVERIES)
        if kind in ("slack.command", "slack.shortcut"):
            message = args.get("message") or {"text": args.get("text", "")}
            respond = AsyncRespond(response_url=args["response_url"])
            target = Target(args["channel"], args["user"], respond=respond, client=client)
        elif kind in ("slack.message", "slack.mention"):
            message = args["event"]
            thread = message.get("thread_ts") or message["ts"]
            target = Target(message["channel"], message.get("user"), thread, client=client)
        else:
            return  # an unfurl card nobody asked for: nothing to apologise for
        lang = request_lang(plain_text(message.get("text") or "")) or "en"
        await self._deps.poster.tell(target, WorkLost().user_message(lang))

    async def _client(self, team: dict[str, str | None]) -> AsyncWebClient:
        """The single workspace's client, or (OAuth) one with that workspace's bot token."""
        if self._oauth is None:
            return self._deps.client
        bot = await self._oauth.installation_store.async_find_bot(
            enterprise_id=team.get("enterprise"), team_id=team.get("team")
        )
        if bot is None:
            raise LookupError(f"no installation for team {team.get('team')}")
        return api_client(self._settings, bot.bot_token, session=self._deps.client.session)


def slack_jobs(settings: Settings, service: DigestService, jobs: Jobs) -> SlackJobs:
    """What a worker process needs to answer Slack jobs: the listeners' deps, its own."""
    client = api_client(settings, None) if oauth_enabled(settings) else build_client(settings)
    deps = Deps(service=service, client=client, poster=Poster(AnswerPolicy(service)), jobs=jobs)
    return SlackJobs(settings, deps)
