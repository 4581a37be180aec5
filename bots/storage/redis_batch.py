"""Redis commands issued in one turn of the event loop go out as one pipeline.

Why: the front's ack path makes two Redis calls per Slack request (the replay
claim and the queue put). In redis-py's asyncio client each call takes a
connection from the pool, arms a timeout, runs its retry wrapper and makes its
own send and receive system calls: 28 % of the front's CPU in `bench load`'s
5,000-request profile. The requests the front admits at once reach those calls
in the same turn of the loop, so their commands can share one pipeline (one
connection, one write, one read) — the automatic pipelining of ioredis and
node-redis, which redis-py does not offer.

With one request at a time a batch holds one command and costs one
`call_soon` more than a plain call. Each command's answer (or error) goes to its
own caller; a failure of the whole pipeline (Redis away, a timeout) goes to
every caller in it, who treats it as it would a failed call of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import Pipeline

__all__ = ["CommandBatch"]

Command = Callable[[Pipeline], object]
"""Adds exactly one command to the pipeline (e.g. `lambda pipe: pipe.set(k, v, nx=True)`)."""


class CommandBatch:
    """Sends the commands queued during one loop turn together; each caller gets its answer."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._queued: list[tuple[Command, asyncio.Future[Any]]] = []
        self._sending: set[asyncio.Task[None]] = set()

    async def run(self, command: Command) -> Any:
        """The answer to `command`, sent with whatever else was queued in this loop turn."""
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Any] = loop.create_future()
        self._queued.append((command, answer))
        if len(self._queued) == 1:
            loop.call_soon(self._flush)
        return await answer

    def _flush(self) -> None:
        batch, self._queued = self._queued, []
        task = asyncio.ensure_future(self._send(batch))
        self._sending.add(task)  # held until done: the loop keeps only weak references
        task.add_done_callback(self._sending.discard)

    async def _send(self, batch: list[tuple[Command, asyncio.Future[Any]]]) -> None:
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                for command, _ in batch:
                    command(pipe)
                results = await pipe.execute(raise_on_error=False)
        except BaseException as exc:  # every caller fails as its own call would have
            for _, answer in batch:
                if not answer.done():
                    answer.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        for (_, answer), result in zip(batch, results, strict=True):
            if answer.done():  # its caller stopped waiting (cancelled)
                continue
            if isinstance(result, Exception):
                answer.set_exception(result)
            else:
                answer.set_result(result)
