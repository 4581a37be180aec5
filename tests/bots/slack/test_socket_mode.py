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
    envelope = {
        "envelope_id": "env-2",
        "type": "events_api",
        "payload": event,
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
    }
    await fake_slack.push(envelope)
    await fake_slack.wait_ack("env-2")
    await fake_slack.wait_for("chat.postMessage")
    await socket_bot.jobs.drain()
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["thread_ts"] == "1700000000.000100"
