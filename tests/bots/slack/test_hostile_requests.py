"""Slack verification edges: replays, malformed timestamps, an empty signing secret."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from pydantic import SecretStr

from bots.config import Settings
from bots.slackbot import SlackConfigError
from bots.slackbot.cli import check_settings
from tests.bots.slack.conftest import CHANNEL, FORM, SlackDriver, sign
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer


async def test_a_replayed_signed_command_gives_one_digest(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme", ACME))
    body = urlencode(slack.interaction("slash_command", url, channel=CHANNEL, name="replay"))
    headers = {"Content-Type": FORM, **sign(body)}
    answers = [
        await slack.http.post(slack.url, content=body.encode(), headers=headers) for _ in range(3)
    ]
    await slack.settle()
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert article_server.hits("/acme") == 1
    assert len(fake_slack.sent()) == 1


async def test_two_genuine_commands_are_both_served(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme", ACME))
    await slack.command(url, name="first")
    await slack.command(url + "?again", name="second")
    await slack.settle()
    assert article_server.hits("/acme") == 2


@pytest.mark.parametrize("stamp", ["abc", "1e9", "", "1700000000.5", "-1", "9" * 40])
async def test_a_malformed_timestamp_is_401_not_500(
    slack: SlackDriver, fake_slack: FakeSlack, stamp: str
) -> None:
    body = urlencode(slack.interaction("slash_command", "hi", channel=CHANNEL, name="x"))
    headers = {"Content-Type": FORM, **sign(body), "X-Slack-Request-Timestamp": stamp}
    response = await slack.http.post(slack.url, content=body.encode(), headers=headers)
    assert response.status_code == 401
    assert fake_slack.sent() == []


@pytest.mark.parametrize("secret", ["", "   "])
def test_an_empty_signing_secret_refuses_to_start(secret: str) -> None:
    settings = Settings(slack_bot_token=SecretStr("xoxb-1"), slack_signing_secret=SecretStr(secret))
    with pytest.raises(SlackConfigError, match="SLACK_SIGNING_SECRET"):
        check_settings(settings, http=True)
