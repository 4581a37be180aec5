"""What was pasted in one console session, so `roundup` can sum it up.

The console has no channel and no store history of its own: each answer is
remembered here, in memory, as a share with its digest (or as unreadable),
and `roundup()` builds the same `Roundup` the chat platforms post.
"""

from __future__ import annotations

from datetime import datetime

from bots.answers import Answer, Failed
from bots.results import Digested
from bots.storage.base import Share
from summarizer.models import Digest
from summarizer.roundup.build import build_roundup
from summarizer.roundup.model import Roundup

__all__ = ["ROUNDUP_WORDS", "Session"]

ROUNDUP_WORDS = frozenset({"roundup", "汇总"})
PLATFORM = "console"


class Session:
    """The session's answers, in order, as (share, digest) pairs."""

    def __init__(self, *, started: datetime | None = None) -> None:
        self.started = started or datetime.now().astimezone()
        self._shared: list[tuple[Share, Digest | None]] = []

    def remember(self, answers: list[Answer]) -> None:
        """Keep each digest (and each link that failed); other lines are skipped."""
        for answer in answers:
            digest = answer.digest if isinstance(answer, Digested) else None
            if digest is None and not (isinstance(answer, Failed) and answer.url):
                continue
            assert isinstance(answer, Digested | Failed)
            url = answer.url or f"pasted text {len(self._shared) + 1}"
            title = digest.title if digest else None
            share = Share(
                platform=PLATFORM,
                channel="session",
                url=url,
                shared_at=datetime.now().astimezone(),
                title=title,
                ok=digest is not None,
            )
            self._shared.append((share, digest))

    def roundup(self) -> Roundup:
        """Everything remembered so far, grouped like a channel's roundup."""
        now = datetime.now().astimezone()
        return build_roundup(self._shared, since=self.started, until=now)
