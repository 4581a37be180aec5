"""`digestbot worker`: take durable jobs from the Redis queue and answer them.

One worker process runs up to `DIGESTBOT_FETCH_CONCURRENCY` jobs at once
(fetching is I/O; extraction and summaries go to its own supervised pool of
`DIGESTBOT_WORKERS` processes, under the same budgets as the embedded mode).
For each job: claim, fetch, digest, post, record — the same code the Slack
listeners run in-process — then acknowledge it. At start it first finishes
the jobs its previous life left pending (same `DIGESTBOT_WORKER_NAME`), and
it keeps taking over jobs that a dead worker left idle for longer than
`DIGESTBOT_QUEUE_RECLAIM_SECONDS`; while a job runs its idle time is reset.

SIGTERM: stop taking jobs, give running ones `DIGESTBOT_SHUTDOWN_SECONDS`,
then stop; what did not finish was never acknowledged, so it stays in the
queue and the next worker finishes it. Health, readiness (its pool and
Redis) and metrics are served on `DIGESTBOT_HEALTH_PORT`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, Protocol

from aiohttp import web
from redis.exceptions import RedisError

from bots import event_loop
from bots.config import Settings
from bots.health import health_app, serve_health
from bots.job_queue import Job, JobQueue, platform_stream
from bots.jobs import JobClaims, Jobs, answers_when_interrupted, job_claims
from bots.service import DigestService
from bots.workers import WORKER_NICENESS

__all__ = ["Runner", "run_worker"]

logger = logging.getLogger(__name__)

Handle = Callable[[str, dict[str, Any], int], Awaitable[None]]
TAKE_BLOCK_MS = 1000
"""How long one read waits for a new job: also how soon SIGTERM stops the taking."""


class Runner:
    """Takes jobs for `consumer` and runs up to `capacity` of them at once."""

    def __init__(
        self, queue: JobQueue, consumer: str, handle: Handle, *, capacity: int, reclaim: float
    ) -> None:
        self._queue = queue
        self._consumer = consumer
        self._handle = handle
        self._capacity = capacity
        self._reclaim_ms = int(reclaim * 1000)
        self._keep_every = reclaim / 3
        self._running: dict[str, asyncio.Task[None]] = {}

    async def run(self, stop: asyncio.Event) -> None:
        """Take and start jobs until `stop` is set."""
        await self._queue.setup()
        self._start(await self._queue.own_pending(self._consumer, self._capacity))
        kept = time.monotonic()
        while not stop.is_set():
            try:
                await self._take_some()
                if time.monotonic() - kept > self._keep_every:
                    await self._queue.keep(self._consumer, list(self._running))
                    kept = time.monotonic()
            except RedisError as exc:
                logger.warning("queue unavailable: %s", exc)
                await asyncio.sleep(1.0)

    async def finish(self, seconds: float) -> None:
        """Let running jobs end for up to `seconds`; the rest stay pending in the queue."""
        running = list(self._running.values())
        if not running:
            return
        logger.info("shutdown: %d jobs running, waiting up to %.0f s", len(running), seconds)
        _, late = await asyncio.wait(running, timeout=seconds)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)
            logger.warning("shutdown: %d jobs left in the queue for the next worker", len(late))

    async def _take_some(self) -> None:
        free = self._capacity - len(self._running)
        if free <= 0:
            await asyncio.wait(list(self._running.values()), timeout=TAKE_BLOCK_MS / 1000,
                               return_when=asyncio.FIRST_COMPLETED)  # fmt: skip
            return
        jobs = await self._queue.reclaim(self._consumer, self._reclaim_ms, free)
        if not jobs:
            jobs = await self._queue.take(self._consumer, free, TAKE_BLOCK_MS)
        self._start(jobs)

    def _start(self, jobs: list[Job]) -> None:
        for job in jobs:
            if job.id not in self._running:
                task = asyncio.create_task(self._run(job), name=f"job {job.kind} {job.id}")
                self._running[job.id] = task
                task.add_done_callback(partial(self._forget, job.id))

    def _forget(self, job_id: str, _: asyncio.Task[None]) -> None:
        self._running.pop(job_id, None)

    async def _run(self, job: Job) -> None:
        """Answer `job`, then acknowledge it; a crash leaves it pending (retried, then given up)."""
        job_claims.set(JobClaims(self._queue, job.id))
        answers_when_interrupted.set(False)
        logger.info("job %s %s (delivery %d)", job.kind, job.id, job.deliveries)
        try:
            await self._handle(job.kind, job.args, job.deliveries)
        except Exception:
            logger.exception("job %s %s failed; it stays in the queue", job.kind, job.id)
            return
        await self._queue.done(job.id)


class PlatformJobs(Protocol):
    """One platform's job runner: `SlackJobs` or `DiscordJobs`."""

    async def run(self, kind: str, args: dict[str, Any], deliveries: int) -> None: ...

    async def close(self) -> None: ...


def run_worker(settings: Settings, *, platform: str = "slack") -> None:
    """Run until SIGTERM or Ctrl-C, answering `platform`'s jobs."""
    if settings.queue != "redis" or not settings.redis_url:
        raise SystemExit("digestbot worker needs DIGESTBOT_QUEUE=redis and DIGESTBOT_REDIS_URL")
    if platform not in ("slack", "discord"):
        raise SystemExit(f"digestbot worker: --platform is slack or discord, not {platform!r}")
    from bots.slackbot.app import SlackConfigError

    # Answers can wait, acks cannot: on a host it shares with a front, the worker runs
    # at the pool workers' lower priority. In `bench load` (5,000 commands from 500
    # senders, one host) it used 41 s of CPU against the front's 6 s.
    os.nice(WORKER_NICENESS)
    try:
        event_loop.run(_serve(settings, platform))
    except (SlackConfigError, ValueError) as exc:
        raise SystemExit(f"digestbot worker: {exc}") from None


async def _platform_jobs(settings: Settings, platform: str, service: DigestService) -> PlatformJobs:
    """The platform's runner (imported here: each is heavy, and a worker needs only one)."""
    if platform == "discord":
        from bots.discordbot.jobs import DiscordJobs

        discord = DiscordJobs(settings, service)
        await discord.start()
        return discord
    from bots.slackbot.jobs import slack_jobs

    return slack_jobs(settings, service, Jobs())


async def _serve(settings: Settings, platform: str) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    assert settings.redis_url is not None
    queue = JobQueue(settings.redis_url, stream=platform_stream(platform))
    service = DigestService(settings, platform=platform)
    await service.start()
    jobs = await _platform_jobs(settings, platform, service)
    consumer = settings.worker_name or socket.gethostname()
    capacity = settings.fetch_concurrency
    runner = Runner(
        queue, consumer, jobs.run, capacity=capacity, reclaim=settings.queue_reclaim_seconds
    )
    health = serve_health(
        _health_app(service, queue), host=settings.health_host, port=settings.health_port
    )
    async with health:
        logger.info("%s worker %s taking jobs (up to %d at once)", platform, consumer, capacity)
        try:
            await runner.run(stop)
        finally:
            await runner.finish(settings.shutdown_seconds)
            await jobs.close()
            await service.close()
            await queue.close()


def _health_app(service: DigestService, queue: JobQueue) -> web.Application:
    async def checks() -> dict[str, bool]:
        try:
            service.metrics.queue_depth.set(await queue.depth())  # the gauge, at each probe
        except RedisError:
            return {"workers": service.pool_ready(), "redis": False}
        return {"workers": service.pool_ready(), "redis": True}

    return health_app(metrics=service.metrics, checks=checks)
