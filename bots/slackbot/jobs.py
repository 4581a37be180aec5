"""Work that runs after Slack has been acknowledged, tracked so none is lost.

Slack wants an answer within 3 seconds; reading an article takes longer. Each
listener acknowledges, then hands its slow part to `Jobs.spawn`. The set of
running tasks is kept so shutdown (and tests) can wait for every digest to be
posted, and a crash in one job is logged with its traceback instead of
vanishing with the task.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

logger = logging.getLogger(__name__)


class Jobs:
    """A set of background tasks that can be drained."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, work: Coroutine[Any, Any, None], *, name: str) -> None:
        """Run `work` in the background; its failure is logged, never swallowed silently."""
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    async def drain(self) -> None:
        """Wait until every job, including jobs spawned meanwhile, has finished."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("job %s failed", task.get_name(), exc_info=task.exception())
