"""A digest card's useful / not useful / delete buttons, replayed as Slack sends them.

Clicks are `block_actions` requests shaped like Slack's documented payload
(and bolt-python's own test payloads), signed, through the real Bolt app; the
answers are asserted on the fake Web API's wire (`chat.delete`,
`chat.postEphemeral`) and in the store the bot uses.
"""

from __future__ import annotations

import itertools
import json
from typing import Any
from urllib.parse import urlencode

import pytest

from bots.service import DigestService
from tests.bots.slack.conftest import CHANNEL, FORM, USER, SlackDriver, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer

OTHER = "U0OTHER"
CLICKS = itertools.count(1)
ACTION_IDS = ["digest_useful", "digest_not_useful", "digest_delete"]


@pytest.fixture
async def card(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> dict[str, Any]:
    """The digest `USER` asked for with /summarize, as posted: its parameters and its ts."""
    fake_slack.default_creator = "U0SOMEONE"  # nobody in these tests created the channel
    story = article_server.add("/story", article_html("Acme raises $5M", ACME))
    await slack.command(story)
    await slack.settle()
    [posted] = [p for p in fake_slack.to("chat.postMessage") if "blocks" in p]
    [answer] = [a for a in fake_slack.answers("chat.postMessage") if a.get("ts")]
    return {**posted, "ts": answer["ts"]}


async def click(slack: SlackDriver, card: dict[str, Any], action_id: str, *, user: str) -> None:
    body = payload(
        "block_actions_digest", user=user, channel=CHANNEL, message_ts=card["ts"],
        action_id=action_id, value="en", response_url=slack.fake.response_url("button"),
    )  # fmt: skip
    clicked = f"1700000300.{next(CLICKS):06d}"  # every real click has its own
    body["trigger_id"] = f"13345224609.{clicked}"
    body["actions"][0]["action_ts"] = clicked
    response = await slack.send(urlencode({"payload": json.dumps(body)}), FORM)
    assert response.status_code == 200  # acknowledged: no warning next to the button
    await slack.settle()


def feedback_count(service: DigestService, verdict: str) -> float:
    value = service.metrics.registry.get_sample_value(
        "digestbot_feedback_total", {"platform": "slack", "verdict": verdict, "lang": "en"}
    )
    return value or 0.0


def buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = card["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


async def test_a_digest_card_carries_read_feedback_and_delete_buttons(
    card: dict[str, Any],
) -> None:
    found = buttons(card)
    assert [b.get("action_id") for b in found] == ["read_article", *ACTION_IDS]
    assert [b["text"]["text"] for b in found[1:]] == ["👍 Useful", "👎 Not useful", "Delete"]
    assert {b["value"] for b in found[1:]} == {"en"}
    assert found[-1]["style"] == "danger" and "everyone" in found[-1]["confirm"]["text"]["text"]


async def test_feedback_is_kept_counted_once_per_verdict_and_thanked_privately(
    slack: SlackDriver, fake_slack: FakeSlack, service: DigestService, card: dict[str, Any]
) -> None:
    await click(slack, card, "digest_useful", user=OTHER)
    await click(slack, card, "digest_useful", user=OTHER)  # the same verdict again
    await click(slack, card, "digest_not_useful", user=USER)

    thanks = fake_slack.to("chat.postEphemeral")
    assert [(t["user"], t["channel"]) for t in thanks] == [(OTHER, CHANNEL)] * 2 + [(USER, CHANNEL)]
    assert all(t["text"].startswith("Thanks for the feedback") for t in thanks)
    assert feedback_count(service, "useful") == 1
    assert feedback_count(service, "not_useful") == 1
    share = await service.channels.posted(CHANNEL, card["ts"])
    assert share is not None and share.feedback == {OTHER: "useful", USER: "not_useful"}
    assert fake_slack.to("chat.postMessage") == [card_params(card)]  # nothing public


def deleted(fake: FakeSlack) -> list[tuple[str, str]]:
    return [(d["channel"], d["ts"]) for d in fake.to("chat.delete")]


def card_params(card: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in card.items() if k != "ts"}


async def test_someone_else_may_not_delete_the_digest(
    slack: SlackDriver, fake_slack: FakeSlack, service: DigestService, card: dict[str, Any]
) -> None:
    await click(slack, card, "digest_delete", user=OTHER)

    assert deleted(fake_slack) == []
    [no] = fake_slack.to("chat.postEphemeral")
    assert no["user"] == OTHER and "only the person who asked" in no["text"]
    assert await service.channels.posted(CHANNEL, card["ts"]) is not None


async def test_the_requester_deletes_the_digest_and_its_share(
    slack: SlackDriver, fake_slack: FakeSlack, service: DigestService, card: dict[str, Any]
) -> None:
    await click(slack, card, "digest_delete", user=USER)

    assert deleted(fake_slack) == [(CHANNEL, card["ts"])]
    assert fake_slack.to("chat.postEphemeral") == []
    assert await service.channels.posted(CHANNEL, card["ts"]) is None


async def test_a_workspace_admin_deletes_anyones_digest(
    slack: SlackDriver, fake_slack: FakeSlack, card: dict[str, Any]
) -> None:
    fake_slack.people[OTHER] = {"is_admin": True, "locale": "zh-CN"}
    await click(slack, card, "digest_delete", user=OTHER)

    assert deleted(fake_slack) == [(CHANNEL, card["ts"])]


async def test_lines_follow_the_clickers_slack_locale(
    slack: SlackDriver, fake_slack: FakeSlack, card: dict[str, Any]
) -> None:
    fake_slack.people[OTHER] = {"locale": "zh-CN"}
    await click(slack, card, "digest_useful", user=OTHER)
    await click(slack, card, "digest_delete", user=OTHER)

    thanks, no = fake_slack.to("chat.postEphemeral")
    assert thanks["text"].startswith("谢谢") and no["text"].startswith("抱歉")
