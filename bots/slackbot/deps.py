"""What every Slack listener needs, handed over as one value."""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.web.async_client import AsyncWebClient

from bots.service import MAX_LINKS, DigestService
from bots.slackbot.jobs import Jobs
from bots.slackbot.replies import Poster

__all__ = ["MAX_LINKS", "Deps"]


@dataclass(frozen=True, slots=True)
class Deps:
    """The service, the Web API client, the poster built on it, and the background jobs."""

    service: DigestService
    client: AsyncWebClient
    poster: Poster
    jobs: Jobs
