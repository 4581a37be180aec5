"""Request verification, the health check, and tokens kept out of logs."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from urllib.parse import urlencode

import pytest

from bots.slackbot.server import EVENTS_PATH, HEALTH_PATH
from tests.bots.slack.conftest import (
    BOT_TOKEN,
    CHANNEL,
    FORM,
    SIGNING_SECRET,
    SlackDriver,
    sign,
)
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer


@pytest.mark.parametrize(
    "signing",
    [
        lambda body: sign(body + "x"),
        lambda body: sign(body, secret="not-the-secret"),
        lambda body: sign(body, timestamp=int(time.time()) - 6 * 60),
        lambda body: {},
    ],
    ids=["wrong-body", "wrong-secret", "stale-timestamp", "unsigned"],
)
async def test_bad_or_stale_signatures_get_401_and_nothing_happens(
    slack: SlackDriver,
    fake_slack: FakeSlack,
    article_server: ArticleServer,
    signing: Callable[[str], dict[str, str]],
) -> None:
    url = article_server.add("/acme", article_html("Acme", ACME))
    body = urlencode(slack.interaction("slash_command", url, channel=CHANNEL, name="x"))
    headers = {"Content-Type": FORM, **signing(body)}
    response = await slack.http.post(slack.url, content=body.encode(), headers=headers)
    await slack.settle()
    assert response.status_code == 401
    assert fake_slack.sent() == []
    assert article_server.hits("/acme") == 0


async def test_a_correct_signature_within_five_minutes_is_accepted(slack: SlackDriver) -> None:
    body = json.dumps({"type": "url_verification", "challenge": "c-123"})
    stamp = int(time.time()) - 4 * 60
    headers = {"Content-Type": "application/json", **sign(body, timestamp=stamp)}
    response = await slack.http.post(slack.url, content=body.encode(), headers=headers)
    assert response.status_code == 200
    assert response.json() == {"challenge": "c-123"}


async def test_healthz(slack: SlackDriver) -> None:
    response = await slack.http.get(slack.url.replace(EVENTS_PATH, HEALTH_PATH))
    assert response.status_code == 200
    assert response.json() == {"ok": True}


async def test_tokens_never_reach_the_logs(
    slack: SlackDriver,
    fake_slack: FakeSlack,
    article_server: ArticleServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    url = article_server.add("/acme", article_html("Acme", ACME))
    fake_slack.throttle("chat.postMessage")
    await slack.command(url)
    await slack.settle()
    assert len(fake_slack.to("chat.postMessage")) == 1
    assert "chat.postMessage" in caplog.text  # the Web API calls were logged…
    assert BOT_TOKEN not in caplog.text  # …without the token
    assert SIGNING_SECRET not in caplog.text
