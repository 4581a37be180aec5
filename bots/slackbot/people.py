"""What Slack says about a person: their locale, and whether they manage a channel.

`users.info` (with `include_locale`) gives the locale ("zh-CN") and the
workspace roles (`is_admin`, `is_owner`); `conversations.info` gives a
channel's `creator`. A channel's manager is its creator or a workspace admin or
owner; a direct message is its member's own. Any API failure (a missing scope,
a deleted user) reads as "unknown locale" and "not a manager": safe defaults.
Answers are kept for the life of one request only.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

__all__ = ["SlackPeople"]

logger = logging.getLogger(__name__)


class SlackPeople:
    """Per-request lookups with the request's own Web API client."""

    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client
        self._users: dict[str, dict[str, Any]] = {}

    async def locale(self, user: str | None) -> str | None:
        info = await self._user(user)
        locale = info.get("locale")
        return locale if isinstance(locale, str) else None

    async def may_manage(self, user: str | None, channel: str) -> bool:
        if user is None:
            return False
        if channel.startswith("D"):
            return True
        info = await self._user(user)
        if info.get("is_admin") or info.get("is_owner") or info.get("is_primary_owner"):
            return True
        try:
            answer = await self._client.conversations_info(channel=channel)
        except SlackApiError as exc:
            logger.info("conversations.info failed for %s: %s", channel, exc.response.get("error"))
            return False
        info = answer.get("channel") or {}
        return bool(isinstance(info, dict) and info.get("creator") == user)

    async def _user(self, user: str | None) -> dict[str, Any]:
        if user is None:
            return {}
        if user not in self._users:
            try:
                answer = await self._client.users_info(user=user, include_locale=True)
                self._users[user] = dict(answer.get("user") or {})
            except SlackApiError as exc:
                logger.info("users.info failed for %s: %s", user, exc.response.get("error"))
                self._users[user] = {}
        return self._users[user]
