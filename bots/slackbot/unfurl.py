"""Link previews: `link_shared` → `chat.unfurl` with a compact digest card.

Slack sends `link_shared` only for the domains listed under "unfurl domains"
in the app manifest, so the manifest is where unfurling is switched on and
scoped. A link that cannot be read simply gets no card (Slack then shows its
own preview); the reason is logged, since nobody asked for this card.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bots.slackbot.deps import MAX_LINKS, Deps, team_of
from summarizer.fetching.urls import is_article_candidate
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
    if not await deps.service.claim(f"slack:event:{event_id}"):
        return
    unfurls: dict[str, dict[str, Any]] = {}
    for link in event.get("links", [])[:MAX_LINKS]:
        url = link["url"]
        if not is_article_candidate(url):
            continue
        outcome = await deps.service.digest_url(url)
        if outcome.digest is None:
            logger.info("no unfurl card for %s: %s", url, outcome.error)
            continue
        unfurls[url] = unfurl_card(outcome.digest)
    if not unfurls:
        return
    if event.get("source") == "composer":  # typed, not yet sent: no channel/ts to name it by
        await client.chat_unfurl(
            unfurl_id=event["unfurl_id"], source=event["source"], unfurls=unfurls
        )
    else:
        await client.chat_unfurl(channel=event["channel"], ts=event["message_ts"], unfurls=unfurls)
