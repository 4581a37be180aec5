"""Link previews: `link_shared` → `chat.unfurl` with a compact digest card.

Slack sends `link_shared` only for the domains listed under "unfurl domains"
in the app manifest. The links go through the answer policy like any message
(same finder, cap, auto setting and rate limits); a link that cannot be read
simply gets no card (Slack then shows its own preview), the reason is logged.
Cards are keyed by the URL exactly as Slack sent it, matched to the policy's
answers by link key.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bots.answers import Failed, Message, Request, Trigger
from bots.results import Digested
from bots.slackbot.deps import Deps, team_of
from summarizer.errors import InvalidURL
from summarizer.fetching.urls import find_links, link_key
from summarizer.render.blockkit import unfurl_card

logger = logging.getLogger(__name__)

Event = dict[str, Any]


def register_unfurl(app: AsyncApp, deps: Deps) -> None:
    """Attach the `link_shared` listener to `app`."""

    @app.event("link_shared")
    async def link_shared(body: Event, event: Event, client: AsyncWebClient) -> None:
        job = {"event": event, "event_id": body["event_id"], "team": team_of(body)}
        work = lambda: _unfurl(deps, client, event, body["event_id"])  # noqa: E731
        await deps.jobs.submit("slack.unfurl", job, work)


async def _unfurl(deps: Deps, client: AsyncWebClient, event: Event, event_id: str) -> None:
    """Unfurl with the request's `client`: the one authorized for the event's workspace."""
    if not await deps.service.channels.claim(f"event:{event_id}"):
        return
    sent = [str(link["url"]) for link in event.get("links", [])]
    channel = event.get("channel")
    request = Request(Trigger.UNFURL, Message("\n".join(sent)), channel, event.get("user"))
    reply = await deps.poster.policy.answer(request)
    cards = {_key(a.url): unfurl_card(a.digest) for a in reply.answers if isinstance(a, Digested)}
    for answer in reply.answers:
        if isinstance(answer, Failed):
            logger.info("no unfurl card for %s: %s", answer.url, answer.line)
    unfurls = {url: cards[_key(url)] for url in sent if _key(url) in cards}
    if not unfurls:
        return
    if event.get("source") == "composer":  # typed, not yet sent: no channel/ts to name it by
        await client.chat_unfurl(
            unfurl_id=event["unfurl_id"], source=event["source"], unfurls=unfurls
        )
    else:
        await client.chat_unfurl(channel=channel, ts=event["message_ts"], unfurls=unfurls)


def _key(url: str | None) -> str | None:
    """The link key of the one link in `url` (Slack may send it `&amp;`-escaped)."""
    found = find_links(url or "")
    try:
        return link_key(found[0]) if found else None
    except InvalidURL:
        return None
