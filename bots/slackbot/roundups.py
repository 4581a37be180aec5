"""Roundups on Slack: `/summarize roundup …`, and posting roundups (asked for or scheduled).

A roundup goes to the channel as one or more messages, posted in order; any
other answer (usage, nothing shared, a schedule confirmation) goes privately
to whoever asked. Scheduled roundups come from a `RoundupScheduler` started
with the bot and stopped when it closes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.phrasebook import Lang, Phrase, say
from bots.roundup_schedule import RoundupScheduler
from bots.roundups import roundup_command
from bots.service import DigestService
from bots.slackbot.target import Target
from summarizer.render.blockkit import escape
from summarizer.render.roundup_blockkit import roundup_messages
from summarizer.roundup.model import Roundup

__all__ = ["answer_roundup", "post_roundup", "start_roundups"]

logger = logging.getLogger(__name__)

Tell = Callable[[Target, str], Awaitable[None]]


async def answer_roundup(
    service: DigestService, target: Target, args: str, lang: Lang, tell: Tell
) -> None:
    """`/summarize roundup <args>`: post the roundup here, or `tell` the asker why not."""
    answer = await roundup_command(
        service.channels, target.channel, args, lang=lang, now=datetime.now(UTC)
    )
    if answer.roundup is None:
        await tell(target, escape(answer.note))
        return
    try:
        await post_roundup(target.client, target.channel, answer.roundup)
    except SlackApiError as exc:
        reason = str(exc.response.get("error", "error"))
        logger.error("posting a roundup in %s failed: %s", target.channel, reason)
        await tell(target, say(Phrase.ROUNDUP_NOT_POSTED, lang, reason=reason))


async def post_roundup(client: AsyncWebClient, channel: str, roundup: Roundup) -> None:
    """Post the roundup's messages to `channel`, one after another, in order."""
    for message in roundup_messages(roundup):
        await client.chat_postMessage(
            channel=channel, unfurl_links=False, unfurl_media=False, **message
        )


def start_roundups(service: DigestService, client: AsyncWebClient) -> RoundupScheduler | None:
    """Start posting scheduled roundups; None (logged) when the bot runs without a store."""
    if not service.channels.keeps_history:
        logger.warning("no store: scheduled roundups are off")
        return None
    scheduler = RoundupScheduler(service.channels, partial(post_roundup, client))
    scheduler.start()
    return scheduler
