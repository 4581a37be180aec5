"""Durable Discord jobs: the gateway process only defers and queues; `digestbot worker` answers.

The gateway process runs here against the fake Discord; the workers are real
`digestbot worker --platform discord` processes on the same fake (REST only)
and the real Redis of `.ci/run` (`DIGESTBOT_TEST_REDIS_URL`; skipped locally
when unset), in a database of their own (index 8), emptied first.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from bots.config import Settings
from bots.job_queue import GROUP, platform_stream
from summarizer.text.tokens import warm_up
from tests.bots.discord.conftest import Running, article_html, auto, slash
from tests.bots.discord.fake_discord import CHANNEL_ID, FakeDiscord
from tests.bots.discord.test_messages import paste
from tests.support.slack_process import SlackProcess
from tests.support.store_servers import empty_redis_database
from tests.support.worker_process import launch_worker

PATIENCE = 60.0
"""Generous bound for what takes well under a second on a quiet machine: only a hang trips it."""
STREAM = platform_stream("discord")


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    async with empty_redis_database(8) as url:
        yield url


@pytest.fixture
def queued(
    monkeypatch: pytest.MonkeyPatch, discord_settings: Settings, redis_url: str, tmp_path: Path
) -> dict[str, str]:
    """The queue settings, set for the gateway process here; the workers' environment."""
    warm_up(tmp_path)
    env = {
        "DIGESTBOT_DATA_DIR": str(tmp_path),
        "DIGESTBOT_REDIS_URL": redis_url,
        "DIGESTBOT_QUEUE": "redis",
        "DIGESTBOT_WORKER_NAME": "discord-worker-a",
        "DIGESTBOT_SHUTDOWN_SECONDS": "2",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    same = (
        "DISCORD_TOKEN",
        "DISCORD_API_BASE",
        "DIGESTBOT_FETCH_ALLOW_HOSTS",
    )  # set by discord_settings
    return {**env, **{name: os.environ[name] for name in same}}


@pytest.fixture
async def front(queued: dict[str, str], fake_discord: FakeDiscord) -> AsyncIterator[Running]:
    running = Running(Settings())
    await running.ready(fake_discord)
    yield running
    await running.stop()


@pytest.fixture
def workers(queued: dict[str, str], tmp_path: Path) -> Iterator[Callable[[], SlackProcess]]:
    """Start `digestbot worker --platform discord` processes; any still running at the end
    (a failed test) is killed, so none outlives its test."""
    started: list[SlackProcess] = []

    def launch() -> SlackProcess:
        started.append(launch_worker(queued, tmp_path / "worker.log", "--platform", "discord"))
        return started[-1]

    yield launch
    for worker in started:
        if worker.process.poll() is None:
            worker.process.kill()
            worker.process.wait()


async def until(check: Callable[[], Awaitable[bool]]) -> None:
    async with asyncio.timeout(PATIENCE):
        while not await check():
            await asyncio.sleep(0.05)


async def sent(fake: FakeDiscord, kind: str) -> list[Any]:
    """The first write of `kind`: a worker process starting on a loaded machine takes a while."""
    await fake.wait_for(lambda: len(fake.of_kind(kind)) >= 1, timeout=PATIENCE)
    return fake.of_kind(kind)[:1]


async def redis_count(redis_url: str, what: str) -> int:
    redis = Redis.from_url(redis_url)
    try:
        if what == "stream":
            return int(await redis.xlen(STREAM))
        summary = await redis.xpending(STREAM, GROUP)
        return sum(int(c["pending"]) for c in summary["consumers"] if c["name"] == what.encode())
    finally:
        await redis.aclose()


async def test_a_worker_killed_mid_digest_leaves_the_slash_command_and_its_successor_answers(
    front: Running,
    workers: Callable[[], SlackProcess],
    redis_url: str,
    fake_discord: FakeDiscord,
    article_server: Any,
) -> None:
    url = article_server.add("/slow", article_html("Worth the wait"), delay=3.0)
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))
    await fake_discord.wait_sent(1, "callback")  # deferred: "digestbot is thinking…"
    await until(lambda: _equals(redis_count(redis_url, "stream"), 1))  # queued, not answered
    assert fake_discord.of_kind("followup") == []

    first = workers()
    await first.wait_healthy()

    async def reading() -> bool:
        taken = await redis_count(redis_url, "discord-worker-a") == 1
        return taken and article_server.hits("/slow") >= 1

    await until(reading)
    first.process.send_signal(signal.SIGKILL)
    await asyncio.to_thread(first.process.wait)
    assert fake_discord.of_kind("followup") == []

    second = workers()  # the same name: it finds its own pending job first
    await second.wait_healthy()
    [followup] = await sent(fake_discord, "followup")
    assert await second.terminate() == 0, second.log_tail()
    assert followup.payload["embeds"][0]["title"] == "Worth the wait"
    assert await redis_count(redis_url, "stream") == 0  # acknowledged and deleted once answered


async def test_a_pasted_link_is_answered_by_the_worker_as_a_reply_in_the_channel(
    front: Running,
    workers: Callable[[], SlackProcess],
    redis_url: str,
    fake_discord: FakeDiscord,
    article_server: Any,
) -> None:
    worker = workers()
    await worker.wait_healthy()
    await fake_discord.dispatch("INTERACTION_CREATE", auto("on"))
    await sent(fake_discord, "followup")  # the worker switched auto on
    pasted = await paste(fake_discord, article_server.add("/news", article_html("Harbour news")))

    [reply] = await sent(fake_discord, "message")
    assert await worker.terminate() == 0, worker.log_tail()
    assert reply.path == f"/channels/{CHANNEL_ID}/messages"
    assert reply.payload["embeds"][0]["title"] == "Harbour news"
    assert reply.payload["message_reference"]["message_id"] == int(pasted)


async def _equals(count: Awaitable[int], expected: int) -> bool:
    return await count == expected
