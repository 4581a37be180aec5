"""Answers to Slack: digests, pointers to earlier digests, and friendly errors.

Every answer goes through `Poster`, so the rules live in one place: a digest is
posted (in the thread when there is one) and recorded as a share; an error goes
privately to whoever asked (or in the thread when they asked publicly); a crash
in the work behind an answer is logged with its traceback and the user still
gets a one-line apology, never silence and never a traceback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass, field

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.jobs import tell_interrupted
from bots.service import DigestService, Outcome
from bots.slackbot.messages import say
from summarizer.errors import Restarting
from summarizer.render.blockkit import digest_message, escape

logger = logging.getLogger(__name__)

PLATFORM = "slack"
# Errors after which a slash command's digest goes through its response_url instead.
_UNREACHABLE_CHANNEL = frozenset({"not_in_channel", "channel_not_found"})


@dataclass(frozen=True, slots=True)
class Target:
    """Where answers to one request go, with which client, and in which language.

    `client` is the request's own (Bolt's `context.client`): authorized for the
    workspace the request came from, so one bot can serve several.
    `respond` is the request's response_url (slash commands, shortcuts): errors
    go there privately. Otherwise errors are ephemeral to `user`, or public in
    the thread when `public_errors` (someone @-mentioned the bot).
    """

    channel: str
    user: str | None
    lang: str
    thread_ts: str | None = None
    respond: AsyncRespond | None = None
    public_errors: bool = False
    client: AsyncWebClient = field(kw_only=True)


class Poster:
    """Posts digests and notes with each target's client and records each share."""

    def __init__(self, service: DigestService) -> None:
        self._service = service

    async def answer(self, target: Target, text: str, *, max_links: int) -> None:
        """Someone asked for `text` (links or pasted prose): post what the service makes of it."""
        outcomes = await self._service.digest_request(
            text, max_links=max_links, user=target.user, channel=target.channel
        )
        await self.deliver(target, outcomes, shared_by=target.user)

    async def deliver(
        self, target: Target, outcomes: list[Outcome], *, shared_by: str | None = None
    ) -> None:
        """Post each outcome: the digest, or its error line."""
        for outcome in outcomes:
            if outcome.digest is None:
                await self.tell(target, escape(outcome.error or say("failed", target.lang)))
                await self._service.record_outcome(
                    target.channel, outcome, user=target.user, message_ref=None
                )
            else:
                await self.digest(target, outcome, shared_by=shared_by)

    async def digest(
        self, target: Target, outcome: Outcome, *, shared_by: str | None = None
    ) -> None:
        """Post the outcome's digest to the target's channel/thread and remember where it went."""
        assert outcome.digest is not None
        message = digest_message(outcome.digest, shared_by=shared_by)
        try:
            posted = await target.client.chat_postMessage(
                channel=target.channel,
                thread_ts=target.thread_ts,
                unfurl_links=False,
                unfurl_media=False,
                **message,
            )
        except SlackApiError as exc:
            reason = str(exc.response.get("error", "error"))
            if target.respond is not None and reason in _UNREACHABLE_CHANNEL:
                await target.respond(response_type="in_channel", **message)
                return
            logger.error("chat.postMessage failed in %s: %s", target.channel, reason)
            await self.tell(target, say("not_posted", target.lang, reason=reason))
            return
        await self._service.record_outcome(
            target.channel, outcome, user=target.user, message_ref=str(posted["ts"])
        )

    async def pointer(self, target: Target, message_ts: str) -> None:
        """Answer a repeated link with a permalink to its earlier digest in this channel."""
        link = await target.client.chat_getPermalink(channel=target.channel, message_ts=message_ts)
        await self.note(target, say("already", target.lang, permalink=link["permalink"]))

    async def note(self, target: Target, text: str) -> None:
        """A short public line in the target's channel/thread."""
        await target.client.chat_postMessage(
            channel=target.channel, thread_ts=target.thread_ts, text=text, unfurl_links=False
        )

    async def tell(self, target: Target, text: str) -> None:
        """Tell whoever asked what went wrong, privately unless they asked in public."""
        if target.respond is not None:
            await target.respond(text=text, response_type="ephemeral", replace_original=False)
        elif target.public_errors or target.user is None:
            await self.note(target, text)
        else:
            await target.client.chat_postEphemeral(
                channel=target.channel, user=target.user, thread_ts=target.thread_ts, text=text
            )

    async def safely(self, target: Target, work: Awaitable[None]) -> None:
        """Run `work`; if it crashes, log the traceback and apologise to the user."""
        try:
            await work
        except asyncio.CancelledError:  # shutdown ran out of time: say so, don't go silent
            line = Restarting().user_message(target.lang)
            await tell_interrupted(lambda: self.tell(target, line))
            raise
        except Exception:
            logger.exception("Slack request failed in channel %s", target.channel)
            try:
                await self.tell(target, say("failed", target.lang))
            except Exception:
                logger.exception("could not tell the user in %s about the failure", target.channel)
