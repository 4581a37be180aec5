"""A workspace that uninstalls the app, or revokes its bot token, leaves nothing of its own behind.

Every request's writes are tagged with its workspace (`bots.storage.workspace`)
by a global middleware. Multi-workspace (OAuth): on `app_uninstalled`, and on
a `tokens_revoked` that names the bot, Bolt's own revocation listener deletes
the installation (its bot token), then that workspace's shares (with their
feedback) and channel settings (auto, language, roundup schedules) are
deleted. Single workspace: the only workspace is gone, so `app_uninstalled`
deletes every Slack share and setting. A revocation of user tokens alone
(the app asks for none) deletes nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext

from bots.service import DigestService
from bots.slackbot.target import PLATFORM
from bots.storage.workspace import current_workspace, slack_workspace

logger = logging.getLogger(__name__)


def register_uninstall(app: AsyncApp, service: DigestService, *, oauth: bool) -> None:
    """Tag each request with its workspace; clean up after an uninstall or a token revocation."""
    app.middleware(_tag_workspace)
    if oauth:
        _forget_departed_workspaces(app, service)
        return

    @app.event("app_uninstalled")
    async def uninstalled() -> None:
        removed = await service.forget(PLATFORM)
        logger.warning("app uninstalled: %s Slack shares and settings deleted", removed)

    @app.event("tokens_revoked")
    async def revoked() -> None:
        logger.warning("Slack revoked this app's tokens: set a new SLACK_BOT_TOKEN")


async def _tag_workspace(context: AsyncBoltContext, next: Callable[[], Awaitable[None]]) -> None:
    """Set the request's workspace for what its listener writes (the listener inherits it)."""
    current_workspace.set(slack_workspace(context.enterprise_id, context.team_id))
    await next()


def _forget_departed_workspaces(app: AsyncApp, service: DigestService) -> None:
    delete_installation = app.default_app_uninstalled_event_listener()
    delete_tokens = app.default_tokens_revoked_event_listener()

    @app.event("app_uninstalled")
    async def uninstalled(context: AsyncBoltContext) -> None:
        await delete_installation(context)
        await _forget_workspace(service, context, "app uninstalled")

    @app.event("tokens_revoked")
    async def revoked(event: dict[str, Any], context: AsyncBoltContext) -> None:
        await delete_tokens(event, context)
        if event.get("tokens", {}).get("bot"):
            await _forget_workspace(service, context, "bot token revoked")


async def _forget_workspace(service: DigestService, context: AsyncBoltContext, why: str) -> None:
    workspace = slack_workspace(context.enterprise_id, context.team_id)
    if workspace is None:
        logger.warning("%s, but Slack named no workspace: nothing deleted", why)
        return
    removed = await service.forget(PLATFORM, workspace=workspace)
    logger.warning("%s in %s: %s shares and settings deleted", why, workspace, removed)
