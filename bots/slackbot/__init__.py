"""The Slack adapter: Slack requests → `DigestService` → Block Kit → Slack.

Thin by design: listeners translate, the service summarises, `summarizer.render.blockkit`
renders. Served over HTTP (`server.py`) or Socket Mode (`socket_mode.py`).
"""

from bots.slackbot.app import SlackBot, SlackConfigError, build_bot

__all__ = ["SlackBot", "SlackConfigError", "build_bot"]
