"""When a channel's roundup is due: schedules, slots, and firing each slot once.

A schedule ("daily 18:00 Asia/Shanghai", "weekly fri 17:00 UTC") is kept as
a channel setting, so it survives restarts and every replica sees it. A
*slot* is one scheduled instant. Each tick, every replica looks at each
channel's latest slot; a slot is due from its instant until `GRACE` after it
(so a bot restarted a little late still posts), and only if it comes after
the moment the schedule was set (so setting 18:00 at 18:30 waits for
tomorrow). Whoever wins `channels.claim_slot("roundup:…:<slot>")` posts; the others
skip it. The claim outlives the grace period, so a slot fires at most once.
A roundup with nothing shared is not posted. Time comes from an injected
clock; `tick()` is the whole decision, so tests never sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from bots.phrasebook import Lang, Phrase, say, weekday_name
from bots.roundup_history import Window, zone_named
from bots.storage.base import StoreUnavailable
from summarizer.roundup.model import Roundup

if TYPE_CHECKING:  # Channels keeps schedules, so it imports this module
    from bots.channels import Channels

__all__ = [
    "GRACE",
    "SCHEDULE_KEY",
    "RoundupScheduler",
    "Schedule",
    "ScheduleError",
    "parse_schedule",
]

logger = logging.getLogger(__name__)

SCHEDULE_KEY = "roundup_schedule"
GRACE = timedelta(hours=2)
CLAIM_TTL = timedelta(days=8)
"""Longer than a week plus the grace period: a slot's claim outlives every chance to fire it."""
TICK_SECONDS = 60.0
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ZH_DAYS = "一二三四五六日"

Clock = Callable[[], datetime]
Post = Callable[[str, Roundup], Awaitable[None]]


class ScheduleError(ValueError):
    """The schedule text could not be read; `key`/`values` name the line to show."""

    def __init__(self, key: str, **values: str) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True, slots=True)
class Schedule:
    """One channel's roundup schedule; slots after `since` (aware) fire."""

    every: Literal["daily", "weekly"]
    at: time
    zone: str
    since: datetime
    weekday: int | None = None

    @property
    def period(self) -> timedelta:
        """The window each roundup covers: the day or the week before its slot."""
        return timedelta(days=1 if self.every == "daily" else 7)

    def latest_slot(self, now: datetime) -> datetime:
        """The last scheduled instant at or before `now`, in the schedule's zone."""
        zone = ZoneInfo(self.zone)
        today = now.astimezone(zone).date()
        for back in range(8):
            day = today - timedelta(days=back)
            slot = datetime.combine(day, self.at, tzinfo=zone)
            if slot <= now and (self.weekday is None or day.weekday() == self.weekday):
                return slot
        raise AssertionError("a weekly schedule always has a slot in the last 8 days")

    def due(self, now: datetime) -> datetime | None:
        """The slot to fire now, if any: within the grace period and after `since`."""
        slot = self.latest_slot(now)
        return slot if slot > self.since and now - slot < GRACE else None

    def describe(self, lang: Lang) -> str:
        """ "every Friday at 17:00 (Europe/Berlin)" / "每周五 17:00（Europe/Berlin）"."""
        at = f"{self.at:%H:%M}"
        if self.weekday is None:
            return say(Phrase.ROUNDUP_DAILY, lang, at=at, zone=self.zone)
        day = weekday_name(self.weekday, lang)
        return say(Phrase.ROUNDUP_WEEKLY, lang, day=day, at=at, zone=self.zone)

    def to_setting(self) -> str:
        """The schedule as the channel setting's value."""
        data = {"every": self.every, "at": f"{self.at:%H:%M}", "zone": self.zone}
        return json.dumps({**data, "weekday": self.weekday, "since": self.since.isoformat()})

    @classmethod
    def from_setting(cls, value: str) -> Schedule | None:
        """The stored schedule, or None when it is off (or unreadable, which is logged)."""
        if value == "off":
            return None
        try:
            data = json.loads(value)
            at = time.fromisoformat(data["at"])
            since = datetime.fromisoformat(data["since"])
            return cls(data["every"], at, data["zone"], since, data["weekday"])
        except (ValueError, KeyError, TypeError):
            logger.warning("ignoring an unreadable roundup schedule: %r", value[:200])
            return None


def parse_schedule(words: list[str], *, now: datetime, default_zone: str) -> Schedule | None:
    """`daily 18:00 [zone]`, `weekly fri 17:00 [zone]` → a Schedule; `off` → None."""
    every = words[0].lower() if words else ""
    if every == "off" and len(words) == 1:
        return None
    if len(words) < 2 or every not in ("daily", "weekly"):
        raise ScheduleError("usage")
    weekly = every == "weekly"
    weekday = _weekday(words[1]) if weekly else None
    rest = words[2:] if weekly else words[1:]
    if not rest or len(rest) > 2 or not (match := _TIME.match(rest[0])):
        raise ScheduleError("usage")
    zone = zone_named(rest[1] if len(rest) == 2 else default_zone)
    at = time(int(match[1]), int(match[2]))
    return Schedule("weekly" if weekly else "daily", at, zone.key, now, weekday)


def _weekday(word: str) -> int:
    word = word.lower()
    for index, name in enumerate(_DAYS):
        if word.startswith(name) or word in (f"周{_ZH_DAYS[index]}", f"星期{_ZH_DAYS[index]}"):
            return index
    raise ScheduleError("usage")


class RoundupScheduler:
    """Posts each channel's due roundups on one platform; one instance per replica."""

    def __init__(
        self, channels: Channels, post: Post, *, clock: Clock = lambda: datetime.now(UTC)
    ) -> None:
        self._channels = channels
        self._platform = channels.platform
        self._post = post
        self._clock = clock
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Run the schedule loop in the background (call from a running event loop)."""
        name = f"{self._platform} roundups"
        self._task = asyncio.get_running_loop().create_task(self.run(), name=name)

    async def stop(self) -> None:
        """Stop the background loop, if it was started."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def tick(self) -> list[str]:
        """Fire every due slot this replica wins; the channels posted to."""
        now = self._clock()
        schedules = await self._channels.schedules()
        fired = []
        for channel, value in sorted(schedules.items()):
            schedule = Schedule.from_setting(value)
            slot = schedule.due(now) if schedule else None
            if schedule and slot and await self._fire(channel, schedule, slot):
                fired.append(channel)
        return fired

    async def run(self, *, interval: float = TICK_SECONDS) -> None:
        """Tick now and then every `interval` seconds until cancelled; failures are logged."""
        while True:
            try:
                await self.tick()
            except StoreUnavailable as exc:
                logger.warning("roundup schedules skipped this minute: %s", exc)
            except Exception:
                logger.exception("roundup scheduler tick failed")
            await asyncio.sleep(interval)

    async def _fire(self, channel: str, schedule: Schedule, slot: datetime) -> bool:
        key = f"roundup:{channel}:{slot.astimezone(UTC).isoformat()}"
        if not await self._channels.claim_slot(key, ttl=CLAIM_TTL):
            return False
        window = Window(slot - schedule.period, slot, schedule.period.days)
        roundup = await self._channels.roundup(channel, window)
        if roundup.empty:
            logger.info("roundup for %s at %s: nothing shared", channel, slot.isoformat())
            return False
        try:
            await self._post(channel, roundup)
        except Exception:
            logger.exception("posting the roundup to %s failed", channel)
            return False
        logger.info("roundup posted to %s (%d articles)", channel, roundup.articles)
        return True
