"""What is kept, for how long, and how to see or delete it: retention, purge, export, uninstall.

The store is a real SQLite file; `digestbot purge` and `digestbot export` run
as the operator would run them, in a child process.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bots.config import Settings
from bots.logs import redact
from bots.retention import PURGE_EVERY, purge_once
from bots.storage import Share, open_store
from bots.storage.resilient import ResilientStore
from summarizer.models import Digest
from tests.bots.slack.conftest import (
    SlackDriver,
    fake_slack,
    migrated_db,
    service,
    slack,
    slack_settings,
)

__all__ = ["fake_slack", "migrated_db", "service", "slack", "slack_settings"]

NOW = datetime.now(UTC)
_LAUNCH = "from bots.cli import main; main()"


def digestbot(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DIGESTBOT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-c", _LAUNCH, *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def share(channel: str, url: str, days_ago: float) -> Share:
    at = NOW - timedelta(days=days_ago)
    return Share("slack", channel, url, at, user="U1", message_ref="1.2", title="T")


@pytest.fixture
async def kept(tmp_path: Path) -> Path:
    """A store with an old and a recent share, a setting, and an expired cached digest.

    Opening a store purges expired digests and claims, so `purge` finds none left.
    """
    store = await open_store(Settings(DIGESTBOT_DATA_DIR=tmp_path))
    await store.record_share(share("C1", "https://example.com/old", days_ago=45))
    await store.record_share(share("C1", "https://example.com/new", days_ago=1))
    await store.record_share(share("C2", "https://example.com/other", days_ago=1))
    await store.give_feedback("slack", "C1", "1.2", "U2", "useful")  # on the latest digest
    await store.set_channel_setting("slack", "C1", "auto", "off")
    digest = Digest(tldr="Old.", key_points=["Old."])
    await store.put_digest("https://example.com/gone", digest, ttl=timedelta(seconds=-1))
    await store.close()
    return tmp_path


async def urls(data_dir: Path, channel: str) -> list[str]:
    store = await open_store(Settings(DIGESTBOT_DATA_DIR=data_dir))
    found = await store.shares("slack", channel, since=NOW - timedelta(days=365), until=NOW)
    await store.close()
    return [s.url for s in found]


async def test_purge_forgets_shares_past_their_retention(kept: Path) -> None:
    done = digestbot("purge", data_dir=kept)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["expired digests and claims: 0", "shares: 1"]
    assert await urls(kept, "C1") == ["https://example.com/new"]


async def test_purge_of_a_channel_deletes_everything_kept_about_it(kept: Path) -> None:
    done = digestbot("purge", "--channel", "C1", data_dir=kept)
    assert done.returncode == 0, done.stderr
    assert await urls(kept, "C1") == []
    assert await urls(kept, "C2") == ["https://example.com/other"]


def test_export_prints_one_channel_s_settings_and_shares_as_json(kept: Path) -> None:
    done = digestbot("export", "--channel", "C1", data_dir=kept)
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    assert exported["settings"] == {"auto": "off"}
    assert [s["url"] for s in exported["shares"]] == [
        "https://example.com/old",
        "https://example.com/new",
    ]
    assert exported["shares"][0]["user"] == "U1"
    assert [s["feedback"] for s in exported["shares"]] == [None, {"U2": "useful"}]


async def test_the_periodic_purge_runs_on_one_replica_per_period(kept: Path) -> None:
    settings = Settings(DIGESTBOT_DATA_DIR=kept)
    replicas = [ResilientStore(settings), ResilientStore(settings)]
    for replica in replicas:
        await replica.start()
    slot = int(NOW.timestamp() // PURGE_EVERY.total_seconds())
    try:
        purged = [await purge_once(r, settings, NOW, slot=slot) for r in replicas]
    finally:
        for replica in replicas:
            await replica.close()
    assert purged == [True, False]
    assert await urls(kept, "C1") == ["https://example.com/new"]


def test_urls_in_logs_lose_their_query_string() -> None:
    line = "digest ok url=https://cdn.example.com/a.pdf?X-Amz-Signature=abc&Expires=1 ms=3"
    assert redact(line) == "digest ok url=https://cdn.example.com/a.pdf?… ms=3"
    assert redact("see https://example.com/plain, ok") == "see https://example.com/plain, ok"


async def test_an_uninstall_deletes_the_workspace_s_shares_and_settings(
    slack: SlackDriver, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    store = slack.bot.service.store
    assert store is not None
    await store.record_share(share("C9", "https://example.com/kept", days_ago=1))
    window = {"since": NOW - timedelta(days=2), "until": NOW}
    assert len(await store.shares("slack", "C9", **window)) == 1
    body = {
        "type": "event_callback", "team_id": "T0001", "api_app_id": "A0001",
        "event_id": slack.event_id(), "event_time": 1700000000,
        "event": {"type": "app_uninstalled", "event_ts": "1700000000.000100"},
    }  # fmt: skip
    assert (await slack.event(body)).status_code == 200
    await slack.settle()
    assert await store.shares("slack", "C9", **window) == []
    assert "app uninstalled" in caplog.text
