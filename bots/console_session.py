"""What was pasted in one console session, so `roundup` can sum it up.

The console has no channel and no store history of its own: each answer is
remembered here, in memory, as a share with its digest (or as unreadable),
and `roundup()` builds the same `Roundup` the chat platforms post.
"""

from __future__ import annotations

from datetime import datetime

from bots.service import Outcome
from bots.storage.base import Share
from summarizer.models import Digest
from summarizer.roundup.build import Roundup, build_roundup

__all__ = ["ROUNDUP_WORDS", "Session"]

ROUNDUP_WORDS = frozenset({"roundup", "汇总"})
PLATFORM = "console"


class Session:
    """The session's answers, in order, as (share, digest) pairs."""

    def __init__(self, *, started: datetime | None = None) -> None:
        self.started = started or datetime.now().astimezone()
        self._shared: list[tuple[Share, Digest | None]] = []

    def remember(self, outcomes: list[Outcome]) -> None:
        """Keep each digest (and each link that failed); notes without a source are skipped."""
        for outcome in outcomes:
            if not outcome.source and outcome.digest is None:
                continue
            url = outcome.source or f"pasted text {len(self._shared) + 1}"
            title = outcome.digest.title if outcome.digest else None
            share = Share(
                platform=PLATFORM,
                channel="session",
                url=url,
                shared_at=datetime.now().astimezone(),
                title=title,
                ok=outcome.digest is not None,
            )
            self._shared.append((share, outcome.digest))

    def roundup(self) -> Roundup:
        """Everything remembered so far, grouped like a channel's roundup."""
        now = datetime.now().astimezone()
        return build_roundup(self._shared, since=self.started, until=now)
