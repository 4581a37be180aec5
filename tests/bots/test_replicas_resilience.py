"""Replicas whose database or Redis is missing, late, or comes and goes still post each digest once.

Real `digestbot slack --http` processes (`tests.support.slack_process`) share
one database and Redis; `TcpProxy` stands between them and the server that is
to go away, so stopping it refuses connections as a stopped server would. Each
event is delivered to one replica and its retry (same event id) to the other.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from summarizer.text.tokens import warm_up
from tests.bots.slack.conftest import BOT_TOKEN, SIGNING_SECRET, fake_slack, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.bots.test_replicas import deliver
from tests.support.article_server import ArticleServer
from tests.support.slack_process import SlackProcess, slack_replicas
from tests.support.store_servers import REDIS_VAR, server_url, store_database
from tests.support.tcp_proxy import TcpProxy

__all__ = ["fake_slack"]  # the fixture, shared with the Slack adapter's tests

READY_TIMEOUT = 60.0


def bot_env(fake_slack: FakeSlack, tmp_path: Path, database: str, redis: str) -> dict[str, str]:
    warm_up(tmp_path)  # the jieba cache, built once as the image build does
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "DIGESTBOT_FETCH_ALLOW_HOSTS": "127.0.0.1",
        "DIGESTBOT_DATABASE_URL": database,
        "DIGESTBOT_REDIS_URL": redis,
        "DIGESTBOT_DATA_DIR": str(tmp_path),
    }


def port_of(url: str) -> int:
    port = make_url(url).port
    assert port is not None
    return port


def with_port(url: str, port: int) -> str:
    return make_url(url).set(port=port).render_as_string(hide_password=False)


@pytest.fixture
async def redis_proxy() -> AsyncIterator[TcpProxy]:
    proxy = TcpProxy(port_of(server_url(REDIS_VAR)))
    await proxy.up()
    yield proxy
    await proxy.down()


def event(url: str) -> str:
    """A pasted-link event whose id and message no earlier run (Redis outlives tests) has seen."""
    ts = f"{time.time():.6f}"
    body = payload(
        "message_event", text=f"look <{url}>", channel="C0REPLICA", ts=ts,
        event_id=f"Ev{uuid.uuid4().hex[:12]}",
    )  # fmt: skip
    return json.dumps(body)


async def wait_ready(replica: SlackProcess) -> dict[str, object]:
    """/readyz's body once it answers 200 (the store is open)."""
    deadline = time.monotonic() + READY_TIMEOUT
    async with httpx.AsyncClient(timeout=5) as http:
        while time.monotonic() < deadline:
            response = await http.get(replica.health_url("/readyz"))
            if response.status_code == 200:
                return dict(response.json())
            await asyncio.sleep(0.2)
    raise TimeoutError(f"never ready: {response.text}\n{replica.log_tail()}")


async def digests_posted(fake_slack: FakeSlack, replicas: list[SlackProcess]) -> int:
    """Stop the replicas (each drains its digests first); how many digests reached Slack."""
    exits = [await replica.terminate() for replica in replicas]
    assert exits == [0] * len(replicas), "".join(r.log_tail() for r in replicas)
    return len(fake_slack.to("chat.postMessage"))


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
async def test_two_replicas_starting_together_on_a_fresh_database_both_open_it(
    kind: str, fake_slack: FakeSlack, article_server: ArticleServer, tmp_path: Path
) -> None:
    path = f"/acme-{uuid.uuid4().hex[:8]}"  # Redis caches digests across runs
    url = article_server.add(path, article_html("Acme raises $5M", ACME), delay=0.3)
    redis = server_url(REDIS_VAR)
    async with store_database(kind, tmp_path) as database:
        env = bot_env(fake_slack, tmp_path, database, redis)
        async with slack_replicas(2, env, tmp_path) as replicas:
            bodies = await asyncio.gather(*(wait_ready(r) for r in replicas))
            body = event(url)
            async with httpx.AsyncClient(timeout=10) as http:
                await asyncio.gather(
                    deliver(http, replicas[0], body, 0), deliver(http, replicas[1], body, 1)
                )
            await fake_slack.wait_for("chat.postMessage", 1, timeout=30)
            posted = await digests_posted(fake_slack, replicas)
    assert [b["store"] for b in bodies] == [True, True]
    assert posted == 1
    assert article_server.hits(path) == 1


async def test_redis_stopping_or_restarting_before_a_retry_still_posts_one_digest_each(
    fake_slack: FakeSlack,
    article_server: ArticleServer,
    tmp_path: Path,
    redis_proxy: TcpProxy,
) -> None:
    run = uuid.uuid4().hex[:8]  # Redis caches digests across runs
    first = article_server.add(f"/one-{run}", article_html("Acme raises $5M", ACME))
    second = article_server.add(f"/two-{run}", article_html("Acme raises $6M", ACME))
    redis = with_port(server_url(REDIS_VAR), redis_proxy.port)
    database = f"sqlite+aiosqlite:///{tmp_path / 'shared.sqlite3'}"
    env = bot_env(fake_slack, tmp_path, database, redis)
    async with slack_replicas(2, env, tmp_path) as (a, b), httpx.AsyncClient(timeout=10) as http:
        await asyncio.gather(wait_ready(a), wait_ready(b))
        stopped = event(first)
        assert await deliver(http, a, stopped, 0) == 200  # Redis up: claimed in Redis
        await fake_slack.wait_for("chat.postMessage", 1, timeout=30)
        await redis_proxy.down()
        assert await deliver(http, b, stopped, 1) == 200  # Redis down: the database knows

        restarted = event(second)
        assert await deliver(http, a, restarted, 0) == 200  # Redis down: the database decides
        await fake_slack.wait_for("chat.postMessage", 2, timeout=30)
        await redis_proxy.up()
        assert await deliver(http, b, restarted, 1) == 200  # Redis back: never saw it
        posted = await digests_posted(fake_slack, [a, b])
    assert posted == 2
    assert (article_server.hits(f"/one-{run}"), article_server.hits(f"/two-{run}")) == (1, 1)


async def test_database_down_at_start_redis_decides_and_the_store_opens_when_it_returns(
    fake_slack: FakeSlack, article_server: ArticleServer, tmp_path: Path
) -> None:
    url = article_server.add(f"/acme-{uuid.uuid4().hex[:8]}", article_html("Acme", ACME))
    redis = server_url(REDIS_VAR)
    async with store_database("postgres", tmp_path) as real_database:
        proxy = TcpProxy(port_of(real_database))  # down: nobody listens yet
        env = bot_env(fake_slack, tmp_path, with_port(real_database, proxy.port), redis)
        async with slack_replicas(2, env, tmp_path) as replicas:
            body = event(url)
            async with httpx.AsyncClient(timeout=10) as http:
                not_ready = await http.get(replicas[0].health_url("/readyz"))
                await asyncio.gather(
                    deliver(http, replicas[0], body, 0), deliver(http, replicas[1], body, 1)
                )
            await fake_slack.wait_for("chat.postMessage", 1, timeout=30)
            await proxy.up()
            bodies = await asyncio.gather(*(wait_ready(r) for r in replicas))
            posted = await digests_posted(fake_slack, replicas)
        await proxy.down()
    assert not_ready.status_code == 503 and not_ready.json()["store"] is False
    assert [b["store"] for b in bodies] == [True, True]
    assert posted == 1
