"""Channel settings, claims, share history and roundups: the one interface adapters use.

Adapters and roundups never touch the store; they ask `Channels`. The chat
calls degrade when the store is missing or down: settings read as unset,
claims fall back to this process's memory, history reads as empty, feedback
is only counted (a warning is logged). The roundup calls (`zone`,
`set_schedule`, `schedules`, `roundup`, `claim_slot`) raise `StoreUnavailable`
instead, because a roundup without its history would be wrong, not smaller:
the roundup command says so and the scheduler skips that minute.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from bots.phrasebook import Lang
from bots.roundup_history import DEFAULT_ZONE, TIMEZONE_KEY, UnknownZone, Window, zone_named
from bots.roundup_schedule import SCHEDULE_KEY, Schedule
from bots.storage import Share, Store, StoreUnavailable
from summarizer.fetching.urls import link_key, normalize_url
from summarizer.models import Digest
from summarizer.roundup.model import Roundup

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
        claim_first: Callable[..., Awaitable[bool]],
    ) -> None:
        self.platform = platform
        self._store = store
        self._claim = claim  # the service's: Redis, then the database, then this process
        self._claim_first = claim_first

    async def settings(self, channel: str) -> ChannelSettings:
        values = await self._call(lambda s: s.get_channel_settings(self.platform, channel)) or {}
        auto, lang, schedule = (values.get(key) for key in (_AUTO, _LANG, SCHEDULE_KEY))
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

    async def claim_request(self, key: str, *, ttl: timedelta) -> bool:
        """True for the first copy of a request `key` no genuine second request shares.

        One authority answers (`Claims.claim_first`): the ack waits on it.
        """
        return await self._claim_first(f"{self.platform}:{key}", ttl=ttl)

    async def previous_share(self, channel: str, url: str) -> Share | None:
        """The same article's digest in `channel` within 24 hours (http or https), if any."""
        since = datetime.now(UTC) - DEDUPE_WINDOW
        forms = list(dict.fromkeys((normalize_url(url), link_key(url), "http" + link_key(url)[5:])))
        share = await self._call(
            lambda s: s.last_share_of(self.platform, channel, forms, since=since)
        )
        return share if share is not None and share.ok else None

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

    async def posted(self, channel: str, ref: str) -> Share | None:
        """The share whose digest was posted at `ref` (who asked for it), if still kept."""
        return await self._call(lambda s: s.posted_share(self.platform, channel, ref))

    async def feedback(self, channel: str, ref: str, user: str, verdict: str) -> bool:
        """Keep `user`'s verdict on the digest at `ref`; False when they gave it already."""
        kept = await self._call(
            lambda s: s.give_feedback(self.platform, channel, ref, user, verdict)
        )
        return kept is not False

    async def forget_posted(self, channel: str, ref: str) -> None:
        """The digest at `ref` was deleted: no pointer to it, no place in a roundup."""
        await self._call(lambda s: s.forget_posted(self.platform, channel, ref))

    async def zone(self, channel: str) -> ZoneInfo:
        """The channel's time zone for roundups; UTC when unset (or no longer a known zone)."""
        name = await self._required().get_channel_setting(self.platform, channel, TIMEZONE_KEY)
        try:
            return zone_named(name or DEFAULT_ZONE)
        except UnknownZone:
            return ZoneInfo(DEFAULT_ZONE)

    async def set_schedule(self, channel: str, schedule: Schedule | None) -> None:
        """Keep the channel's roundup schedule (None: off); its zone becomes the channel's."""
        store = self._required()
        if schedule is not None:
            await store.set_channel_setting(self.platform, channel, TIMEZONE_KEY, schedule.zone)
        value = schedule.to_setting() if schedule is not None else "off"
        await store.set_channel_setting(self.platform, channel, SCHEDULE_KEY, value)

    async def schedules(self) -> dict[str, str]:
        """Channel → stored schedule, for every channel of this platform that has one."""
        return await self._required().channels_with_setting(self.platform, SCHEDULE_KEY)

    async def roundup(self, channel: str, window: Window, *, lang: Lang | None = None) -> Roundup:
        """What was shared in `channel` during `window`, from stored digests (nothing fetched)."""
        store = self._required()
        since, until = window.since.astimezone(UTC), window.until.astimezone(UTC)
        found = await store.shares(self.platform, channel, since=since, until=until)
        digests: dict[str, Digest | None] = {}
        for share in found:
            if share.url not in digests:
                digests[share.url] = await store.get_digest(share.url)
        shared = [(share, digests[share.url]) for share in found]
        # Imported when a roundup is asked for: clustering loads jieba's dictionary,
        # 35 MB a process that only acks and posts never needs (README, Load).
        from summarizer.roundup.build import build_roundup

        return build_roundup(shared, since=window.since, until=window.until, lang=lang)

    async def claim_slot(self, key: str, *, ttl: timedelta) -> bool:
        """A claim held for `ttl` at once, by no task: a scheduled roundup's slot."""
        return await self._required().claim(f"{self.platform}:{key}", ttl=ttl)

    @property
    def keeps_history(self) -> bool:
        """Whether there is a store at all (roundups need one; it may still be down)."""
        return self._store() is not None

    async def _set(self, channel: str, key: str, value: str) -> None:
        await self._call(lambda s: s.set_channel_setting(self.platform, channel, key, value))

    def _required(self) -> Store:
        store = self._store()
        if store is None:
            raise StoreUnavailable("this bot runs without a store")
        return store

    async def _call(self, call: Callable[[Store], Awaitable[_Result]]) -> _Result | None:
        store = self._store()
        if store is None:
            return None
        try:
            return await call(store)
        except StoreUnavailable as exc:
            logger.warning("store unavailable: %s", exc)
            return None
