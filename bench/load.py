"""Load on the Slack HTTP app: `python -m bench load` (printed, not asserted).

Real `digestbot slack --http` processes (one, then two behind a round-robin
"load balancer") against the fake Slack and the local article server: signed
`/summarize` commands from concurrent senders over distinct and repeated
URLs, at two loads: 500 requests from 50 senders and 5,000 from 500.

Every sender has its own connection, as Slack's senders do: one shared client
pool made requests wait up to 5 s inside the client before reaching a socket,
and the harness measured itself (p99 3.3 s where the server's handling was
p99 ≤ 0.19 s). Each answer's `Server-Timing: ack;dur=…` header says how long
the server spent on it, so the table splits the ack into the server's own
handling and the rest (connection, queueing in the kernel and event loops).
The senders run in a process of their own (`bench.load_senders`): sharing an
event loop with the fake Slack, which takes every digest the bot posts, put
that loop's delays on the senders' clocks.

Deployments (`--queue`): `redis` — each replica is a front process that only
acknowledges and puts the job on the Redis stream, plus one `digestbot worker`
that answers it (the replica's memory is both process trees); `embedded` —
one process acknowledges and answers with its own worker pool.

Reported per run: ack latency p50/p99/max (Slack's deadline is 3 s; target
p99 < 0.5 s at 500 requests, < 1 s at 5,000), the server's handling p99,
digests posted against requests (each request has its own channel, so a lost
or doubled digest shows), cache hit rate (from the replicas' /metrics), the
peak memory of each replica's whole process tree (PSS, workers included, sampled
every second; target ≤ 350 MB) and throughput (requests ÷ time from the first command
to the last digest posted).

Stores: with `DIGESTBOT_TEST_POSTGRES_URL` and `DIGESTBOT_TEST_REDIS_URL` set
(as `.ci/run` does) every run uses a fresh PostgreSQL database and Redis;
otherwise one replica runs on SQLite and the two-replica run is skipped. Rate
limits are switched off: this measures capacity, not politeness.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import json
import os
import shutil
import statistics
import sys
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
from tests.bots.slack.conftest import BOT_TOKEN, SIGNING_SECRET, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, CHINESE, article_html
from tests.support.article_server import ArticleServer
from tests.support.slack_process import SlackProcess, slack_replicas
from tests.support.store_servers import (
    POSTGRES_VAR,
    REDIS_VAR,
    empty_redis_database,
    fresh_postgres_database,
)
from tests.support.worker_process import launch_worker

POST_TIMEOUT = 300.0
"""How long after the last ack the digests may take; what is not posted by then counts as lost."""


MEMORY_SAMPLE_SECONDS = 1.0
"""How often each replica tree's PSS is read. Every 0.2 s, reading `smaps_rollup` (the
kernel walks each process's page tables) was half of this process's CPU in a
5,000-request run, on the cores the bot runs on; a Python process's memory hardly
shrinks, so a peak lasts longer than a second."""
LOAD_REDIS_DB = 14
"""The Redis database `bench load` empties and uses (the test suites take others)."""
LOCK_FILE = Path(tempfile.gettempdir()) / "digestbot-bench-load.lock"
"""Held while a `bench load` runs: a second one refuses to start. Two at once (a profiled
run left in the background, then the next) emptied each other's Redis database and each
other's workers answered the other's jobs: 1,253–3,747 of 5,000 digests "lost" in three
runs — the harness again, not the bot."""


@dataclass(frozen=True)
class Plan:
    requests: int
    senders: int
    unique: int
    queue: str = "embedded"


@dataclass(frozen=True)
class Result:
    replicas: int
    store: str
    queue: str
    acks: list[float]
    handling: list[float]
    slow_acks: int
    posted: int
    lost: int
    duplicated: int
    hit_rate: float
    peak_rss_mb: list[float]
    seconds: float
    front_cpu_seconds: float


def pages(server: ArticleServer, unique: int, run: str) -> list[str]:
    """`unique` distinct articles for `run` (no run reads another's pages), English and Chinese."""
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
        # Redis emptied too: a job an earlier run left in the stream was answered by the
        # next run's worker and counted as a digest nobody asked for (lost −16).
        async with fresh_postgres_database() as url, empty_redis_database(LOAD_REDIS_DB) as cache:
            yield {"DIGESTBOT_DATABASE_URL": url, "DIGESTBOT_REDIS_URL": cache}
    else:
        yield {} if replicas == 1 else None


async def send_all(
    replicas: list[SlackProcess], fake: FakeSlack, urls: list[str], plan: Plan, tmp: Path
) -> tuple[list[float], list[float]]:
    """Every command, sent by `bench.load_senders` in a process of its own (so this process's
    fake Slack and article server never delay the senders' clocks); ack and handling seconds."""
    bodies = []
    for n in range(plan.requests):
        channel = f"C{n:05d}"
        form = payload(
            "slash_command", text=urls[n % len(urls)], channel=channel,
            user=f"U{n % plan.senders:03d}", response_url=fake.response_url(channel),
        )  # fmt: skip
        bodies.append(urlencode(form))
    spec = tmp / "senders.json"
    targets = [replica.url("/slack/events") for replica in replicas]
    spec.write_text(json.dumps({"targets": targets, "bodies": bodies, "senders": plan.senders}))
    senders = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.load_senders", str(spec), stdout=asyncio.subprocess.PIPE
    )
    out, _ = await senders.communicate()
    if senders.returncode != 0:
        raise RuntimeError(f"bench.load_senders failed with status {senders.returncode}")
    result = json.loads(out)
    return result["acks"], result["handling"]


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def front_cpu_seconds(replicas: list[SlackProcess]) -> float:
    """CPU time (user + system) the replicas' front processes have used so far.

    Read before and after the senders run, it gives the CPU each ack costs the front
    (`bench load`'s "front CPU ms per ack"): unlike latency, it barely moves when other
    work shares the machine, so a change to the ack path can be judged on a busy host.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for replica in replicas:
        try:
            fields = Path(f"/proc/{replica.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def tree_memory_mb(pid: int) -> float:
    """Memory of `pid` and all its descendants (workers, forkserver), in MB.

    Proportional set size (`Pss` in smaps_rollup): workers forked from the
    forkserver share its pages, and summing plain RSS would count them once
    per process. PSS splits each shared page among its sharers, so the sum is
    what the tree really occupies.
    """
    total_kb = 0
    for current in _tree(pid):
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
        except OSError:
            continue
        pss = (int(x.split()[1]) for x in rollup.splitlines() if x.startswith("Pss:"))
        total_kb += next(pss, 0)
    return total_kb / 1024


def queue_env(plan: Plan, stores: dict[str, str]) -> dict[str, str]:
    """`DIGESTBOT_QUEUE=redis` for the queue deployment (it needs the run's Redis)."""
    if plan.queue == "redis" and stores:
        return {"DIGESTBOT_QUEUE": "redis"}
    return {}


@asynccontextmanager
async def queue_workers(
    count: int, env: dict[str, str], logs: Path
) -> AsyncIterator[list[SlackProcess]]:
    """One `digestbot worker` per replica for the queue deployment; none for the embedded one."""
    if env.get("DIGESTBOT_QUEUE") != "redis":
        yield []
        return
    workers = [
        launch_worker(env | {"DIGESTBOT_WORKER_NAME": f"load-{i}"}, logs / f"worker-{i}.log")
        for i in range(count)
    ]
    try:
        await asyncio.gather(*(worker.wait_healthy() for worker in workers))
        yield workers
    finally:
        for worker in workers:
            if worker.process.poll() is None:
                await worker.terminate()


@asynccontextmanager
async def tree_memory_peaks(
    replicas: list[SlackProcess], workers: list[SlackProcess]
) -> AsyncIterator[list[float]]:
    """Sample each replica's process-tree memory while the body runs; the list holds the peaks.

    With the queue, a replica is its front process and its worker, each with its tree.
    """
    peaks = [0.0 for _ in replicas]
    pairs = [[r] + ([workers[i]] if workers else []) for i, r in enumerate(replicas)]

    async def sample() -> None:
        while True:
            for i, processes in enumerate(pairs):
                now = sum(tree_memory_mb(p.process.pid) for p in processes)
                peaks[i] = max(peaks[i], now)
            await asyncio.sleep(MEMORY_SAMPLE_SECONDS)

    task = asyncio.create_task(sample())
    try:
        yield peaks
    finally:
        task.cancel()


async def hit_rate(replicas: list[SlackProcess]) -> float:
    """Digests served without reading the article again (from the cache, or by joining a
    reading in progress) ÷ lookups, summed over the replicas' /metrics."""
    hits = lookups = 0.0
    async with httpx.AsyncClient(timeout=10) as http:
        for replica in replicas:
            for line in (await http.get(replica.health_url("/metrics"))).text.splitlines():
                if line.startswith("digestbot_cache_lookups_total{"):
                    value = float(line.rsplit(" ", 1)[1])
                    lookups += value
                    hits += value if 'result="miss"' not in line else 0
    return hits / lookups if lookups else 0.0


async def run(
    count: int, plan: Plan, server: ArticleServer, tmp: Path, data_dir: Path
) -> Result | None:
    """One run with `count` replicas (logs in `tmp`); None when its store is not available."""
    logs = tmp / f"logs-{count}"
    logs.mkdir()
    async with store_env(count) as stores, fake_slack() as fake:
        if stores is None:
            return None
        env = base_env(fake, data_dir) | stores
        urls = pages(server, plan.unique, f"run{count}-{plan.queue}")
        async with slack_replicas(count, env | queue_env(plan, stores), logs) as replicas, \
                queue_workers(count, env | queue_env(plan, stores), logs) as workers:  # fmt: skip
            async with tree_memory_peaks(replicas, workers) as rss:
                started, cpu = time.perf_counter(), front_cpu_seconds(replicas)
                acks, handling = await send_all(replicas, fake, urls, plan, logs)
                cpu = front_cpu_seconds(replicas) - cpu
                with contextlib.suppress(TimeoutError):  # the table shows them as lost
                    await fake.wait_for("chat.postMessage", plan.requests, timeout=POST_TIMEOUT)
                seconds = time.perf_counter() - started
            rate = await hit_rate([*replicas, *workers])
            for process in [*replicas, *workers]:
                await process.terminate()
        per_channel = Counter(p["channel"] for p in fake.to("chat.postMessage"))
    return Result(
        replicas=count,
        store="PostgreSQL+Redis" if stores else "SQLite",
        queue=plan.queue,
        acks=acks,
        handling=handling,
        slow_acks=sum(a >= 3.0 for a in acks),
        posted=sum(per_channel.values()),
        lost=plan.requests - len(per_channel),
        duplicated=sum(n - 1 for n in per_channel.values()),
        hit_rate=rate,
        peak_rss_mb=rss,
        seconds=seconds,
        front_cpu_seconds=cpu,
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
        "| replicas | store | queue | requests (unique URLs) / senders | ack p50 ms | ack p99 ms "
        "| ack max ms | server handling p99 ms | acks ≥ 3 s or none | digests posted | lost "
        "| duplicated | cache hit rate | peak PSS MB per replica tree | throughput req/s "
        "| front CPU ms per ack |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [head]
    for count, r in zip(counts, results, strict=True):
        if r is None:
            rows.append(
                f"| {count} | — | {plan.queue} | skipped: needs {POSTGRES_VAR} and {REDIS_VAR} |"
            )
            continue
        p50, p99 = (statistics.quantiles(r.acks, n=100)[i] * 1000 for i in (49, 98))
        handled = [h for h in r.handling if h == h] or [float("nan")]
        server_p99 = statistics.quantiles(handled, n=100)[98] * 1000 if len(handled) > 1 else 0
        rss = " / ".join(f"{mb:.0f}" for mb in r.peak_rss_mb)
        rows.append(
            f"| {r.replicas} | {r.store} | {r.queue} | "
            f"{plan.requests} ({plan.unique}) / {plan.senders} | "
            f"{p50:.0f} | {p99:.0f} | {max(r.acks) * 1000:.0f} | {server_p99:.0f} | "
            f"{r.slow_acks} | {r.posted} | {r.lost} | "
            f"{r.duplicated} | {r.hit_rate:.0%} | {rss} | {plan.requests / r.seconds:.1f} | "
            f"{r.front_cpu_seconds * 1000 / plan.requests:.2f} |"
        )
    return "\n".join(rows)


async def bench(
    plan: Plan, counts: Sequence[int], data_dir: Path, keep_logs: Path | None = None
) -> str:
    server = ArticleServer()
    server.start()
    try:
        with tempfile.TemporaryDirectory(prefix="digestbot-load-") as tmp:
            results = [await run(count, plan, server, Path(tmp), data_dir) for count in counts]
            if keep_logs is not None:
                for logs in Path(tmp).glob("logs-*"):
                    shutil.copytree(logs, keep_logs / f"{plan.queue}-{plan.requests}-{logs.name}")
    finally:
        server.stop()
    return table(plan, results, counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench load", description=__doc__)
    parser.add_argument(
        "--plans", default="500x50,5000x500", help="REQUESTSxSENDERS runs, comma-separated"
    )
    parser.add_argument("--unique", type=int, default=100, help="distinct URLs among them")
    parser.add_argument("--replicas", default="1,2", help="replica counts to run, e.g. 1,2")
    parser.add_argument(
        "--queue", default="redis,embedded",
        help="deployments: redis (front acks and enqueues, `digestbot worker` answers) "
        "and/or embedded (one process does both)",
    )  # fmt: skip
    parser.add_argument(
        "--keep-logs", type=Path, help="copy the replicas' and workers' logs into this folder"
    )
    args = parser.parse_args(argv)
    with LOCK_FILE.open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another bench load is running (it uses Redis database {LOAD_REDIS_DB})")
            return 1
        return _run_plans(args)


def _run_plans(args: argparse.Namespace) -> int:
    counts = [int(n) for n in args.replicas.split(",")]
    # One data directory for every run: the word-frequency cache is built once, as an
    # image build does. A directory per plan left the later plans' caches unbuilt
    # (`warm_up` loads once per process), so their forkservers built them, and those
    # replicas measured 12 MB more than the same plan run alone.
    with tempfile.TemporaryDirectory(prefix="digestbot-load-data-") as data:
        data_dir = Path(data)
        warm_up(data_dir)
        for spec in args.plans.split(","):
            requests, senders = (int(n) for n in spec.split("x"))
            for queue in args.queue.split(","):
                plan = Plan(requests, senders, args.unique, queue)
                print(asyncio.run(bench(plan, counts, data_dir, args.keep_logs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
