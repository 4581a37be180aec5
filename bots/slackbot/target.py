"""Where answers to one Slack request go."""

from __future__ import annotations

from dataclasses import dataclass, field

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

__all__ = ["PLATFORM", "Target"]

PLATFORM = "slack"


@dataclass(frozen=True, slots=True)
class Target:
    """Where answers to one request go, and with which client.

    `client` is the request's own (Bolt's `context.client`): authorized for the
    workspace the request came from. `respond` is the request's response_url
    (slash commands, shortcuts): private lines go there. Otherwise they are
    ephemeral to `user`, or public in the thread when `public_errors`.
    """

    channel: str
    user: str | None
    thread_ts: str | None = None
    respond: AsyncRespond | None = None
    public_errors: bool = False
    client: AsyncWebClient = field(kw_only=True)
