"""The App Home (a short help, and the Messages tab for DMs) and the "Read" button.

Every digest's "Read" button is a URL button with `action_id: read_article`:
Slack opens the link in the browser *and* sends a `block_actions` request, which
must be acknowledged or Slack shows a warning next to the button (issue 14.1).
The listener only acks. `app_home_opened` publishes the Home tab in the
person's language (their Slack locale).
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.web.async_client import AsyncWebClient

from bots.answers import MAX_LINKS
from bots.languages import locale_lang
from bots.phrasebook import Phrase, say
from bots.slackbot.deps import Deps
from bots.slackbot.people import SlackPeople

READ_ACTION = "read_article"

Event = dict[str, Any]


def register_home(app: AsyncApp, deps: Deps) -> None:
    """Attach the Home tab and the Read button's ack to `app`."""

    @app.action(READ_ACTION)
    async def read_article(ack: AsyncAck) -> None:
        await ack()

    @app.event("app_home_opened")
    async def home_opened(event: Event, client: AsyncWebClient) -> None:
        if event.get("tab") == "home":
            deps.jobs.spawn(_publish(client, event["user"]), name="slack home")


async def _publish(client: AsyncWebClient, user: str) -> None:
    lang = locale_lang(await SlackPeople(client).locale(user)) or "en"
    text = say(Phrase.HOME, lang) + "\n\n" + say(Phrase.HELP, lang, max_links=MAX_LINKS)
    view = {
        "type": "home",
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}],
    }
    await client.views_publish(user_id=user, view=view)
