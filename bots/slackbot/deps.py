"""What every Slack listener needs, handed over as one value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bots.jobs import Jobs
from bots.service import DigestService
from bots.slackbot.replies import Poster

__all__ = ["Deps", "team_of"]


@dataclass(frozen=True, slots=True)
class Deps:
    """The service, the start-up Web API client, the poster, and the background jobs.

    Answers to a request use the request's own client (`Target.client`);
    `client` is for work no request started (scheduled roundups).
    """

    service: DigestService
    client: AsyncWebClient
    poster: Poster
    jobs: Jobs


def team_of(body: dict[str, Any]) -> dict[str, str | None]:
    """The workspace (and Enterprise Grid org) a request came from, for its worker's client."""
    team = body.get("team")
    enterprise = body.get("enterprise")
    return {
        "team": body.get("team_id") or (team.get("id") if isinstance(team, dict) else None),
        "enterprise": body.get("enterprise_id")
        or (enterprise.get("id") if isinstance(enterprise, dict) else None),
    }
