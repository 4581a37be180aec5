"""A workspace that uninstalls the app, or revokes its tokens, leaves nothing usable behind.

Multi-workspace (OAuth): Bolt's token revocation listeners delete the
workspace's installation (its bot token) on `tokens_revoked` and
`app_uninstalled`. Single workspace: the only workspace is gone, so on
`app_uninstalled` every Slack share and channel setting is deleted too.
"""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp

from bots.service import DigestService
from bots.slackbot.target import PLATFORM

logger = logging.getLogger(__name__)


def register_uninstall(app: AsyncApp, service: DigestService, *, oauth: bool) -> None:
    """Attach the listeners that clean up after an uninstall or a token revocation."""
    if oauth:
        app.enable_token_revocation_listeners()
        return

    @app.event("app_uninstalled")
    async def uninstalled() -> None:
        removed = await service.forget(PLATFORM)
        logger.warning("app uninstalled: %s Slack shares and settings deleted", removed)

    @app.event("tokens_revoked")
    async def revoked() -> None:
        logger.warning("Slack revoked this app's tokens: set a new SLACK_BOT_TOKEN")
