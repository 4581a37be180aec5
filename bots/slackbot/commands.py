"""`/summarize`: usage help, `auto on|off`, `roundup …`, and links or pasted text → digests.

The listener acknowledges at once (the "reading…" note is the ack's body, so
Slack shows it within its 3-second window) and leaves the reading to a job.
"""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bots.roundups import roundup_args
from bots.service import request_lang
from bots.slackbot.deps import MAX_LINKS, Deps, team_of
from bots.slackbot.links import plain_text
from bots.slackbot.messages import say
from bots.slackbot.replies import PLATFORM, Target
from bots.slackbot.roundups import answer_roundup

COMMAND = "/summarize"
_HELP_WORDS = frozenset({"", "help", "帮助", "?"})
_AUTO_WORDS = {"auto on": True, "auto off": False}


def register_commands(app: AsyncApp, deps: Deps) -> None:
    """Attach the `/summarize` listener to `app`."""

    @app.command(COMMAND)
    async def summarize(
        ack: AsyncAck, command: dict[str, str], respond: AsyncRespond, client: AsyncWebClient
    ) -> None:
        text = plain_text(command.get("text", ""))
        lang = request_lang(text)
        word = " ".join(text.lower().split())
        if word in _HELP_WORDS:
            await ack(text=say("help", lang, max_links=MAX_LINKS))
            return
        target = Target(
            command["channel_id"], command["user_id"], lang, respond=respond, client=client
        )
        if word in _AUTO_WORDS:
            await ack()
            work = _set_auto(deps, target, on=_AUTO_WORDS[word])
        elif (args := roundup_args(text)) is not None:
            await ack()
            work = answer_roundup(deps, target, args)
        else:
            await ack(text=say("reading", lang))
            job = {"text": command.get("text", ""), "channel": target.channel, "user": target.user,
                   "response_url": command["response_url"], "team": team_of(command)}  # fmt: skip
            answer = deps.poster.answer
            await deps.jobs.submit(
                "slack.command",
                job,
                lambda: deps.poster.safely(target, answer(target, text, max_links=MAX_LINKS)),
            )
            return
        deps.jobs.spawn(deps.poster.safely(target, work), name=f"slack {COMMAND}")


async def _set_auto(deps: Deps, target: Target, *, on: bool) -> None:
    await deps.service.set_auto(PLATFORM, target.channel, on)
    await deps.poster.tell(target, say("auto_on" if on else "auto_off", target.lang))
