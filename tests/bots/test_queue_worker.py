"""Durable jobs: a Slack front process that only acks and queues, and `digestbot worker`.

Real processes, the real Redis of `.ci/run` (`DIGESTBOT_TEST_REDIS_URL`; skipped
locally when unset), a fake Slack and a local article server. The Redis
database used is a separate one (index 7), emptied first, so the stream of
one test never leaks into another's.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from redis.asyncio import Redis

from bots.job_queue import GROUP, STREAM
from summarizer.text.tokens import warm_up
from tests.bots.slack.conftest import BOT_TOKEN, FORM, SIGNING_SECRET, USER, fake_slack, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer
from tests.support.slack_process import slack_replicas
from tests.support.store_servers import empty_redis_database
from tests.support.worker_process import launch_worker

__all__ = ["fake_slack"]  # the fixture, shared with the Slack adapter's tests

PATIENCE = 60.0
"""Generous bound for things that happen in well under a second on a quiet machine."""


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    async with empty_redis_database(7) as url:
        yield url


@pytest.fixture
def env(redis_url: str, fake_slack: FakeSlack, tmp_path: Path) -> dict[str, str]:
    warm_up(tmp_path)
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "DIGESTBOT_FETCH_ALLOW_HOSTS": "127.0.0.1",
        "DIGESTBOT_DATA_DIR": str(tmp_path),
        "DIGESTBOT_REDIS_URL": redis_url,
        "DIGESTBOT_QUEUE": "redis",
        "DIGESTBOT_WORKER_NAME": "worker-a",
        "DIGESTBOT_SHUTDOWN_SECONDS": "2",
    }


def command(fake: FakeSlack, url: str, channel: str) -> str:
    form = payload(
        "slash_command", text=url, channel=channel, user=USER,
        response_url=fake.response_url(channel),
    )  # fmt: skip
    return urlencode(form)


async def until(check, what: str) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(PATIENCE):
        while not await check():
            await asyncio.sleep(0.05)


async def pending_for(redis_url: str, consumer: str) -> int:
    redis = Redis.from_url(redis_url)
    try:
        summary = await redis.xpending(STREAM, GROUP)
        consumers = {c["name"].decode(): int(c["pending"]) for c in summary["consumers"]}
        return consumers.get(consumer, 0)
    finally:
        await redis.aclose()


async def stream_length(redis_url: str) -> int:
    redis = Redis.from_url(redis_url)
    try:
        return int(await redis.xlen(STREAM))
    finally:
        await redis.aclose()


def _niceness(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


async def test_a_worker_killed_mid_digest_leaves_the_job_and_its_successor_answers_it(
    env: dict[str, str],
    redis_url: str,
    fake_slack: FakeSlack,
    article_server: ArticleServer,
    tmp_path: Path,
) -> None:
    url = article_server.add("/slow", article_html("Acme raises $5M", ACME), delay=3.0)
    log = tmp_path / "worker.log"
    async with slack_replicas(1, env, tmp_path) as (front,), httpx.AsyncClient() as http:
        ack = await front.post(http, command(fake_slack, url, "C0DURABLE"), FORM)
        assert ack.status_code == 200 and "Reading" in ack.text
        assert await stream_length(redis_url) == 1  # queued before Slack heard "ok"
        first = launch_worker(env, log)
        await first.wait_healthy()
        assert _niceness(first.process.pid) == os.getpriority(os.PRIO_PROCESS, 0) + 10  # acks first

        async def reading() -> bool:
            taken = await pending_for(redis_url, "worker-a") == 1
            return taken and article_server.hits("/slow") >= 1

        await until(reading, "the worker took the job and is fetching")
        first.process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(first.process.wait)
        assert fake_slack.to("chat.postMessage") == []

        second = launch_worker(env, log)  # same name: it finds its own pending job first
        await second.wait_healthy()
        await fake_slack.wait_for("chat.postMessage", 1, timeout=PATIENCE)
        assert await second.terminate() == 0, second.log_tail()
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["channel"] == "C0DURABLE"
    assert "$5 million" in json.dumps(posted["blocks"])
    assert await stream_length(redis_url) == 0  # acknowledged and deleted once answered


async def test_sigterm_leaves_an_unfinished_job_in_the_queue_for_the_next_worker(
    env: dict[str, str],
    redis_url: str,
    fake_slack: FakeSlack,
    article_server: ArticleServer,
    tmp_path: Path,
) -> None:
    url = article_server.add("/stuck", article_html("Acme raises $5M", ACME), delay=8.0)
    env = {**env, "DIGESTBOT_FETCH_TOTAL_TIMEOUT": "30"}
    log = tmp_path / "worker.log"
    async with slack_replicas(1, env, tmp_path) as (front,), httpx.AsyncClient() as http:
        first = launch_worker(env, log)
        await first.wait_healthy()
        ack = await front.post(http, command(fake_slack, url, "C0LATER"), FORM)
        assert ack.status_code == 200

        async def fetching() -> bool:
            return article_server.hits("/stuck") >= 1

        await until(fetching, "the worker is fetching")
        assert await first.terminate() == 0, first.log_tail()  # bound: 2 s, the fetch takes 8
        assert fake_slack.to("chat.postMessage") == [] and fake_slack.to("response_url") == []
        assert await pending_for(redis_url, "worker-a") == 1
        assert "left in the queue" in first.log_tail()

        second = launch_worker(env, log)
        await second.wait_healthy()
        await fake_slack.wait_for("chat.postMessage", 1, timeout=PATIENCE)
        assert await second.terminate() == 0
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["channel"] == "C0LATER"
    assert await stream_length(redis_url) == 0
