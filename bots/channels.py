"""Channel settings, claims and share history: the one interface adapters use for them.

Adapters never touch the store; they ask `Channels`. Every call degrades when
the store is missing or down: settings read as unset, claims fall back to this
process's memory, history reads as empty (a warning is logged).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from bots.phrasebook import Lang
from bots.roundup_schedule import SCHEDULE_KEY, Schedule
from bots.storage import Share, Store, StoreUnavailable
from summarizer.fetching.urls import link_key, normalize_url

__all__ = ["AUTO_DEFAULT", "DEDUPE_WINDOW", "ChannelSettings", "Channels"]

logger = logging.getLogger(__name__)
_Result = TypeVar("_Result")

DEDUPE_WINDOW = timedelta(hours=24)
AUTO_DEFAULT = True
"""Pasted links get digests unless a channel manager turns it off, on every platform.

The bot only hears channels someone added it to (Slack: invited; Discord: a
server admin installed it and granted Message Content), so that act is the
opt-in; `/summarize auto off` is one command away.
"""
_AUTO, _LANG = "auto", "lang"


@dataclass(frozen=True, slots=True)
class ChannelSettings:
    """What `/summarize settings` shows."""

    auto: bool
    lang: Lang | None
    schedule: Schedule | None


class Channels:
    """Settings, claims and shares of one platform's channels, behind the service's store."""

    def __init__(
        self,
        platform: str,
        store: Callable[[], Store | None],
        claim: Callable[..., Awaitable[bool]],
    ) -> None:
        self.platform = platform
        self._store = store
        self._claim = claim  # the service's: Redis, then the database, then this process

    async def settings(self, channel: str) -> ChannelSettings:
        auto = await self._get(channel, _AUTO)
        lang = await self._get(channel, _LANG)
        schedule = await self._get(channel, SCHEDULE_KEY)
        return ChannelSettings(
            auto=AUTO_DEFAULT if auto is None else auto == "on",
            lang="zh" if lang == "zh" else "en" if lang == "en" else None,
            schedule=Schedule.from_setting(schedule) if schedule else None,
        )

    async def set_auto(self, channel: str, on: bool) -> None:
        await self._set(channel, _AUTO, "on" if on else "off")

    async def set_lang(self, channel: str, lang: Lang | None) -> None:
        """The channel's reply language; None: follow each request."""
        await self._set(channel, _LANG, lang or "auto")

    async def claim(self, key: str, *, ttl: timedelta = DEDUPE_WINDOW) -> bool:
        """True for the first caller of `key` within `ttl` (platform retries, replicas)."""
        return await self._claim(f"{self.platform}:{key}", ttl=ttl)

    async def previous_share(self, channel: str, url: str) -> Share | None:
        """The same article's digest in `channel` within 24 hours (http or https), if any."""
        since = datetime.now(UTC) - DEDUPE_WINDOW
        shown = normalize_url(url)
        for form in dict.fromkeys((shown, link_key(url), "http" + link_key(url)[5:])):
            share = await self._last_share(channel, form, since)
            if share is not None and share.ok:
                return share
        return None

    async def _last_share(self, channel: str, url: str, since: datetime) -> Share | None:
        return await self._call(lambda s: s.last_share(self.platform, channel, url, since=since))

    async def record(
        self, channel: str, url: str, *, user: str | None, ref: str | None, title: str | None
    ) -> None:
        """Remember a link shared in `channel`: its digest's title and where it went, or failed."""
        share = Share(
            platform=self.platform,
            channel=channel,
            url=normalize_url(url),
            shared_at=datetime.now(UTC),
            user=user,
            message_ref=ref,
            title=title,
            ok=title is not None,
        )
        await self._call(lambda store: store.record_share(share))

    async def _get(self, channel: str, key: str) -> str | None:
        return await self._call(lambda s: s.get_channel_setting(self.platform, channel, key))

    async def _set(self, channel: str, key: str, value: str) -> None:
        await self._call(lambda s: s.set_channel_setting(self.platform, channel, key, value))

    async def _call(self, call: Callable[[Store], Awaitable[_Result]]) -> _Result | None:
        store = self._store()
        if store is None:
            return None
        try:
            return await call(store)
        except StoreUnavailable as exc:
            logger.warning("store unavailable: %s", exc)
            return None
