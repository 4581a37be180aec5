"""/summarize-roundup and /summarize-roundup-schedule, end to end through the real client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bots.config import Settings
from bots.discordbot.handlers import PLATFORM
from bots.roundup_schedule import SCHEDULE_KEY
from bots.storage import Share, SqlStore, open_store
from tests.bots.discord.conftest import Running, interaction_payload
from tests.bots.discord.fake_discord import CHANNEL_ID, FakeDiscord
from tests.support.roundup_data import story

EPHEMERAL = 64


@pytest.fixture
async def store(bot: Running, discord_settings: Settings) -> AsyncIterator[SqlStore]:
    """A second connection to the running bot's store, as another replica would have."""
    opened = await open_store(discord_settings)
    yield opened
    await opened.close()


def command(name: str, option: str, value: str, **changes: Any) -> dict[str, Any]:
    interaction = interaction_payload("interaction_summarize_auto", **changes)
    interaction["data"]["name"] = name
    interaction["data"]["options"] = [{"name": option, "type": 3, "value": value}]
    return interaction


async def test_a_week_of_60_articles_arrives_as_ordered_embeds(
    store: SqlStore, fake_discord: FakeDiscord
) -> None:
    now = datetime.now(UTC)
    for n in range(60):
        digest = story(n)
        assert digest.url is not None
        await store.put_digest(digest.url, digest)
        at = now - timedelta(days=6) + timedelta(minutes=n)
        await store.record_share(Share(PLATFORM, CHANNEL_ID, digest.url, at, user=f"9{n % 3}"))
    await fake_discord.dispatch(
        "INTERACTION_CREATE", command("summarize-roundup", "window", "week")
    )
    await fake_discord.wait_for(lambda: bool(fake_discord.of_kind("followup")))
    first = fake_discord.of_kind("followup")[0].payload["embeds"][0]["title"]
    parts = int(first.rsplit("/", 1)[1].rstrip(")"))
    followups = await fake_discord.wait_sent(parts, "followup")
    embeds = [f.payload["embeds"][0] for f in followups]
    assert [e["title"].rsplit(" ", 1)[-1] for e in embeds] == [
        f"({n}/{parts})" for n in range(1, parts + 1)
    ]
    text = "".join(e["description"] for e in embeds)
    positions = [text.index(f"[Headline {n:02d}]") for n in range(60)]
    assert positions == sorted(positions)
    assert "<@90>" in text
    assert all(f.payload["allowed_mentions"]["parse"] == [] for f in followups)


async def test_schedule_is_confirmed_privately_and_kept(
    store: SqlStore, fake_discord: FakeDiscord
) -> None:
    await fake_discord.dispatch(
        "INTERACTION_CREATE",
        command("summarize-roundup-schedule", "when", "daily 18:00 Asia/Shanghai"),
    )
    callback, followup = await fake_discord.wait_sent(2)
    assert callback.payload["data"]["flags"] & EPHEMERAL
    assert "every day at 18:00 (Asia/Shanghai)" in followup.payload["content"]
    schedules = await store.channels_with_setting(PLATFORM, SCHEDULE_KEY)
    assert CHANNEL_ID in schedules
