"""Messages with links: pasted links, @mentions in threads, the message shortcut.

Slack retries an event it thinks went unanswered (`X-Slack-Retry-Num`), and a
message that @-mentions the bot arrives twice (`message` and `app_mention`).
So each event is claimed by its `event_id`, and each link by (channel, message
ts, link): whichever arrives first posts the digest, the rest stay quiet. A
link already summarised in the channel within 24 h gets a pointer instead.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bots.service import request_lang
from bots.slackbot.deps import MAX_LINKS, Deps, team_of
from bots.slackbot.links import article_links, plain_text
from bots.slackbot.messages import say
from bots.slackbot.replies import PLATFORM, Target
from summarizer.fetching.urls import normalize_url

SHORTCUT = "summarize_message"
# Message subtypes a person's ordinary post can have; edits, deletions, joins and
# bot posts have others.
_PERSON_SUBTYPES = frozenset({None, "file_share", "thread_broadcast"})

Event = dict[str, Any]


def register_events(app: AsyncApp, deps: Deps) -> None:
    """Attach the message, mention and shortcut listeners to `app`."""

    @app.event("message")
    async def pasted(body: Event, event: Event, client: AsyncWebClient) -> None:
        if _from_a_person(event) and article_links(event.get("text", "")):
            job = {"event": event, "event_id": body["event_id"], "team": team_of(body)}
            work = lambda: _pasted(deps, client, event, body["event_id"])  # noqa: E731
            await deps.jobs.submit("slack.message", job, work)

    @app.event("app_mention")
    async def mentioned(body: Event, event: Event, client: AsyncWebClient) -> None:
        job = {"event": event, "event_id": body["event_id"], "team": team_of(body)}
        work = lambda: _mentioned(deps, client, event, body["event_id"])  # noqa: E731
        await deps.jobs.submit("slack.mention", job, work)

    @app.shortcut(SHORTCUT)
    async def shortcut(
        ack: AsyncAck, body: Event, respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        await ack()
        message = body["message"]
        text = plain_text(message.get("text", ""))
        thread = message.get("thread_ts") or message["ts"]
        user = body["user"]["id"]
        lang = request_lang(text)
        target = Target(body["channel"]["id"], user, lang, thread, respond, client=client)
        job = {
            "text": message.get("text", ""), "channel": target.channel, "user": user,
            "thread": thread, "response_url": body["response_url"], "team": team_of(body),
        }  # fmt: skip
        answer = deps.poster.answer
        work = lambda: deps.poster.safely(target, answer(target, text, max_links=MAX_LINKS))  # noqa: E731
        await deps.jobs.submit("slack.shortcut", job, work)


def _from_a_person(event: Event) -> bool:
    return event.get("subtype") in _PERSON_SUBTYPES and not event.get("bot_id")


async def _pasted(deps: Deps, client: AsyncWebClient, event: Event, event_id: str) -> None:
    channel = event["channel"]
    if not await deps.service.claim(f"slack:event:{event_id}"):
        return
    if not await deps.service.auto_enabled(PLATFORM, channel):
        return
    text = event.get("text", "")
    thread = event.get("thread_ts") or event["ts"]
    lang = request_lang(plain_text(text))
    target = Target(channel, event.get("user"), lang, thread, client=client)
    await deps.poster.safely(target, _links(deps, target, text, event["ts"], explicit=False))


async def _mentioned(deps: Deps, client: AsyncWebClient, event: Event, event_id: str) -> None:
    if not await deps.service.claim(f"slack:event:{event_id}"):
        return
    parent_ts = event.get("thread_ts")
    lang = request_lang(plain_text(event.get("text", "")))
    thread = parent_ts or event["ts"]
    target = Target(
        event["channel"], event.get("user"), lang, thread, public_errors=True, client=client
    )
    work = _mention_work(deps, target, event, parent_ts)
    await deps.poster.safely(target, work)


async def _mention_work(deps: Deps, target: Target, event: Event, parent_ts: str | None) -> None:
    """A mention in a thread reads the thread's first message; elsewhere, its own text."""
    text, message_ts = event.get("text", ""), event["ts"]
    if parent_ts is not None:
        replies = await target.client.conversations_replies(
            channel=target.channel, ts=parent_ts, limit=1
        )
        text, message_ts = replies["messages"][0].get("text", ""), parent_ts
    if not article_links(text):
        await deps.poster.note(target, say("no_links", target.lang))
        return
    await _links(deps, target, text, message_ts, explicit=True)


async def _links(deps: Deps, target: Target, text: str, message_ts: str, *, explicit: bool) -> None:
    """One digest per link, claimed per (channel, message, link).

    `explicit` (someone asked) still answers a link another listener already
    took, with a pointer to that digest once it exists.
    """
    links = article_links(text)
    for url in links[:MAX_LINKS]:
        key = f"slack:link:{target.channel}:{message_ts}:{normalize_url(url)}"
        first = await deps.service.claim(key)
        earlier = await deps.service.previous_share(PLATFORM, target.channel, url)
        if earlier is not None and earlier.message_ref and (first or explicit):
            await deps.poster.pointer(target, earlier.message_ref)
        elif first:
            outcome = await deps.service.digest_url(url, lang=target.lang)
            await deps.poster.deliver(target, [outcome])
    if len(links) > MAX_LINKS:
        await deps.poster.tell(target, say("capped", target.lang, max_links=MAX_LINKS))
