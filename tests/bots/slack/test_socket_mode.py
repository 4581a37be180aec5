"""Socket Mode against a local websocket: the fake Web API hands out a ws://127.0.0.1 URL."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bots.service import DigestService
from bots.slackbot import SlackBot, build_bot
from bots.slackbot.socket_mode import connect
from tests.bots.slack.conftest import APP_TOKEN, CHANNEL, USER, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer


@pytest.fixture
async def socket_bot(
    monkeypatch: pytest.MonkeyPatch, service: DigestService, fake_slack: FakeSlack
) -> AsyncIterator[SlackBot]:
    monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    bot = build_bot(service.settings, service)
    handler = await connect(bot, APP_TOKEN)
    await fake_slack.wait_connected()
    yield bot
    await handler.close_async()
    await bot.close()


async def deliver_event(
    fake_slack: FakeSlack, bot: SlackBot, envelope_id: str, event: dict[str, object]
) -> None:
    """Push an events_api envelope, wait for its ack and for the bot's answer to be posted."""
    envelope = {"envelope_id": envelope_id, "type": "events_api", "payload": event}
    await fake_slack.push({**envelope, "accepts_response_payload": False, "retry_attempt": 0})
    await fake_slack.wait_ack(envelope_id)
    await fake_slack.wait_for("chat.postMessage")
    await bot.jobs.drain()


async def test_socket_mode_command_is_acked_over_the_socket_and_answered(
    socket_bot: SlackBot, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    [opened] = [c for c in fake_slack.calls if c.method == "apps.connections.open"]
    assert opened.token == APP_TOKEN
    command = payload(
        "slash_command",
        text=url,
        channel=CHANNEL,
        user=USER,
        response_url=fake_slack.response_url("socket"),
    )
    envelope = {
        "envelope_id": "env-1",
        "type": "slash_commands",
        "payload": command,
        "accepts_response_payload": True,
    }
    await fake_slack.push(envelope)
    ack = await fake_slack.wait_ack("env-1")
    assert "Reading" in json.dumps(ack, ensure_ascii=False)
    await fake_slack.wait_for("chat.postMessage")
    await socket_bot.jobs.drain()
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["channel"] == CHANNEL
    assert "$5 million" in json.dumps(posted["blocks"])


async def test_socket_mode_event_needs_no_signature(
    socket_bot: SlackBot, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    event = payload(
        "message_event", text=f"<{url}>", ts="1700000000.000100", channel=CHANNEL, event_id="Ev1"
    )
    await deliver_event(fake_slack, socket_bot, "env-2", event)
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["thread_ts"] == "1700000000.000100"


async def test_socket_mode_acks_the_read_button(
    socket_bot: SlackBot, fake_slack: FakeSlack
) -> None:
    """Issue 14.1 in Socket Mode: the block_actions envelope was never acknowledged."""
    action = payload("block_actions_read", user=USER, channel=CHANNEL, response_url="")
    await fake_slack.push({"envelope_id": "env-3", "type": "interactive", "payload": action,
                           "accepts_response_payload": False})  # fmt: skip
    ack = await fake_slack.wait_ack("env-3")
    assert ack["envelope_id"] == "env-3"


async def test_socket_mode_acks_a_feedback_button_and_thanks_privately(
    socket_bot: SlackBot, fake_slack: FakeSlack
) -> None:
    action = payload(
        "block_actions_digest", user=USER, channel=CHANNEL, message_ts="1700000000.000200",
        action_id="digest_useful", value="zh", response_url="",
    )  # fmt: skip
    await fake_slack.push({"envelope_id": "env-5", "type": "interactive", "payload": action,
                           "accepts_response_payload": False})  # fmt: skip
    assert (await fake_slack.wait_ack("env-5"))["envelope_id"] == "env-5"
    [thanks] = await fake_slack.wait_for("chat.postEphemeral")
    assert thanks["user"] == USER and thanks["text"].startswith("Thanks for the feedback")
    counted = socket_bot.service.metrics.registry.get_sample_value(
        "digestbot_feedback_total", {"platform": "slack", "verdict": "useful", "lang": "zh"}
    )
    assert counted == 1


async def test_socket_mode_reads_a_forwarded_chinese_path(
    socket_bot: SlackBot, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    article_server.add("/wiki/%E4%BA%BA%E5%B7%A5", article_html("Acme raises $5M", ACME))
    url = article_server.url("/wiki/人工")
    event = payload(
        "message_event", text="", ts="1700000000.000300", channel=CHANNEL, event_id="Ev3"
    )
    event["event"]["attachments"] = [{"is_share": True, "text": f"<{url}|人工>"}]
    await deliver_event(fake_slack, socket_bot, "env-4", event)
    assert article_server.targets == ["/wiki/%E4%BA%BA%E5%B7%A5"]
