"""The store contract, run on every backend: SQLite, PostgreSQL, each with and without Redis."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from bots.config import Settings
from bots.storage import Share, SqlStore, open_store
from bots.storage.workspace import current_workspace
from summarizer.models import Digest, Figure, Quote
from tests.support.store_servers import REDIS_VAR, server_url, store_database

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
SHORT = timedelta(milliseconds=200)
PAST_SHORT = 0.4  # seconds to sleep so Redis has expired a SHORT key


@dataclass
class FakeClock:
    """The store's clock for the database side of expiry; Redis keeps its own."""

    now: datetime = field(default=T0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class Backend:
    """Opens stores ("replicas") on one database, and Redis when the backend uses it."""

    settings: Settings
    clock: FakeClock
    opened: list[SqlStore] = field(default_factory=list)

    async def replica(self) -> SqlStore:
        store = await open_store(self.settings, clock=self.clock)
        self.opened.append(store)
        return store


@pytest.fixture
def with_redis(request: pytest.FixtureRequest) -> bool:
    """False unless a test parametrises it: Redis only changes claims and the cache."""
    return bool(getattr(request, "param", False))


both_claim_backends = pytest.mark.parametrize(
    "with_redis", [False, True], ids=["db", "redis"], indirect=True
)


@pytest.fixture(params=["sqlite", "postgres"])
async def backend(
    request: pytest.FixtureRequest, with_redis: bool, tmp_path: Path
) -> AsyncIterator[Backend]:
    redis_url = server_url(REDIS_VAR) if with_redis else None
    async with store_database(request.param, tmp_path) as database_url:
        settings = Settings(
            DIGESTBOT_DATA_DIR=tmp_path,
            DIGESTBOT_DATABASE_URL=database_url,
            DIGESTBOT_REDIS_URL=redis_url,
        )
        backend = Backend(settings, FakeClock())
        yield backend
        for store in backend.opened:
            await store.close()


@pytest.fixture
async def store(backend: Backend) -> SqlStore:
    return await backend.replica()


def unique(prefix: str) -> str:
    """Keys and URLs no other test (or earlier run on the same Redis) has used."""
    return f"{prefix}-{uuid.uuid4().hex}"


def sample_digest(url: str) -> Digest:
    return Digest(
        tldr="央行宣布降准0.5个百分点，释放长期资金约1万亿元。",
        key_points=["降准0.5个百分点", "The cut takes effect on 15 March."],
        quotes=[Quote(text="保持流动性合理充裕", speaker="央行负责人")],
        figures=[
            Figure(
                text="1万亿元",
                value=Decimal("1000000000000"),
                unit="CNY",
                kind="money",
                context="释放长期资金约1万亿元",
                start=12,
                end=17,
            ),
            Figure(text="0.5%", value=Decimal("0.5"), unit="%", kind="percent", context="降准0.5%"),
        ],
        keywords=["降准", "流动性"],
        title="央行降准",
        url=url,
        site="example.cn",
        lang="zh",
        length=1200,
        reading_minutes=3,
    )


@both_claim_backends
async def test_cache_returns_the_digest_it_was_given(store: SqlStore) -> None:
    url = unique("https://example.cn/news")
    digest = sample_digest(url)

    await store.put_digest(url, digest)

    assert await store.get_digest(url) == digest
    assert await store.get_digest(url + "?other") is None


async def test_cache_replaces_an_older_digest(store: SqlStore) -> None:
    url = unique("https://example.com/a")
    await store.put_digest(url, sample_digest(url))
    newer = Digest(tldr="Updated.", key_points=["One."], url=url)

    await store.put_digest(url, newer)

    assert await store.get_digest(url) == newer


@both_claim_backends
async def test_cache_entry_expires_after_its_ttl(backend: Backend, store: SqlStore) -> None:
    url = unique("https://example.com/b")
    await store.put_digest(url, sample_digest(url), ttl=SHORT)
    assert await store.get_digest(url) is not None

    backend.clock.advance(timedelta(seconds=1))
    await asyncio.sleep(PAST_SHORT)

    assert await store.get_digest(url) is None


@both_claim_backends
async def test_cache_is_shared_between_replicas(backend: Backend, store: SqlStore) -> None:
    other = await backend.replica()
    url = unique("https://example.com/c")

    await store.put_digest(url, sample_digest(url))

    assert await other.get_digest(url) == sample_digest(url)


async def test_channel_settings_are_kept_per_platform_channel_and_key(store: SqlStore) -> None:
    assert await store.get_channel_setting("slack", "C1", "auto") is None

    await store.set_channel_setting("slack", "C1", "auto", "on")
    await store.set_channel_setting("slack", "C1", "language", "zh")
    await store.set_channel_setting("slack", "C1", "auto", "off")

    assert await store.get_channel_setting("slack", "C1", "auto") == "off"
    assert await store.get_channel_setting("slack", "C1", "language") == "zh"
    assert await store.get_channel_setting("slack", "C2", "auto") is None
    assert await store.get_channel_setting("discord", "C1", "auto") is None
    assert await store.get_channel_settings("slack", "C1") == {"auto": "off", "language": "zh"}
    assert await store.get_channel_settings("slack", "C2") == {}


@both_claim_backends
async def test_claim_is_won_once_until_it_expires(backend: Backend, store: SqlStore) -> None:
    key = unique("slack:event")

    assert await store.claim(key, ttl=SHORT) is True
    assert await store.claim(key, ttl=SHORT) is False
    assert await store.claim(unique("slack:event"), ttl=SHORT) is True

    backend.clock.advance(timedelta(seconds=1))
    await asyncio.sleep(PAST_SHORT)
    assert await store.claim(key, ttl=SHORT) is True


@both_claim_backends
async def test_twenty_racing_claimers_on_two_replicas_have_one_winner(backend: Backend) -> None:
    replicas = [await backend.replica(), await backend.replica()]

    for round_ in range(3):
        key = unique(f"slack:C1:1700000000.000{round_}:https://example.com/")
        results = await asyncio.gather(
            *(replicas[i % 2].claim(key, ttl=timedelta(minutes=5)) for i in range(20))
        )
        assert results.count(True) == 1, f"round {round_}: {results.count(True)} winners"


def share(url: str, at: datetime, *, channel: str = "C1", platform: str = "slack") -> Share:
    return Share(platform=platform, channel=channel, url=url, shared_at=at, user="U1")


async def test_shares_are_listed_by_window_oldest_first(store: SqlStore) -> None:
    url = "https://example.com/story"
    inside = [share(url, T0 + timedelta(hours=1)), share(url + "/2", T0 + timedelta(hours=1.5))]
    for item in [
        share(url, T0),
        *reversed(inside),
        share(url, T0 + timedelta(hours=2)),
        share(url, T0 + timedelta(hours=1), channel="C2"),
        share(url, T0 + timedelta(hours=1), platform="discord"),
    ]:
        await store.record_share(item)

    found = await store.shares(
        "slack", "C1", since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=2)
    )

    assert found == inside


async def test_shares_keep_every_field_and_the_instant(store: SqlStore) -> None:
    beijing = timezone(timedelta(hours=8))
    item = Share(
        platform="discord",
        channel="123456789",
        url="https://example.cn/新闻?id=1",
        shared_at=datetime(2026, 3, 1, 17, 30, 15, 123456, tzinfo=beijing),
        user="42",
        message_ref="987654321",
        title="央行降准",
        ok=False,
    )
    await store.record_share(item)

    [found] = await store.shares("discord", "123456789", since=T0, until=T0 + timedelta(days=1))

    assert found == item
    assert found.shared_at.tzinfo == UTC


async def test_last_share_is_the_latest_since_the_given_time(store: SqlStore) -> None:
    url = "https://example.com/dup"
    await store.record_share(share(url, T0))
    await store.record_share(share(url, T0 + timedelta(minutes=30)))
    await store.record_share(share(url + "?x", T0 + timedelta(hours=1)))

    latest = await store.last_share("slack", "C1", url, since=T0 - timedelta(days=1))

    assert latest is not None and latest.shared_at == T0 + timedelta(minutes=30)
    assert await store.last_share("slack", "C1", url, since=T0 + timedelta(minutes=31)) is None
    assert await store.last_share("slack", "C2", url, since=T0) is None
    either = await store.last_share_of("slack", "C1", [url, url + "?x"], since=T0)
    assert either is not None and either.url == url + "?x"  # the latest of the forms


async def test_naive_datetimes_are_refused(store: SqlStore) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        await store.record_share(share("https://example.com/", datetime(2026, 3, 1, 9, 0)))


async def test_feedback_is_kept_with_the_posted_share_one_verdict_per_person(
    store: SqlStore,
) -> None:
    posted = Share("slack", "C1", "https://example.com/a", T0, user="U1", message_ref="1.5")
    await store.record_share(posted)
    await store.record_share(share("https://example.com/b", T0))  # another digest, no ref

    assert await store.give_feedback("slack", "C1", "1.5", "U2", "useful")
    assert not await store.give_feedback("slack", "C1", "1.5", "U2", "useful")  # said already
    assert await store.give_feedback("slack", "C1", "1.5", "U2", "not_useful")  # changed
    assert await store.give_feedback("slack", "C1", "1.5", "U3", "useful")
    assert await store.give_feedback("slack", "C1", "9.9", "U2", "useful")  # nothing kept

    found = await store.posted_share("slack", "C1", "1.5")
    assert found is not None and found.user == "U1"
    assert found.feedback == {"U2": "not_useful", "U3": "useful"}
    assert await store.posted_share("slack", "C2", "1.5") is None
    [exported] = [s for s in (await store.channel_export("slack", "C1"))["shares"] if s.feedback]
    assert exported == found


async def test_a_deleted_digest_forgets_its_share_only(store: SqlStore) -> None:
    await store.record_share(Share("slack", "C1", "https://example.com/a", T0, message_ref="1.5"))
    await store.record_share(Share("slack", "C1", "https://example.com/b", T0, message_ref="1.6"))

    await store.forget_posted("slack", "C1", "1.5")

    assert await store.posted_share("slack", "C1", "1.5") is None
    assert await store.posted_share("slack", "C1", "1.6") is not None
    assert await store.last_share("slack", "C1", "https://example.com/a", since=T0) is None


async def test_forgetting_a_workspace_deletes_its_rows_and_an_org_s_teams_only(
    store: SqlStore,
) -> None:
    for workspace in ("E1/T1", "E1/T2", "E10/T1", "T3", None):
        token = current_workspace.set(workspace)
        channel = f"C-{workspace}"
        await store.set_channel_setting("slack", channel, "auto", "off")
        await store.record_share(Share("slack", channel, "https://example.com/a", T0))
        current_workspace.reset(token)
    await store.set_channel_setting("slack", "C-T3", "auto", "on")  # outside a request: still T3

    assert await store.forget_workspace("slack", "T3") == 2
    assert await store.forget_workspace("slack", "E1") == 4  # the org-wide uninstall
    assert await store.forget_workspace("discord", "E10/T1") == 0  # another platform's

    left = {c for c in ("C-E1/T1", "C-E1/T2", "C-E10/T1", "C-T3", "C-None")
            if await store.get_channel_setting("slack", c, "auto")}  # fmt: skip
    assert left == {"C-E10/T1", "C-None"}
