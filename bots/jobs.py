"""Work that runs after the platform has been acknowledged, tracked so none is lost.

Slack wants an answer within 3 seconds and Discord a deferral within 3;
reading an article takes longer. Each listener acknowledges, then hands its
slow part to `Jobs.submit` (or `spawn`; Discord's event tasks are adopted with
`adopt`). With `DIGESTBOT_QUEUE=redis` a submitted job goes to the durable
queue (`bots.job_queue`) before the platform hears "ok", and a `digestbot
worker` process answers it; otherwise it runs here, as a task. The set of
running tasks is kept so shutdown (and tests) can wait for every digest to be
posted, and a crash in one job is logged with its traceback instead of
vanishing with the task.

Claims made while a durable job runs belong to that job (`JobClaims`): if
the job is delivered again after its worker died, the claims it had already
won count as won, so the retry finishes the work instead of finding it
"already taken" and staying silent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from contextvars import ContextVar
from typing import Any

from redis.exceptions import RedisError

from bots.job_queue import JobQueue

__all__ = ["JobClaims", "Jobs", "answers_when_interrupted", "finish_within", "job_claims"]

logger = logging.getLogger(__name__)

Work = Callable[[], Coroutine[Any, Any, None]]
QUEUE_PUT_SECONDS = 10.0
"""How long a put may take before the job runs here instead. Every listener acks before it
submits, so this bounds the job's start, not the ack. At 1 s, a front busy with a burst
(`bench load`, 5,000 commands from 500 senders) timed its own puts out, ran those jobs
itself and fell further behind: a slow event loop is not a dead Redis."""


class JobClaims:
    """The claims one durable job has won, kept in Redis beside the queue."""

    def __init__(self, queue: JobQueue, job_id: str) -> None:
        self._queue = queue
        self._job_id = job_id

    async def owns(self, key: str) -> bool:
        return await self._queue.owns_claim(self._job_id, key)

    async def remember(self, key: str) -> None:
        await self._queue.remember_claim(self._job_id, key)


job_claims: ContextVar[JobClaims | None] = ContextVar("job_claims", default=None)
"""Set while a durable job runs in a worker; `DigestService.claim` consults it."""

answers_when_interrupted: ContextVar[bool] = ContextVar("answers_when_interrupted", default=True)
"""False in queue workers: a job cut short there stays in the queue and is finished later."""


class Jobs:
    """A set of background tasks that can be drained, in front of an optional durable queue."""

    def __init__(self, queue: JobQueue | None = None) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._queue = queue

    @property
    def durable(self) -> bool:
        """Whether submitted jobs go to the durable queue (a `digestbot worker` answers them)."""
        return self._queue is not None

    async def submit(self, kind: str, args: dict[str, Any], work: Work) -> None:
        """Queue job `kind` with JSON `args` when durable; else (or if Redis fails) run `work()`."""
        if self._queue is not None:
            try:
                async with asyncio.timeout(QUEUE_PUT_SECONDS):
                    await self._queue.put(kind, args)
                return
            except (RedisError, TimeoutError) as exc:
                logger.warning("queue unavailable, running %s here: %r", kind, exc)
        self.spawn(work(), name=kind)

    def spawn(self, work: Coroutine[Any, Any, None], *, name: str) -> None:
        """Run `work` in the background; its failure is logged, never swallowed silently."""
        self.adopt(asyncio.get_running_loop().create_task(work, name=name))

    def adopt(self, task: asyncio.Task[Any]) -> None:
        """Track a task someone else started (discord.py runs each event in its own task)."""
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    async def drain(self) -> None:
        """Wait until every job, including jobs spawned meanwhile, has finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def close(self) -> None:
        """Close the queue connection, if any."""
        if self._queue is not None:
            await self._queue.close()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("job %s failed", task.get_name(), exc_info=task.exception())


async def finish_within(work: Awaitable[None], seconds: float) -> None:
    """Await `work` (a drain) for up to `seconds`, then cancel it: shutdown ends in bounded time.

    Jobs cancelled here answer their requester "I'm restarting; please ask
    again" on the way out (`tell_interrupted`) unless they live in a queue.
    """
    logger.info("shutdown: letting running digests finish (up to %.0f s)", seconds)
    try:
        await asyncio.wait_for(work, timeout=seconds)
    except TimeoutError:
        logger.warning("shutdown: digests still running after %.0f s were cancelled", seconds)


async def tell_interrupted(tell: Callable[[], Awaitable[None]]) -> None:
    """In a job being cancelled: give the requester one line, unless the queue will redo it."""
    if answers_when_interrupted.get():
        try:
            async with asyncio.timeout(INTERRUPT_ANSWER_SECONDS):
                await tell()
        except Exception:
            logger.exception("could not tell the requester about the restart")


INTERRUPT_ANSWER_SECONDS = 3.0
"""How long a cancelled job may take to say "I'm restarting" (part of the shutdown bound)."""
