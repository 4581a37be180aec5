"""Load on the Slack HTTP app: `python -m bench.load` (printed, not asserted).

Real `digestbot slack --http` processes (one, then two behind a round-robin
"load balancer") against the fake Slack and the local article server: signed
`/summarize` commands from concurrent senders over distinct and repeated
URLs. Reported per run: ack latency p50/p99/max (Slack's deadline is 3 s),
digests posted against requests (each request has its own channel, so a lost
or doubled digest shows), cache hit rate (from the replicas' /metrics), peak
RSS per replica, and throughput (requests ÷ time from the first command to
the last digest posted).

Stores: with `DIGESTBOT_TEST_POSTGRES_URL` and `DIGESTBOT_TEST_REDIS_URL` set
(as `.ci/run` does) every run uses a fresh PostgreSQL database and Redis;
otherwise one replica runs on SQLite and the two-replica run is skipped. Rate
limits are switched off: this measures capacity, not politeness.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx

from summarizer.text.tokens import warm_up
from tests.bots.slack.conftest import BOT_TOKEN, FORM, SIGNING_SECRET, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, CHINESE, article_html
from tests.support.article_server import ArticleServer
from tests.support.slack_process import SlackProcess, slack_replicas
from tests.support.store_servers import POSTGRES_VAR, REDIS_VAR, fresh_postgres_database

POST_TIMEOUT = 120.0


@dataclass(frozen=True)
class Plan:
    requests: int
    senders: int
    unique: int


@dataclass(frozen=True)
class Result:
    replicas: int
    store: str
    acks: list[float]
    slow_acks: int
    posted: int
    lost: int
    duplicated: int
    hit_rate: float
    peak_rss_mb: list[float]
    seconds: float


def pages(server: ArticleServer, unique: int, run: str) -> list[str]:
    """`unique` distinct articles for `run` (Redis's cache outlives a run), English and Chinese."""
    urls = []
    for i in range(unique):
        lead = [f"Story {i}: the board met on Monday to review the figures."]
        body = lead + ACME if i % 2 == 0 else [f"第{i}号报道：董事会周一开会审议了数据。", *CHINESE]
        urls.append(server.add(f"/{run}/story/{i}", article_html(f"Story {i}", body)))
    return urls


@asynccontextmanager
async def store_env(replicas: int) -> AsyncIterator[dict[str, str] | None]:
    """Database and Redis settings for a run; None when the run cannot be made."""
    postgres, redis = os.environ.get(POSTGRES_VAR), os.environ.get(REDIS_VAR)
    if postgres and redis:
        async with fresh_postgres_database() as url:
            yield {"DIGESTBOT_DATABASE_URL": url, "DIGESTBOT_REDIS_URL": redis}
    else:
        yield {} if replicas == 1 else None


async def send_all(
    replicas: list[SlackProcess], fake: FakeSlack, urls: list[str], plan: Plan
) -> tuple[list[float], int]:
    """Every command, from `plan.senders` concurrent senders; ack seconds and non-200s."""
    acks: list[float] = []
    failures = 0
    numbers = iter(range(plan.requests))

    async def sender(user: str, http: httpx.AsyncClient) -> None:
        nonlocal failures
        for n in numbers:
            form = payload(
                "slash_command",
                text=urls[n % len(urls)],
                channel=f"C{n:05d}",
                user=user,
                response_url=fake.response_url(f"C{n:05d}"),
            )
            started = time.perf_counter()
            response = await replicas[n % len(replicas)].post(http, urlencode(form), FORM)
            acks.append(time.perf_counter() - started)
            failures += response.status_code != 200

    limits = httpx.Limits(max_connections=plan.senders)
    async with httpx.AsyncClient(timeout=30, limits=limits) as http:
        await asyncio.gather(*(sender(f"U{s:03d}", http) for s in range(plan.senders)))
    return acks, failures


async def hit_rate(replicas: list[SlackProcess]) -> float:
    """Digests served without reading the article again (from the cache, or by joining a
    reading in progress) ÷ lookups, summed over the replicas' /metrics."""
    hits = lookups = 0.0
    async with httpx.AsyncClient(timeout=10) as http:
        for replica in replicas:
            for line in (await http.get(replica.url("/metrics"))).text.splitlines():
                if line.startswith("digestbot_cache_lookups_total{"):
                    value = float(line.rsplit(" ", 1)[1])
                    lookups += value
                    hits += value if 'result="miss"' not in line else 0
    return hits / lookups if lookups else 0.0


async def run(count: int, plan: Plan, server: ArticleServer, tmp: Path) -> Result | None:
    """One run with `count` replicas; None when its store is not available."""
    logs = tmp / f"logs-{count}"
    logs.mkdir()
    async with store_env(count) as stores, fake_slack() as fake:
        if stores is None:
            return None
        env = base_env(fake, tmp) | stores
        urls = pages(server, plan.unique, f"run{count}")
        async with slack_replicas(count, env, logs) as replicas:
            started = time.perf_counter()
            acks, _ = await send_all(replicas, fake, urls, plan)
            await fake.wait_for("chat.postMessage", plan.requests, timeout=POST_TIMEOUT)
            seconds = time.perf_counter() - started
            rate = await hit_rate(replicas)
            rss = [replica.peak_rss_mb() for replica in replicas]
            for replica in replicas:
                await replica.terminate()
        per_channel = Counter(p["channel"] for p in fake.to("chat.postMessage"))
    return Result(
        replicas=count,
        store="PostgreSQL+Redis" if stores else "SQLite",
        acks=acks,
        slow_acks=sum(a >= 3.0 for a in acks),
        posted=sum(per_channel.values()),
        lost=plan.requests - len(per_channel),
        duplicated=sum(n - 1 for n in per_channel.values()),
        hit_rate=rate,
        peak_rss_mb=rss,
        seconds=seconds,
    )


@asynccontextmanager
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()


def base_env(fake: FakeSlack, data_dir: Path) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "DIGESTBOT_FETCH_ALLOW_HOSTS": "127.0.0.1",
        "DIGESTBOT_DATA_DIR": str(data_dir),
        "DIGESTBOT_RATE_PER_USER": "",
        "DIGESTBOT_RATE_PER_CHANNEL": "",
        "DIGESTBOT_LOG_LEVEL": "WARNING",
    }


def table(plan: Plan, results: list[Result | None], counts: Sequence[int]) -> str:
    head = (
        "| replicas | store | requests (unique URLs) | ack p50 ms | ack p99 ms | ack max ms "
        "| acks ≥ 3 s | digests posted | lost | duplicated | cache hit rate "
        "| peak RSS MB per replica | throughput req/s |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for count, r in zip(counts, results, strict=True):
        if r is None:
            rows.append(f"| {count} | — | skipped: needs {POSTGRES_VAR} and {REDIS_VAR} |")
            continue
        p50, p99 = (statistics.quantiles(r.acks, n=100)[i] * 1000 for i in (49, 98))
        rss = " / ".join(f"{mb:.0f}" for mb in r.peak_rss_mb)
        rows.append(
            f"| {r.replicas} | {r.store} | {plan.requests} ({plan.unique}) | {p50:.0f} | "
            f"{p99:.0f} | {max(r.acks) * 1000:.0f} | {r.slow_acks} | {r.posted} | {r.lost} | "
            f"{r.duplicated} | {r.hit_rate:.0%} | {rss} | {plan.requests / r.seconds:.1f} |"
        )
    return "\n".join(rows)


async def bench(plan: Plan, counts: Sequence[int]) -> str:
    server = ArticleServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory(prefix="digestbot-load-") as tmp:
            warm_up(Path(tmp))  # the jieba cache, built once as the image build does
            results = [await run(count, plan, server, Path(tmp)) for count in counts]
    finally:
        server.stop()
    return table(plan, results, counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--senders", type=int, default=50)
    parser.add_argument("--unique", type=int, default=100, help="distinct URLs among them")
    parser.add_argument("--replicas", default="1,2", help="replica counts to run, e.g. 1,2")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.replicas.split(",")]
    plan = Plan(args.requests, args.senders, args.unique)
    print(asyncio.run(bench(plan, counts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
