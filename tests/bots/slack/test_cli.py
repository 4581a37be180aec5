"""`digestbot slack` refuses to start without the tokens its mode needs, naming them."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from bots.config import Settings
from bots.slackbot import SlackConfigError
from bots.slackbot.cli import check_settings

BOT = SecretStr("xoxb-1")
APP = SecretStr("xapp-1")
SECRET = SecretStr("s")


@pytest.mark.parametrize(
    ("tokens", "http", "missing"),
    [
        ({}, False, "SLACK_BOT_TOKEN"),
        ({"slack_bot_token": BOT}, False, "SLACK_APP_TOKEN"),
        ({"slack_bot_token": BOT, "slack_app_token": APP}, True, "SLACK_SIGNING_SECRET"),
    ],
)
def test_missing_tokens_are_named(tokens: dict[str, SecretStr], http: bool, missing: str) -> None:
    with pytest.raises(SlackConfigError, match=missing):
        check_settings(Settings(**tokens), http=http)


def test_mode_follows_the_tokens() -> None:
    both = Settings(slack_bot_token=BOT, slack_app_token=APP, slack_signing_secret=SECRET)
    assert check_settings(both, http=False) == "xapp-1"
    assert check_settings(both, http=True) is None
