"""The pool interface, its in-process variant, and the factory that picks one.

`DIGESTBOT_WORKER_MODE=thread` keeps extraction and summaries in threads of
the bot's own process (tests, tiny hosts): no process to spawn, but no budget
either — a thread cannot be killed, so a job over its time budget still
answers "too complex" on time while its thread runs on to the end.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol, TypeVar

from bots.config import Settings
from bots.pool import ProcessPool
from summarizer.errors import Restarting, TooComplex
from summarizer.models import Digest

__all__ = ["ThreadPool", "WorkPool", "make_pool"]

_Input = TypeVar("_Input")


class WorkPool(Protocol):
    """Where digests are made: `start`, `run` a job, report `ready`, `close`."""

    async def start(self) -> None: ...

    async def run(self, job: Callable[[_Input], Digest], argument: _Input) -> Digest: ...

    def ready(self) -> bool: ...

    async def close(self) -> None: ...


class ThreadPool:
    """Jobs in threads of this process, each awaited for at most `job_seconds`."""

    def __init__(self, *, size: int, settings: Settings) -> None:
        self._settings = settings
        self._executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="digest")
        self._closing = False

    async def start(self) -> None:
        # Imported here: in process mode (the default) the main process never segments text.
        from summarizer.text.tokens import warm_up

        await asyncio.to_thread(warm_up, self._settings.data_dir)

    async def run(self, job: Callable[[_Input], Digest], argument: _Input) -> Digest:
        if self._closing:
            raise Restarting()
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self._settings.job_seconds):
                return await loop.run_in_executor(self._executor, job, argument)
        except TimeoutError:
            raise TooComplex(f"over {self._settings.job_seconds:g} s") from None

    def ready(self) -> bool:
        return not self._closing

    async def close(self) -> None:
        self._closing = True
        self._executor.shutdown(wait=False, cancel_futures=True)


def make_pool(settings: Settings) -> WorkPool:
    """The pool `DIGESTBOT_WORKER_MODE` asks for, sized by `DIGESTBOT_WORKERS`."""
    if settings.worker_mode == "thread":
        return ThreadPool(size=settings.workers, settings=settings)
    return ProcessPool(
        size=settings.workers,
        cache_dir=settings.data_dir,
        job_seconds=settings.job_seconds,
        memory_bytes=settings.worker_memory_mb * 1024 * 1024,
    )
