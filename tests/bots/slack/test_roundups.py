"""`/summarize roundup …` and scheduled roundups, end to end against the fake Slack."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from functools import partial

from bots.roundup_schedule import SCHEDULE_KEY, RoundupScheduler
from bots.service import DigestService
from bots.slackbot.app import build_client
from bots.slackbot.roundups import post_roundup
from bots.slackbot.target import PLATFORM
from bots.storage import Share, Store
from tests.bots.slack.conftest import CHANNEL, SlackDriver
from tests.bots.slack.fake_slack import FakeSlack
from tests.support.roundup_data import story


async def share_stories(store: Store, count: int, *, end: datetime) -> None:
    """`count` stories shared in the channel during the day before `end`, oldest first."""
    for n in range(count):
        digest = story(n)
        assert digest.url is not None
        await store.put_digest(digest.url, digest)
        at = end - timedelta(hours=20) + timedelta(minutes=n)
        await store.record_share(Share(PLATFORM, CHANNEL, digest.url, at, user=f"U{n % 3}"))


def posted_text(fake_slack: FakeSlack) -> str:
    return "".join(json.dumps(p["blocks"]) for p in fake_slack.to("chat.postMessage"))


async def test_roundup_of_a_busy_week_is_posted_in_several_messages_in_order(
    slack: SlackDriver, fake_slack: FakeSlack, service: DigestService
) -> None:
    assert service.store is not None
    await share_stories(service.store, 60, end=datetime.now(UTC))
    response = await slack.command("roundup week")
    assert response.status_code == 200
    await slack.settle()
    posted = fake_slack.to("chat.postMessage")
    assert len(posted) > 1
    assert {p["channel"] for p in posted} == {CHANNEL}
    assert [p["text"].rsplit(" ", 1)[-1] for p in posted] == [
        f"({n}/{len(posted)})" for n in range(1, len(posted) + 1)
    ]
    text = posted_text(fake_slack)
    positions = [text.index(f"|Headline {n:02d}>") for n in range(60)]
    assert positions == sorted(positions)
    assert "<@U0>" in text and "$10 million" in text


async def test_an_empty_channel_gets_a_private_line_not_a_post(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    await slack.command("roundup 3 days")
    await slack.settle()
    assert fake_slack.to("chat.postMessage") == []
    [note] = fake_slack.to("response_url")
    assert note["response_type"] == "ephemeral"
    assert note["text"] == "Nothing was shared in this channel in the last 3 days."


async def test_schedule_is_confirmed_privately_and_kept_in_the_store(
    slack: SlackDriver, fake_slack: FakeSlack, service: DigestService
) -> None:
    await slack.command("roundup schedule weekly fri 17:00 Europe/Berlin")
    await slack.settle()
    [note] = fake_slack.to("response_url")
    assert note["response_type"] == "ephemeral"
    assert "every Friday at 17:00 (Europe/Berlin)" in note["text"]
    assert service.store is not None
    assert CHANNEL in await service.store.channels_with_setting(PLATFORM, SCHEDULE_KEY)


async def test_a_scheduled_roundup_is_posted_to_the_channel(
    slack: SlackDriver, fake_slack: FakeSlack, service: DigestService
) -> None:
    store = service.store
    assert store is not None
    set_at = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
    await slack.command("roundup schedule daily 18:00")  # UTC: no zone given, none set
    await slack.settle()
    schedule = json.loads(await store.get_channel_setting(PLATFORM, CHANNEL, SCHEDULE_KEY) or "")
    await store.set_channel_setting(
        PLATFORM, CHANNEL, SCHEDULE_KEY, json.dumps({**schedule, "since": set_at.isoformat()})
    )
    slot = datetime(2026, 3, 6, 18, 0, tzinfo=UTC)
    await share_stories(store, 3, end=slot)
    client = build_client(service.settings)
    scheduler = RoundupScheduler(
        service.channels, partial(post_roundup, client), clock=lambda: slot + timedelta(seconds=30)
    )
    assert await scheduler.tick() == [CHANNEL]
    [message] = fake_slack.to("chat.postMessage")
    assert message["channel"] == CHANNEL
    assert "Roundup · 2026-03-05 18:00 – 2026-03-06 18:00 UTC · 3 articles" in message["text"]
    assert all(f"|Headline {n:02d}>" in posted_text(fake_slack) for n in range(3))
