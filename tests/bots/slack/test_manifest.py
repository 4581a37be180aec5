"""The app manifest asks for exactly what the bot's listeners use."""

from __future__ import annotations

from pathlib import Path

import yaml

from bots.slackbot.commands import COMMAND
from bots.slackbot.events import SHORTCUT

MANIFEST = Path(__file__).resolve().parents[3] / "deploy" / "slack" / "manifest.yml"
SCOPES = {
    "commands", "chat:write", "chat:write.public", "links:read", "links:write",
    "app_mentions:read", "channels:history", "groups:history", "im:history", "mpim:history",
}  # fmt: skip


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
