"""The Slack HTTP app's operations surface: /healthz, /readyz, /metrics, request ids, limits.

The real Bolt app over HTTP on 127.0.0.1 against the fake Slack and the local
article server (the Slack adapter's fixtures), with the real SQLite store; its
health server (`ops_app`) on a port of its own, as `digestbot slack` runs it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import httpx
import pytest

from bots.health import serve_health
from bots.logs import RequestIdFilter
from bots.slackbot.server import ops_app
from tests.bots.slack.conftest import (
    FORM,
    SlackDriver,
    fake_slack,
    migrated_db,
    service,
    slack,
    slack_settings,
)
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer
from tests.support.slack_process import free_port

# The Slack adapter's fixtures, shared.
__all__ = ["fake_slack", "migrated_db", "service", "slack", "slack_settings"]


def base(slack: SlackDriver) -> str:
    return slack.url.rsplit("/slack/", 1)[0]


@pytest.fixture
async def ops(slack: SlackDriver) -> AsyncIterator[str]:
    """The health server of the running app: its base URL."""
    port = free_port()
    async with serve_health(ops_app(slack.bot), host="127.0.0.1", port=port):
        yield f"http://127.0.0.1:{port}"


async def get(slack: SlackDriver, ops: str, path: str) -> httpx.Response:
    return await slack.http.get(ops + path)


def sample(metrics: str, name: str, **labels: str) -> float:
    """The value of one sample in Prometheus text format (0 when absent)."""
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    pattern = "^" + re.escape(f"{name}{{{wanted}}}" if labels else name) + r" (\S+)$"
    match = re.search(pattern, metrics, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


async def test_health_and_readiness_with_the_store_and_slack_up(
    slack: SlackDriver, ops: str
) -> None:
    assert (await get(slack, ops, "/healthz")).json() == {"ok": True}
    ready = await get(slack, ops, "/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "ok": True, "store": True, "workers": True, "slack": True, "claims": "database"
    }  # fmt: skip


async def test_the_public_port_answers_liveness_but_never_readiness_or_metrics(
    slack: SlackDriver,
) -> None:
    assert (await slack.http.get(base(slack) + "/healthz")).status_code == 200
    for private in ("/readyz", "/metrics"):
        assert (await slack.http.get(base(slack) + private)).status_code == 404


async def test_metrics_carry_process_runtime_and_build_series(slack: SlackDriver, ops: str) -> None:
    text = (await get(slack, ops, "/metrics")).text
    assert sample(text, "process_resident_memory_bytes") > 0
    assert "python_gc_objects_collected_total" in text
    assert re.search(
        r'^digestbot_build_info\{python="3\.\d+\.\d+",version="\S+"\} 1\.0$', text, re.M
    )
    assert "digestbot_worker_queue_depth 0.0" in text


@pytest.fixture
def store_down(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGESTBOT_DATABASE_URL", "postgresql://digestbot@127.0.0.1:1/none")


async def test_not_ready_while_the_store_is_down_but_still_alive(
    store_down: None, slack: SlackDriver, ops: str
) -> None:
    ready = await get(slack, ops, "/readyz")
    assert ready.status_code == 503
    assert ready.json() == {
        "ok": False, "store": False, "workers": True, "slack": True, "claims": "process"
    }  # fmt: skip
    assert (await get(slack, ops, "/healthz")).status_code == 200


async def test_metrics_count_digests_cache_hits_fetch_errors_and_stages(
    slack: SlackDriver, ops: str, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    gone = article_server.add("/gone", b"<html>gone</html>", status=404)
    # The repeat comes from another channel: in the same one it would get a pointer (bots.answers).
    for text, channel in ((url, "C0A"), (url, "C0B"), (gone, "C0A")):
        await slack.command(text, channel=channel)
        await slack.settle()
    response = await get(slack, ops, "/metrics")
    assert response.headers["Content-Type"].startswith("text/plain")
    text = response.text
    assert sample(text, "digestbot_digests_total", outcome="ok", platform="slack") == 1
    assert sample(text, "digestbot_digests_total", outcome="cached", platform="slack") == 1
    assert sample(text, "digestbot_digests_total", outcome="error", platform="slack") == 1
    assert sample(text, "digestbot_cache_lookups_total", result="hit") == 1
    assert sample(text, "digestbot_cache_lookups_total", result="miss") == 2
    assert sample(text, "digestbot_fetch_errors_total", kind="HTTPStatus") == 1
    assert sample(text, "digestbot_stage_seconds_count", stage="fetch") == 2
    assert sample(text, "digestbot_stage_seconds_count", stage="summarize") == 1
    assert sample(text, "digestbot_stage_seconds_count", stage="ack") == 3
    assert sample(text, "digestbot_digests_in_flight") == 0


@pytest.mark.parametrize(
    ("given", "logged"),
    [("lb-7f3a9c", "lb-7f3a9c"), ('bad id {"forged": 1}', None)],
)
async def test_log_lines_of_a_request_and_its_job_share_one_request_id(
    slack: SlackDriver,
    article_server: ArticleServer,
    caplog: pytest.LogCaptureFixture,
    given: str,
    logged: str | None,
) -> None:
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.INFO)
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    form = slack.interaction("slash_command", url, channel="C0LOGS", name="logs")
    await slack.send(urlencode(form), FORM, headers={"X-Request-Id": given})
    await slack.settle()
    [digest_line] = [r for r in caplog.records if r.getMessage().startswith("digest ok")]
    request_id = getattr(digest_line, "request_id", None)
    assert request_id == logged if logged else re.fullmatch(r"[0-9a-f]{16}", str(request_id))


@pytest.fixture
def one_per_channel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGESTBOT_RATE_PER_CHANNEL", "1/minute")


async def test_a_channel_over_its_limit_gets_a_polite_private_line(
    one_per_channel: None,
    slack: SlackDriver,
    ops: str,
    fake_slack: FakeSlack,
    article_server: ArticleServer,
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    await slack.command(url, name="first")
    await slack.command(f"请总结 {url}", name="second")
    await slack.settle()
    assert len(fake_slack.to("chat.postMessage")) == 1
    [refusal] = fake_slack.to("response_url")
    assert refusal["name"] == "second" and refusal["response_type"] == "ephemeral"
    assert "本频道" in refusal["text"] and "秒后再试" in refusal["text"]
    metrics = (await get(slack, ops, "/metrics")).text
    assert sample(metrics, "digestbot_digests_total", outcome="rate_limited", platform="slack") == 1


async def test_store_and_slack_api_failures_are_counted(
    store_down: None,
    slack: SlackDriver,
    ops: str,
    fake_slack: FakeSlack,
    article_server: ArticleServer,
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    fake_slack.throttle("chat.postMessage")
    await slack.command(url)
    await slack.settle()
    assert len(fake_slack.to("chat.postMessage")) == 1  # posted on the retry after the 429
    metrics = (await get(slack, ops, "/metrics")).text
    assert sample(metrics, "digestbot_api_errors_total", kind="http_429", platform="slack") == 1
    assert sample(metrics, "digestbot_store_errors_total", operation="get_digest") >= 1
