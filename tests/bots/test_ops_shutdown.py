"""SIGTERM on a real `digestbot slack --http` process: finish in-flight digests, within a bound.

Two commands are acknowledged, then the process (with real worker processes)
gets SIGTERM: the digest whose article arrives within the bound is still
posted; the one whose article would take longer than the bound is cancelled
and its requester is told "I'm restarting", privately; the process exits
cleanly and leaves no child behind (workers, forkserver, resource tracker).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

import httpx

from summarizer.text.tokens import warm_up
from tests.bots.slack.conftest import BOT_TOKEN, FORM, SIGNING_SECRET, USER, fake_slack, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer
from tests.support.slack_process import slack_replicas

__all__ = ["fake_slack"]  # the fixture, shared with the Slack adapter's tests

BOUND_SECONDS = 4


def command(fake: FakeSlack, url: str, channel: str) -> str:
    form = payload(
        "slash_command",
        text=url,
        channel=channel,
        user=USER,
        response_url=fake.response_url(channel),
    )
    return urlencode(form)


async def test_sigterm_posts_what_is_in_flight_and_cancels_what_overruns(
    fake_slack: FakeSlack, article_server: ArticleServer, tmp_path: Path
) -> None:
    page = article_html("Acme raises $5M", ACME)
    quick = article_server.add("/quick", page, delay=1.0)
    stuck = article_server.add("/stuck", page, delay=BOUND_SECONDS * 4)
    warm_up(tmp_path)
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "DIGESTBOT_FETCH_ALLOW_HOSTS": "127.0.0.1",
        "DIGESTBOT_FETCH_TOTAL_TIMEOUT": str(BOUND_SECONDS * 3),
        "DIGESTBOT_DATA_DIR": str(tmp_path),
        "DIGESTBOT_SHUTDOWN_SECONDS": str(BOUND_SECONDS),
        "DIGESTBOT_WORKER_MODE": "process",
    }
    async with slack_replicas(1, env, tmp_path) as (replica,), httpx.AsyncClient() as http:
        for url, channel in ((quick, "C0QUICK"), (stuck, "C0STUCK")):
            ack = await replica.post(http, command(fake_slack, url, channel), FORM)
            assert ack.status_code == 200 and "Reading" in ack.text
        children = descendants(replica.process.pid)
        assert len(children) >= 2  # the forkserver and at least one worker
        exit_status = await replica.terminate()
        log = replica.log_tail()
    assert exit_status == 0, log
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["channel"] == "C0QUICK"
    assert "$5 million" in json.dumps(posted["blocks"])
    [told] = fake_slack.to("response_url")
    assert told["name"] == "C0STUCK" and told["response_type"] == "ephemeral"
    assert told["text"] == "I'm restarting; please ask again in a minute."
    assert "were cancelled" in log
    assert [pid for pid in children if Path(f"/proc/{pid}").exists()] == []


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (children, their children…), from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = [child for child, ppid in parents.items() if ppid == parent]
        found += kids
        frontier += kids
    return found
