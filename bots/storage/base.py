"""What the adapters need to remember, as one async interface.

Implementations: SQLAlchemy (SQLite by default, PostgreSQL when configured),
with Redis for cross-replica event dedupe when `DIGESTBOT_REDIS_URL` is set.
Every method may raise `StoreUnavailable`; callers degrade (no cache, dedupe
only within the process) instead of failing the user's request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from summarizer.models import Digest

DEFAULT_DIGEST_TTL = timedelta(days=7)


class StoreUnavailable(Exception):
    """The database or Redis could not be reached."""


@dataclass(frozen=True, slots=True)
class Share:
    """One link shared in a channel, and where its digest was posted."""

    platform: str
    channel: str
    url: str
    shared_at: datetime
    user: str | None = None
    message_ref: str | None = None
    title: str | None = None
    ok: bool = True
    feedback: Mapping[str, str] | None = None
    """Person → "useful" / "not_useful", the latest verdict each gave on the digest."""


class Store(Protocol):
    async def get_digest(self, url: str) -> Digest | None: ...

    async def put_digest(
        self, url: str, digest: Digest, *, ttl: timedelta = DEFAULT_DIGEST_TTL
    ) -> None: ...

    async def get_channel_setting(self, platform: str, channel: str, key: str) -> str | None: ...

    async def get_channel_settings(self, platform: str, channel: str) -> dict[str, str]: ...

    async def set_channel_setting(
        self, platform: str, channel: str, key: str, value: str
    ) -> None: ...

    async def channels_with_setting(self, platform: str, key: str) -> dict[str, str]:
        """Channel → value for every channel of `platform` where `key` is set."""
        ...

    async def claim(self, key: str, *, ttl: timedelta) -> bool:
        """True for the first caller of `key` within `ttl` (across replicas)."""
        ...

    async def hold(self, key: str, *, ttl: timedelta) -> None:
        """Hold `key` for `ttl` from now, whoever held it (its work is done)."""
        ...

    async def record_share(self, share: Share) -> None: ...

    async def last_share(
        self, platform: str, channel: str, url: str, *, since: datetime
    ) -> Share | None: ...

    async def last_share_of(
        self, platform: str, channel: str, urls: Sequence[str], *, since: datetime
    ) -> Share | None: ...

    async def shares(
        self, platform: str, channel: str, *, since: datetime, until: datetime
    ) -> list[Share]: ...

    async def posted_share(self, platform: str, channel: str, message_ref: str) -> Share | None:
        """The share whose digest was posted at `message_ref`, if it is still kept."""
        ...

    async def give_feedback(
        self, platform: str, channel: str, message_ref: str, user: str, verdict: str
    ) -> bool:
        """Keep `user`'s verdict on the digest at `message_ref`; False when they gave it already."""
        ...

    async def forget_posted(self, platform: str, channel: str, message_ref: str) -> None:
        """The digest at `message_ref` was deleted: forget its share."""
        ...

    async def close(self) -> None: ...
