"""Work that runs after the platform has been acknowledged, tracked so none is lost.

Slack wants an answer within 3 seconds and Discord a deferral within 3;
reading an article takes longer. Each listener acknowledges, then hands its
slow part to `Jobs.spawn` (Discord's event tasks are adopted with `adopt`). The set of
running tasks is kept so shutdown (and tests) can wait for every digest to be
posted, and a crash in one job is logged with its traceback instead of
vanishing with the task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Coroutine
from typing import Any

logger = logging.getLogger(__name__)


class Jobs:
    """A set of background tasks that can be drained."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

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

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("job %s failed", task.get_name(), exc_info=task.exception())


async def finish_within(work: Awaitable[None], seconds: float) -> None:
    """Await `work` (a drain) for up to `seconds`, then cancel it: shutdown ends in bounded time."""
    logger.info("shutdown: letting running digests finish (up to %.0f s)", seconds)
    try:
        await asyncio.wait_for(work, timeout=seconds)
    except TimeoutError:
        logger.warning("shutdown: digests still running after %.0f s were cancelled", seconds)
