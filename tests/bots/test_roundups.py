"""Roundup commands and schedules on a real store, with an injected clock (no sleeping)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bots.channels import Channels
from bots.config import Settings
from bots.roundup_history import TIMEZONE_KEY, parse_window
from bots.roundup_schedule import SCHEDULE_KEY, RoundupScheduler, Schedule, parse_schedule
from bots.roundups import roundup_args, roundup_command
from bots.storage import Share, SqlStore, open_store
from summarizer.models import Digest
from summarizer.roundup.model import Roundup
from tests.bots.test_storage import Backend, FakeClock
from tests.support.store_servers import REDIS_VAR, server_url, store_database

PLATFORM = "slack"
SHANGHAI = ZoneInfo("Asia/Shanghai")
# Friday 2026-03-06, 10:00 UTC = 18:00 in Shanghai.
FRIDAY_18_SHANGHAI = datetime(2026, 3, 6, 10, 0, tzinfo=UTC)


@pytest.fixture(
    params=[("sqlite", False), ("postgres", False), ("sqlite", True)],
    ids=["sqlite", "postgres", "redis"],
)
async def replicas(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    kind, with_redis = request.param
    redis_url = server_url(REDIS_VAR) if with_redis else None
    async with store_database(kind, tmp_path) as url:
        settings = Settings(
            DIGESTBOT_DATA_DIR=tmp_path, DIGESTBOT_DATABASE_URL=url, DIGESTBOT_REDIS_URL=redis_url
        )
        found = Backend(settings, FakeClock(FRIDAY_18_SHANGHAI - timedelta(days=3)))
        yield found
        for store in found.opened:
            await store.close()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqlStore]:
    clock = FakeClock(FRIDAY_18_SHANGHAI)
    opened = await open_store(Settings(DIGESTBOT_DATA_DIR=tmp_path), clock=clock)
    yield opened
    await opened.close()


def article(n: int, topic: str) -> Digest:
    return Digest(
        tldr=f"Report {n}: the {topic} story, told plainly.",
        key_points=[f"Point {n}"],
        keywords=[topic],
        title=f"Story {n} on {topic}",
        url=f"https://news.example/{n}",
        site="news.example",
    )


async def share(store: SqlStore, channel: str, n: int, at: datetime, *, topic: str = "") -> None:
    """A link shared in `channel` at `at`, with its digest in the cache."""
    digest = article(n, topic or f"topic{n}")
    assert digest.url is not None
    await store.put_digest(digest.url, digest)
    await store.record_share(Share(PLATFORM, channel, digest.url, at, user=f"U{n}"))


@pytest.mark.parametrize(
    ("text", "since", "days"),
    [
        ("", datetime(2026, 3, 6, 0, 0, tzinfo=SHANGHAI), 0),
        ("today", datetime(2026, 3, 6, 0, 0, tzinfo=SHANGHAI), 0),
        ("今天", datetime(2026, 3, 6, 0, 0, tzinfo=SHANGHAI), 0),
        ("week", datetime(2026, 2, 27, 18, 0, tzinfo=SHANGHAI), 7),
        ("本周", datetime(2026, 2, 27, 18, 0, tzinfo=SHANGHAI), 7),
        ("3 days", datetime(2026, 3, 3, 18, 0, tzinfo=SHANGHAI), 3),
        ("3天", datetime(2026, 3, 3, 18, 0, tzinfo=SHANGHAI), 3),
        ("1d", datetime(2026, 3, 5, 18, 0, tzinfo=SHANGHAI), 1),
    ],
)
def test_windows_are_read_in_the_channel_time_zone(text: str, since: datetime, days: int) -> None:
    window = parse_window(text, now=FRIDAY_18_SHANGHAI, zone=SHANGHAI)
    assert window is not None
    assert window.since == since and window.until == FRIDAY_18_SHANGHAI and window.days == days


@pytest.mark.parametrize("text", ["yesterday", "0 days", "40 days", "week please"])
def test_unreadable_windows_are_refused(text: str) -> None:
    assert parse_window(text, now=FRIDAY_18_SHANGHAI, zone=SHANGHAI) is None


@pytest.mark.parametrize(
    ("text", "every", "at", "weekday", "zone"),
    [
        ("daily 18:00 Asia/Shanghai", "daily", time(18, 0), None, "Asia/Shanghai"),
        ("daily 7:05", "daily", time(7, 5), None, "UTC"),
        ("weekly fri 17:00 europe/berlin", "weekly", time(17, 0), 4, "Europe/Berlin"),
        ("weekly Monday 09:30", "weekly", time(9, 30), 0, "UTC"),
        ("weekly 周日 20:00 Asia/Shanghai", "weekly", time(20, 0), 6, "Asia/Shanghai"),
    ],
)
def test_schedules_are_parsed(
    text: str, every: str, at: time, weekday: int | None, zone: str
) -> None:
    schedule = parse_schedule(text.split(), now=FRIDAY_18_SHANGHAI, default_zone="UTC")
    assert schedule is not None
    assert (schedule.every, schedule.at, schedule.weekday, schedule.zone) == (
        every,
        at,
        weekday,
        zone,
    )
    assert Schedule.from_setting(schedule.to_setting()) == schedule


def test_latest_slot_of_a_weekly_schedule_is_last_friday_in_its_zone() -> None:
    schedule = parse_schedule(
        ["weekly", "fri", "18:00", "Asia/Shanghai"],
        now=datetime(2026, 1, 1, tzinfo=UTC),
        default_zone="UTC",
    )
    assert schedule is not None
    thursday = datetime(2026, 3, 12, 3, 0, tzinfo=UTC)
    assert schedule.latest_slot(thursday) == FRIDAY_18_SHANGHAI
    assert schedule.due(thursday) is None  # long past the grace period
    assert schedule.due(FRIDAY_18_SHANGHAI + timedelta(minutes=1)) == FRIDAY_18_SHANGHAI


def test_only_roundup_commands_are_taken() -> None:
    assert roundup_args("roundup week") == "week"
    assert roundup_args("Roundup") == ""
    assert roundup_args("roundups are great https://x.example") is None
    assert roundup_args("https://x.example") is None


async def test_a_roundup_is_built_from_stored_history(store: SqlStore) -> None:
    now = FRIDAY_18_SHANGHAI
    await share(store, "C1", 1, now - timedelta(days=8))  # outside the week
    await share(store, "C1", 2, now - timedelta(days=2), topic="tariffs")
    await share(store, "C1", 3, now - timedelta(hours=3), topic="tariffs")
    await share(store, "C2", 4, now - timedelta(hours=1))  # another channel
    await store.record_share(Share(PLATFORM, "C1", "https://gone.example/", now, ok=False))
    answer = await roundup_command(channels(store), "C1", "week", lang="en", now=now)
    roundup = answer.roundup
    assert roundup is not None
    assert urls(roundup) == ["https://news.example/2", "https://news.example/3"]
    assert roundup.unread == 0  # shared at `now`: outside [since, until)
    today = await roundup_command(channels(store), "C1", "today", lang="en", now=now)
    assert today.roundup is not None
    assert urls(today.roundup) == ["https://news.example/3"]


def channels(store: SqlStore | None) -> Channels:
    """The channels interface the bots use, over `store` (None: a bot without one)."""
    claim = store.claim if store is not None else _never
    return Channels(PLATFORM, lambda: store, claim, claim)


async def _never(key: str, *, ttl: timedelta) -> bool:
    return False


def urls(roundup: Roundup) -> list[str]:
    return [s.url for t in roundup.topics for e in t.entries for s in e.sources]


async def test_nothing_shared_and_bad_input_get_one_line(store: SqlStore) -> None:
    nothing = await roundup_command(
        channels(store), "C9", "3 days", lang="en", now=FRIDAY_18_SHANGHAI
    )
    assert (
        nothing.roundup is None
        and nothing.note == "Nothing was shared in this channel in the last 3 days."
    )
    usage = await roundup_command(
        channels(store), "C9", "forever", lang="zh", now=FRIDAY_18_SHANGHAI
    )
    assert "频道汇总" in usage.note
    zone = await roundup_command(
        channels(store),
        "C9",
        "schedule daily 18:00 Mars/Olympus",
        lang="en",
        now=FRIDAY_18_SHANGHAI,
    )
    assert "Mars/Olympus" in zone.note
    no_store = await roundup_command(
        channels(None), "C9", "week", lang="en", now=FRIDAY_18_SHANGHAI
    )
    assert "store" in no_store.note


async def test_a_schedule_command_keeps_the_schedule_and_the_time_zone(store: SqlStore) -> None:
    answer = await roundup_command(
        channels(store),
        "C1",
        "schedule weekly fri 18:00 Asia/Shanghai",
        lang="en",
        now=FRIDAY_18_SHANGHAI,
    )
    assert answer.note == "A roundup will be posted here every Friday at 18:00 (Asia/Shanghai)."
    assert await store.get_channel_setting(PLATFORM, "C1", TIMEZONE_KEY) == "Asia/Shanghai"
    later = await roundup_command(
        channels(store), "C1", "schedule daily 08:00", lang="en", now=FRIDAY_18_SHANGHAI
    )
    assert "(Asia/Shanghai)" in later.note  # the channel's zone is the default now
    off = await roundup_command(
        channels(store), "C1", "schedule off", lang="en", now=FRIDAY_18_SHANGHAI
    )
    assert "off" in off.note
    assert await store.channels_with_setting(PLATFORM, SCHEDULE_KEY) == {"C1": "off"}


class Posts:
    """What the schedulers posted, as (channel, roundup) in order."""

    def __init__(self) -> None:
        self.posted: list[tuple[str, Roundup]] = []

    async def __call__(self, channel: str, roundup: Roundup) -> None:
        self.posted.append((channel, roundup))


async def test_a_schedule_fires_exactly_once_across_two_replicas(replicas: Backend) -> None:
    channel = f"C-{uuid.uuid4().hex[:8]}"  # a Redis shared between runs has not seen it
    first, second = await replicas.replica(), await replicas.replica()
    clock = replicas.clock
    await roundup_command(
        channels(first), channel, "schedule daily 18:00 Asia/Shanghai", lang="en", now=clock.now
    )
    posts = Posts()
    a = RoundupScheduler(channels(first), posts, clock=clock)
    b = RoundupScheduler(channels(second), posts, clock=clock)
    await share(first, channel, 1, FRIDAY_18_SHANGHAI - timedelta(hours=5))

    clock.now = FRIDAY_18_SHANGHAI + timedelta(minutes=1)
    await asyncio.gather(a.tick(), b.tick())
    await asyncio.gather(a.tick(), b.tick())
    clock.now += timedelta(minutes=30)
    await asyncio.gather(b.tick(), a.tick())
    assert [c for c, _ in posts.posted] == [channel]
    [(_, roundup)] = posts.posted
    assert roundup.since == FRIDAY_18_SHANGHAI - timedelta(days=1)
    assert roundup.until == FRIDAY_18_SHANGHAI and roundup.until.tzinfo == SHANGHAI

    await share(second, channel, 2, FRIDAY_18_SHANGHAI + timedelta(hours=2))
    clock.now = FRIDAY_18_SHANGHAI + timedelta(days=1, seconds=5)
    await asyncio.gather(a.tick(), b.tick())
    assert len(posts.posted) == 2
    assert urls(posts.posted[1][1]) == ["https://news.example/2"]


async def test_a_schedule_survives_a_restart(replicas: Backend) -> None:
    channel = f"C-{uuid.uuid4().hex[:8]}"
    before = await replicas.replica()
    await roundup_command(
        channels(before),
        channel,
        "schedule weekly fri 18:00 Asia/Shanghai",
        lang="en",
        now=replicas.clock.now,
    )
    await share(before, channel, 1, FRIDAY_18_SHANGHAI - timedelta(days=2))
    await before.close()
    replicas.opened.remove(before)

    after = await replicas.replica()
    posts = Posts()
    replicas.clock.now = FRIDAY_18_SHANGHAI + timedelta(minutes=40)  # restarted a little late
    assert await RoundupScheduler(channels(after), posts, clock=replicas.clock).tick() == [channel]
    assert len(posts.posted) == 1


async def test_no_roundup_for_a_slot_before_the_schedule_or_long_missed_or_empty(
    store: SqlStore,
) -> None:
    clock = FakeClock(FRIDAY_18_SHANGHAI + timedelta(minutes=30))
    await roundup_command(
        channels(store), "C1", "schedule daily 18:00 Asia/Shanghai", lang="en", now=clock.now
    )
    await share(store, "C1", 1, FRIDAY_18_SHANGHAI - timedelta(hours=1))
    posts = Posts()
    scheduler = RoundupScheduler(channels(store), posts, clock=clock)
    assert await scheduler.tick() == []  # set at 18:30: today's 18:00 is not due
    clock.now = FRIDAY_18_SHANGHAI + timedelta(days=1, hours=3)  # down all evening
    assert await scheduler.tick() == []
    clock.now = FRIDAY_18_SHANGHAI + timedelta(days=2, minutes=1)  # nothing shared that day
    assert await scheduler.tick() == []
    assert posts.posted == []
