"""Messages with links: pasted links, @mentions, direct messages and the message shortcut.

Each listener turns the event into a `Request` for the answer policy and posts
its answers (`replies.Poster`). Slack retries an event it thinks went
unanswered (`X-Slack-Retry-Num`), so each event is claimed by its `event_id`;
a message that also @-mentions the bot arrives twice (`message` and
`app_mention`): the policy's per-link claims answer each link once. While a
pasted link is read, the message wears a 👀 reaction.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.answers import Request, Trigger
from bots.slackbot.deps import Deps, team_of
from bots.slackbot.links import slack_message
from bots.slackbot.people import SlackPeople
from bots.slackbot.target import Target
from summarizer.fetching.urls import has_article_link

SHORTCUT = "summarize_message"
READING_REACTION = "eyes"
# Message subtypes a person's ordinary post can have; edits, deletions, joins and
# bot posts have others.
_PERSON_SUBTYPES = frozenset({None, "file_share", "thread_broadcast"})

Event = dict[str, Any]


def register_events(app: AsyncApp, deps: Deps) -> None:
    """Attach the message, mention and shortcut listeners to `app`."""

    @app.event("message")
    async def pasted(body: Event, event: Event, client: AsyncWebClient) -> None:
        if _from_a_person(event) and _worth_a_job(event):
            job = {"event": event, "event_id": body["event_id"], "team": team_of(body)}
            work = lambda: _pasted(deps, client, event, body["event_id"])  # noqa: E731
            await deps.jobs.submit("slack.message", job, work)

    @app.event("app_mention")
    async def mentioned(body: Event, event: Event, client: AsyncWebClient) -> None:
        job = {"event": event, "event_id": body["event_id"], "team": team_of(body)}
        work = lambda: _mentioned(deps, client, event, body["event_id"])  # noqa: E731
        await deps.jobs.submit("slack.mention", job, work)

    @app.shortcut(SHORTCUT)
    async def shortcut(ack: AsyncAck, body: Event, client: AsyncWebClient) -> None:
        await ack()
        job = {"message": body["message"], "channel": body["channel"]["id"],
               "user": body["user"]["id"], "response_url": body["response_url"],
               "team": team_of(body)}  # fmt: skip
        await deps.jobs.submit("slack.shortcut", job, lambda: answer_shortcut(deps, client, job))


async def answer_shortcut(deps: Deps, client: AsyncWebClient, job: Event) -> None:
    """Answer a queued message shortcut (here, or in a `digestbot worker`) through the policy."""
    message, channel, user = job["message"], job["channel"], job["user"]
    thread = message.get("thread_ts") or message["ts"]
    respond = AsyncRespond(response_url=job["response_url"])
    target = Target(channel, user, thread, respond, client=client)
    request = slack_request(Trigger.SHORTCUT, message, channel, user, client, ref=message["ts"])
    await deps.poster.safely(target, deps.poster.answer(target, request))


def _worth_a_job(event: Event) -> bool:
    """A DM always; a channel message only with a link somewhere (most messages have none)."""
    message = slack_message(event, ref=None)
    return event.get("channel_type") == "im" or has_article_link(message.text, *message.hidden)


def _from_a_person(event: Event) -> bool:
    return event.get("subtype") in _PERSON_SUBTYPES and not event.get("bot_id")


def slack_request(
    trigger: Trigger,
    message: Event,
    channel: str,
    user: str | None,
    client: AsyncWebClient,
    *,
    ref: str | None,
    reading: Any = None,
) -> Request:
    people = SlackPeople(client)
    return Request(
        trigger,
        slack_message(message, ref=ref),
        channel,
        user,
        locale=lambda: people.locale(user),
        may_manage=lambda: people.may_manage(user, channel),
        reading=reading,
    )


async def _pasted(deps: Deps, client: AsyncWebClient, event: Event, event_id: str) -> None:
    """A channel message's links are claimed one by one by the policy; a DM as a whole here."""
    direct = event.get("channel_type") == "im"  # a DM to the bot is always a request
    if direct and not await deps.service.channels.claim(f"event:{event_id}"):
        return
    channel, ts = event["channel"], event["ts"]
    trigger = Trigger.MENTION if direct else Trigger.PASTED
    target = Target(channel, event.get("user"), event.get("thread_ts") or ts, client=client)
    request = slack_request(
        trigger, event, channel, event.get("user"), client, ref=ts,
        reading=lambda: _eyes(client, channel, ts),
    )  # fmt: skip
    await deps.poster.safely(target, deps.poster.answer(target, request))


async def _mentioned(deps: Deps, client: AsyncWebClient, event: Event, event_id: str) -> None:
    """A mention in a thread reads the thread's first message; elsewhere, its own text."""
    if not await deps.service.channels.claim(f"event:{event_id}"):
        return
    channel, parent_ts = event["channel"], event.get("thread_ts")
    target = Target(
        channel, event.get("user"), parent_ts or event["ts"], public_errors=True, client=client
    )
    message, ref = event, event["ts"]
    if parent_ts is not None:
        replies = await client.conversations_replies(channel=channel, ts=parent_ts, limit=1)
        message, ref = replies["messages"][0], parent_ts
    request = slack_request(Trigger.MENTION, message, channel, event.get("user"), client, ref=ref)
    await deps.poster.safely(target, deps.poster.answer(target, request))


def _eyes(client: AsyncWebClient, channel: str, ts: str) -> AbstractAsyncContextManager[None]:
    @asynccontextmanager
    async def reaction() -> AsyncIterator[None]:
        await _react(client.reactions_add, channel, ts)
        try:
            yield
        finally:
            await _react(client.reactions_remove, channel, ts)

    return reaction()


async def _react(call: Any, channel: str, ts: str) -> None:
    """A reaction is a courtesy: a missing scope or a removed message never fails the answer."""
    with suppress(SlackApiError):
        await call(channel=channel, timestamp=ts, name=READING_REACTION)
