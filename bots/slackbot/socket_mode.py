"""Socket Mode: Slack pushes requests over a websocket, so no public URL is needed.

The app-level token (`SLACK_APP_TOKEN`, xapp-…) opens the connection through
`apps.connections.open` on the same Web API base URL as everything else.
"""

from __future__ import annotations

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bots.slackbot.app import SlackBot


async def connect(bot: SlackBot, app_token: str) -> AsyncSocketModeHandler:
    """Open the websocket and start answering; close the handler to stop."""
    handler = AsyncSocketModeHandler(bot.app, app_token)
    await handler.connect_async()  # type: ignore[no-untyped-call]  # untyped in slack-bolt
    return handler
