"""Durable jobs on a Redis Stream: the front process adds, `digestbot worker` processes take.

Why a Stream with a consumer group (redis-py, already a dependency) rather
than arq or Dramatiq: a consumer group keeps every delivered entry *pending*
until the worker acknowledges it, so a job whose worker dies — SIGKILL, OOM,
a node gone — is still in Redis, and `XAUTOCLAIM` hands it to a live worker
once it has been idle for `DIGESTBOT_QUEUE_RECLAIM_SECONDS`; a worker that
restarts under the same name (`DIGESTBOT_WORKER_NAME`, the host name by
default: a container or pod keeps it across restarts) reads its own pending
entries first, at once. arq re-runs a job only after its own timeout, and
keeps results and retries in its own model; Dramatiq brings a second
framework of actors and middleware with threads. Neither adds anything the
five commands used here (`XADD`, `XREADGROUP`, `XAUTOCLAIM`, `XCLAIM`, `XACK`)
do not already give, and both would be a new dependency.

Delivery is at-least-once: an entry is acknowledged (and deleted) only after
its answer was posted, so a crash between posting and `XACK` posts it again
after the restart. What makes the visible effect once is the claims (see
`bots.jobs`): the job's own claims are its own on a second delivery.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from redis.exceptions import ResponseError

from bots.config import Settings
from bots.storage.redis_batch import CommandBatch
from bots.storage.redis_layer import redis_client

__all__ = ["GROUP", "STREAM", "Job", "JobQueue", "durable_queue", "platform_stream"]

logger = logging.getLogger(__name__)

STREAM = "digestbot:jobs"
GROUP = "digestbot-workers"
CLAIMS_TTL_SECONDS = 24 * 3600


@dataclass(frozen=True, slots=True)
class Job:
    """One entry: what to do (`kind`), with what (`args`), and how often it was handed out."""

    id: str
    kind: str
    args: dict[str, Any]
    deliveries: int = 1


class JobQueue:
    """The stream and its consumer group in one Redis database."""

    def __init__(self, url: str, *, stream: str = STREAM) -> None:
        # Longer than the 1 s a worker's read blocks for a job; a hung Redis fails, not hangs.
        self._redis = redis_client(url, timeout=5.0, connect_timeout=5.0)
        self._puts = CommandBatch(self._redis)  # puts only: a blocking read would hold the others
        self.stream = stream

    async def setup(self) -> None:
        """Create the stream and the group if they do not exist yet (idempotent)."""
        try:
            await self._redis.xgroup_create(self.stream, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def put(self, kind: str, args: dict[str, Any]) -> str:
        """Add a job; once this returns, the job survives any process's death."""
        fields = {"kind": kind, "args": json.dumps(args, ensure_ascii=False)}
        entry_id = await self._puts.run(lambda pipe: pipe.xadd(self.stream, fields))  # type: ignore[arg-type]
        return _text(entry_id)

    async def own_pending(self, consumer: str, count: int) -> list[Job]:
        """Entries delivered to `consumer` before and never acknowledged (its last life)."""
        reply = await self._redis.xreadgroup(GROUP, consumer, {self.stream: "0"}, count=count)
        return await self._counted(_entries(reply))

    async def reclaim(self, consumer: str, idle_ms: int, count: int) -> list[Job]:
        """Entries other workers took but have not touched for `idle_ms`: they died."""
        reply = await self._redis.xautoclaim(
            self.stream, GROUP, consumer, min_idle_time=idle_ms, count=count
        )
        return await self._counted([entry for entry in reply[1] if entry and entry[1]])

    async def take(self, consumer: str, count: int, block_ms: int) -> list[Job]:
        """New entries, waiting up to `block_ms` for one."""
        reply = await self._redis.xreadgroup(
            GROUP, consumer, {self.stream: ">"}, count=count, block=block_ms
        )
        return [_job(entry) for entry in _entries(reply)]

    async def keep(self, consumer: str, ids: list[str]) -> None:
        """Reset the idle time of jobs still running here, so nobody reclaims them."""
        if ids:
            await self._redis.xclaim(self.stream, GROUP, consumer, 0, list(ids), justid=True)

    async def done(self, job_id: str) -> None:
        """The job was answered: forget it and its claims."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.xack(self.stream, GROUP, job_id)
            pipe.xdel(self.stream, job_id)
            pipe.delete(self._claims_key(job_id))
            await pipe.execute()

    async def owns_claim(self, job_id: str, key: str) -> bool:
        """Whether job `job_id` won claim `key` in an earlier delivery."""
        return bool(await self._redis.sismember(self._claims_key(job_id), key))

    async def remember_claim(self, job_id: str, key: str) -> None:
        """Record that job `job_id` won claim `key` (kept a day, like the claims themselves)."""
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.sadd(self._claims_key(job_id), key)
            pipe.expire(self._claims_key(job_id), CLAIMS_TTL_SECONDS)
            await pipe.execute()

    async def depth(self) -> int:
        """Entries waiting or running (the queue-depth gauge)."""
        return int(await self._redis.xlen(self.stream))

    async def close(self) -> None:
        await self._redis.aclose()

    def _claims_key(self, job_id: str) -> str:
        return f"{self.stream}:claims:{job_id}"

    async def _counted(self, entries: list[Any]) -> list[Job]:
        jobs = []
        for entry in entries:
            entry_id = _text(entry[0])
            pending = await self._redis.xpending_range(
                self.stream, GROUP, min=entry_id, max=entry_id, count=1
            )
            deliveries = int(pending[0]["times_delivered"]) if pending else 1
            jobs.append(_job(entry, deliveries))
        return jobs


def durable_queue(settings: Settings, platform: str = "slack") -> JobQueue | None:
    """`platform`'s queue when `DIGESTBOT_QUEUE=redis` (which needs `DIGESTBOT_REDIS_URL`).

    One stream per platform, so a worker only takes jobs it can answer
    (`digestbot worker --platform discord` holds Discord's credentials alone).
    """
    if settings.queue != "redis":
        return None
    if not settings.redis_url:
        raise ValueError("DIGESTBOT_QUEUE=redis needs DIGESTBOT_REDIS_URL")
    return JobQueue(settings.redis_url, stream=platform_stream(platform))


def platform_stream(platform: str) -> str:
    """Slack's jobs keep the original stream name (queues in flight survive an upgrade)."""
    return STREAM if platform == "slack" else f"{STREAM}:{platform}"


def _entries(reply: Any) -> list[Any]:
    """XREADGROUP's `[[stream, [entry, …]]]` → the entries with fields (deleted ones have none)."""
    if not reply:
        return []
    return [entry for entry in reply[0][1] if entry[1]]


def _job(entry: Any, deliveries: int = 1) -> Job:
    entry_id, fields = entry
    decoded = {_text(k): _text(v) for k, v in fields.items()}
    return Job(_text(entry_id), decoded["kind"], json.loads(decoded["args"]), deliveries)


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
