"""Roundup windows and time zones: which stretch of a channel's history a roundup covers.

`parse_window` reads `today`, `week` or `N days` (and 今天 / 本周 / N 天) in
the channel's time zone. The history itself comes from `bots.channels`
(`Channels.roundup`), which hands the window's shares and their cached digests
to the pure `summarizer.roundup.build.build_roundup`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

__all__ = [
    "DEFAULT_ZONE",
    "MAX_DAYS",
    "TIMEZONE_KEY",
    "UnknownZone",
    "Window",
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
