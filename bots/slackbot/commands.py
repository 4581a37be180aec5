"""`/summarize …`: every sub-command and every link or pasted article, via the answer policy.

The listener acknowledges at once (Slack's 3-second window; the ack says
"📖 Reading…" when the text has links) and leaves the answer to a job: the
policy reads the sub-command (help, settings, auto, lang, roundup) or the
content.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bots.answers import Trigger
from bots.languages import request_lang
from bots.phrasebook import Phrase, say
from bots.slackbot.deps import Deps, team_of
from bots.slackbot.events import slack_request
from bots.slackbot.target import Target
from summarizer.fetching.urls import has_article_link

COMMAND = "/summarize"


def register_commands(app: AsyncApp, deps: Deps) -> None:
    """Attach the `/summarize` listener to `app`."""

    @app.command(COMMAND)
    async def summarize(
        ack: AsyncAck, command: dict[str, str], respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        text = command.get("text", "")
        # The ack is all Slack shows within 3 s: say "Reading…" when there is reading to do.
        if has_article_link(text):
            await ack(say(Phrase.READING, request_lang(text) or "en"))
        else:
            await ack()
        job = {"text": text, "channel": command["channel_id"], "user": command["user_id"],
               "response_url": command["response_url"], "team": team_of(command)}  # fmt: skip
        await deps.jobs.submit("slack.command", job, lambda: answer_command(deps, client, job))


async def answer_command(deps: Deps, client: AsyncWebClient, job: dict[str, Any]) -> None:
    """Answer a queued `/summarize` (here, or in a `digestbot worker`) through the policy."""
    channel, user = job["channel"], job["user"]
    respond = AsyncRespond(response_url=job["response_url"])
    target = Target(channel, user, respond=respond, client=client)
    message = {"text": job["text"]}
    request = slack_request(Trigger.COMMAND, message, channel, user, client, ref=None)
    await deps.poster.safely(target, deps.poster.answer(target, request))
