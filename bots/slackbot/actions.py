"""The listener of a digest card's "useful / not useful / delete" buttons (`buttons.py`).

A click arrives as a `block_actions` request: it is acknowledged at once (Slack shows a warning
otherwise) and answered by a job through `bots.digest_actions` — delete is
`chat.delete` of the card, the "thanks" and the polite no are ephemeral.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bots.digest_actions import ACTIONS, DELETE, Click, DigestActions, digest_lang
from bots.slackbot.buttons import ACTION_PREFIX
from bots.slackbot.deps import Deps
from bots.slackbot.people import SlackPeople
from bots.slackbot.replies import Poster
from bots.slackbot.target import Target

__all__ = ["register_actions"]

logger = logging.getLogger(__name__)

_BY_ID = {ACTION_PREFIX + action: action for action in ACTIONS}
_CLICKED = re.compile("^(" + "|".join(_BY_ID) + ")$")

Body = dict[str, Any]


def register_actions(app: AsyncApp, deps: Deps) -> None:
    """Attach the buttons' listener to `app`."""
    actions = DigestActions(deps.service.channels, deps.service.metrics)

    @app.action(_CLICKED)
    async def clicked(ack: AsyncAck, body: Body, client: AsyncWebClient) -> None:
        await ack()
        channel, user = body["channel"]["id"], body["user"]["id"]
        thread = (body.get("message") or {}).get("thread_ts")
        target = Target(channel, user, thread, client=client)
        work = deps.poster.safely(target, _answer(deps.poster, actions, target, body))
        deps.jobs.spawn(work, name="slack digest button")


async def _answer(poster: Poster, actions: DigestActions, target: Target, body: Body) -> None:
    action, ts, client = body["actions"][0], body["container"]["message_ts"], target.client
    channel, user = target.channel, body["user"]["id"]
    people = SlackPeople(client)
    click = Click(
        channel, ts, user, digest_lang(action.get("value", "")),
        locale=lambda: people.locale(user), may_manage=lambda: people.may_manage(user, channel),
    )  # fmt: skip
    kind = _BY_ID[action["action_id"]]

    async def remove() -> None:
        await _delete(client, channel, ts, body.get("response_url"))

    if kind == DELETE:
        line = await actions.delete(click, remove)
    else:
        line = await actions.feedback(click, kind)
    if line is not None:
        await poster.tell(target, line)


async def _delete(client: AsyncWebClient, channel: str, ts: str, response_url: str | None) -> None:
    """`chat.delete`; a card posted through a command's response_url is deleted through it."""
    try:
        await client.chat_delete(channel=channel, ts=ts)
    except SlackApiError as exc:
        if response_url is None:
            raise
        error = exc.response.get("error")
        logger.info("chat.delete failed (%s): deleting through the response_url", error)
        await AsyncRespond(response_url=response_url)(delete_original=True)
