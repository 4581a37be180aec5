"""Answers to Slack: render what the answer policy decided, with each request's client.

Every answer goes through `Poster`: a digest is posted (in the thread when
there is one) and reported back to the policy as delivered; a pointer is a
public line with the earlier digest's permalink; help, refusals and failures go
privately to whoever asked (in the thread when they asked publicly, by
mentioning the bot); a crash in the work behind an answer is logged with its
traceback and the user still gets a one-line apology, never a traceback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import replace

from slack_sdk.errors import SlackApiError

from bots.answers import (
    Answer,
    AnswerPolicy,
    Failed,
    Help,
    Note,
    Pointer,
    Reply,
    Request,
    RoundupAsked,
)
from bots.jobs import tell_interrupted
from bots.phrasebook import Lang, Phrase, say
from bots.results import Digested
from bots.slackbot.buttons import with_buttons
from bots.slackbot.roundups import answer_roundup
from bots.slackbot.target import Target
from summarizer.errors import Restarting
from summarizer.render.blockkit import digest_message, escape

logger = logging.getLogger(__name__)

# Errors after which a slash command's digest goes through its response_url instead.
_UNREACHABLE_CHANNEL = frozenset({"not_in_channel", "channel_not_found"})


class Poster:
    """Posts what the policy answered, with each target's client."""

    def __init__(self, policy: AnswerPolicy) -> None:
        self.policy = policy

    async def answer(self, target: Target, request: Request) -> None:
        """Ask the policy about `request` and post every answer."""
        reply = await self.policy.answer(request)
        for answer in reply.answers:
            await self._post(target, request, reply, answer)

    async def _post(self, target: Target, request: Request, reply: Reply, answer: Answer) -> None:
        if isinstance(answer, Digested):
            await self.digest(target, request, answer, reply.lang)
        elif isinstance(answer, Pointer):
            link = await target.client.chat_getPermalink(
                channel=target.channel, message_ts=answer.ref
            )
            await self.note(target, say(Phrase.ALREADY, reply.lang, link=link["permalink"]))
        elif isinstance(answer, Help):
            await self.tell(replace(target, public_errors=False), answer.text)
        elif isinstance(answer, Failed | Note):
            public = isinstance(answer, Note) and answer.public
            text = escape(answer.line if isinstance(answer, Failed) else answer.text)
            await (self.note(target, text) if public else self.tell(target, text))
        elif isinstance(answer, RoundupAsked):
            await answer_roundup(self.policy.service, target, answer.args, reply.lang, self.tell)

    async def digest(self, target: Target, request: Request, answer: Digested, lang: Lang) -> None:
        """Post the digest to the target's channel/thread and tell the policy where it went."""
        message = with_buttons(
            digest_message(answer.digest, shared_by=target.user),
            digest=answer.digest.lang,
            lang=lang,
        )
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
            await self.tell(target, say(Phrase.NOT_POSTED, lang, reason=reason))
            return
        await self.policy.delivered(request, answer, str(posted["ts"]))

    async def note(self, target: Target, text: str) -> None:
        """A short public line in the target's channel/thread."""
        await target.client.chat_postMessage(
            channel=target.channel, thread_ts=target.thread_ts, text=text, unfurl_links=False
        )

    async def tell(self, target: Target, text: str) -> None:
        """Tell whoever asked, privately unless they asked in public."""
        if target.respond is not None:
            await target.respond(text=text, response_type="ephemeral", replace_original=False)
        elif target.public_errors or target.user is None:
            await self.note(target, text)
        else:
            await target.client.chat_postEphemeral(
                channel=target.channel, user=target.user, thread_ts=target.thread_ts, text=text
            )

    async def safely(self, target: Target, work: Awaitable[None], lang: Lang = "en") -> None:
        """Run `work`; if it crashes, log the traceback and apologise to the user."""
        try:
            await work
        except asyncio.CancelledError:  # shutdown ran out of time: say so, don't go silent
            line = Restarting().user_message(lang)
            await tell_interrupted(lambda: self.tell(target, line))
            raise
        except Exception:
            logger.exception("Slack request failed in channel %s", target.channel)
            try:
                await self.tell(target, say(Phrase.FAILED, lang))
            except Exception:
                logger.exception("could not tell the user in %s about the failure", target.channel)
