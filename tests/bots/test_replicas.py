"""Two HTTP-mode replicas sharing PostgreSQL and Redis post each digest exactly once.

Slack retries an event it thinks went unanswered, and behind a load balancer
the retry may land on the other replica. Both replicas here are real
`digestbot slack --http` processes; they receive the same signed event at the
same moment (the original and its retry) and are then stopped with SIGTERM,
which lets every started digest finish, so "exactly one" is final.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from summarizer.text.tokens import warm_up
from tests.bots.slack.conftest import BOT_TOKEN, SIGNING_SECRET, fake_slack, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer
from tests.support.slack_process import SlackProcess, slack_replicas
from tests.support.store_servers import REDIS_VAR, fresh_postgres_database, server_url

__all__ = ["fake_slack"]  # the fixture, shared with the Slack adapter's tests


@pytest.fixture
async def shared_env(fake_slack: FakeSlack, tmp_path: Path) -> AsyncIterator[dict[str, str]]:
    """What both replicas share: a fresh PostgreSQL database, Redis, the fake Slack."""
    redis_url = server_url(REDIS_VAR)
    warm_up(tmp_path)  # the jieba cache, built once as the image build does
    async with fresh_postgres_database() as database_url:
        yield {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake_slack.api_url,
            "DIGESTBOT_FETCH_ALLOW_HOSTS": "127.0.0.1",
            "DIGESTBOT_DATABASE_URL": database_url,
            "DIGESTBOT_REDIS_URL": redis_url,
            "DIGESTBOT_DATA_DIR": str(tmp_path),
        }


async def deliver(http: httpx.AsyncClient, replica: SlackProcess, body: str, retry: int) -> int:
    retried = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    response = await replica.post(http, body, "application/json", retried if retry else None)
    return response.status_code


async def test_an_event_and_its_retry_on_two_replicas_post_one_digest(
    shared_env: dict[str, str],
    fake_slack: FakeSlack,
    article_server: ArticleServer,
    tmp_path: Path,
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME), delay=0.3)
    # Unique ids: Redis outlives the test, and claims last a day.
    event = payload(
        "message_event",
        text=f"look <{url}>",
        channel="C0REPLICA",
        ts="1700000100.000100",
        event_id=f"Ev{uuid.uuid4().hex[:12]}",
    )
    body = json.dumps(event)
    async with slack_replicas(2, shared_env, tmp_path) as (first, second):
        async with httpx.AsyncClient(timeout=10) as http:
            statuses = await asyncio.gather(
                deliver(http, first, body, retry=0), deliver(http, second, body, retry=1)
            )
        assert statuses == [200, 200]
        await fake_slack.wait_for("chat.postMessage", 1, timeout=30)
        exits = [await first.terminate(), await second.terminate()]
    assert exits == [0, 0], first.log_tail() + second.log_tail()
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["channel"] == "C0REPLICA"
    assert "$5 million" in json.dumps(posted["blocks"])
    assert article_server.hits("/acme") == 1
