"""From a channel's share history to a `Roundup`: windows, time zones, stored digests.

`parse_window` reads `today`, `week` or `N days` (and 今天 / 本周 / N 天) in
the channel's time zone; `channel_roundup` reads the window's shares and
their cached digests from the store and hands them to the pure
`summarizer.roundup.build.build_roundup`. Nothing is fetched again: a link whose
digest is not in the store counts as unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bots.storage.base import Store
from summarizer.models import Digest, Lang
from summarizer.roundup.build import Roundup, build_roundup

__all__ = [
    "MAX_DAYS",
    "TIMEZONE_KEY",
    "UnknownZone",
    "Window",
    "channel_roundup",
    "channel_zone",
    "parse_window",
    "zone_named",
]

TIMEZONE_KEY = "timezone"
DEFAULT_ZONE = "UTC"
MAX_DAYS = 31
_DAYS = re.compile(r"^(\d{1,2})\s*(?:d|days?|天)$")
_TODAY = frozenset({"", "today", "今天"})
_WEEK = frozenset({"week", "本周", "一周"})


class UnknownZone(ValueError):
    """Not an IANA time-zone name."""


@dataclass(frozen=True, slots=True)
class Window:
    """`[since, until)`, aware; shown in `until`'s time zone. `days` 0 means "today"."""

    since: datetime
    until: datetime
    days: int = 0


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone `name` ("Asia/Shanghai", "utc": any case); `UnknownZone` otherwise."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    # Only on a miss: listing every zone reads the whole tz database.
    spelled = {zone.lower(): zone for zone in available_timezones()}
    if name.lower() not in spelled:
        raise UnknownZone(name)
    return ZoneInfo(spelled[name.lower()])


def parse_window(text: str, *, now: datetime, zone: ZoneInfo) -> Window | None:
    """`today` (since local midnight), `week` (7 days), `N days` (1–31); None if unreadable."""
    words = " ".join(text.lower().split())
    local_now = now.astimezone(zone)
    if words in _TODAY:
        midnight = local_now.replace(hour=0, minute=0, second=0, microsecond=0)
        return Window(midnight, local_now)
    days = 7 if words in _WEEK else _days(words)
    if days is None:
        return None
    return Window(local_now - timedelta(days=days), local_now, days)


def _days(words: str) -> int | None:
    match = _DAYS.match(words)
    if match is None or not 1 <= int(match[1]) <= MAX_DAYS:
        return None
    return int(match[1])


async def channel_zone(store: Store, platform: str, channel: str) -> ZoneInfo:
    """The channel's time-zone setting, UTC when unset (or no longer a known zone)."""
    name = await store.get_channel_setting(platform, channel, TIMEZONE_KEY)
    try:
        return zone_named(name or DEFAULT_ZONE)
    except UnknownZone:
        return ZoneInfo(DEFAULT_ZONE)


async def channel_roundup(
    store: Store, platform: str, channel: str, window: Window, *, lang: Lang | None = None
) -> Roundup:
    """The roundup of what was shared in `channel` during `window`, from stored digests."""
    since, until = window.since.astimezone(UTC), window.until.astimezone(UTC)
    shares = await store.shares(platform, channel, since=since, until=until)
    digests: dict[str, Digest | None] = {}
    for share in shares:
        if share.url not in digests:
            digests[share.url] = await store.get_digest(share.url)
    shared = [(share, digests[share.url]) for share in shares]
    return build_roundup(shared, since=window.since, until=window.until, lang=lang)
