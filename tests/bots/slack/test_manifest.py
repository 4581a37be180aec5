"""The app manifest asks for exactly what the bot's listeners use."""

from __future__ import annotations

from pathlib import Path

import yaml

from bots.slackbot.commands import COMMAND
from bots.slackbot.events import SHORTCUT
from bots.slackbot.oauth import BOT_SCOPES

MANIFEST = Path(__file__).resolve().parents[3] / "deploy" / "slack" / "manifest.yml"
SCOPES = set(BOT_SCOPES)


def test_manifest_matches_the_listeners() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == [COMMAND]
    assert features["slash_commands"][0]["should_escape"] is False
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [("message", SHORTCUT)]
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == SCOPES
    assert {"app_mention", "message.channels"} <= set(settings["event_subscriptions"]["bot_events"])
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True
    assert "app_home_opened" in settings["event_subscriptions"]["bot_events"]
    assert features["app_home"]["messages_tab_enabled"] is True
