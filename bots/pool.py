"""Worker processes that come back: a supervised pool with a budget per job.

`concurrent.futures.ProcessPoolExecutor` breaks for good when one worker dies
(every later digest failed with `BrokenProcessPool` while readiness said
200), and it cannot stop one job that runs too long. Here each worker is a
slot the pool owns: one process and one pipe. A job gets `job_seconds` of wall
time (`DIGESTBOT_JOB_SECONDS`, default 10 s; hostile pages ran 20–400 s
before the linear-time fixes) and the worker's memory is capped
(`DIGESTBOT_WORKER_MEMORY_MB`, `bots.workers`). Over either budget the worker
is killed and started again, and the caller gets `TooComplex` ("That page is
too complex to read"); a worker that dies mid-job (OOM killer, SIGKILL) gives
`WorkLost`, and one found dead while idle is replaced by the watcher.
`ready()` is False while any slot is missing or starting again (readiness).

Workers are started eagerly by `start()`, in threads, so neither the first
digest nor the event loop waits for a process to spawn. They come from a
forkserver that has already imported the summarizer, so a replacement is a
fork plus jieba's warm-up, not a fresh interpreter; nothing is ever forked
from the process that holds the event loop and its sockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, TypeVar

from bots.workers import serve_jobs
from summarizer.errors import Restarting, TooComplex, WorkLost
from summarizer.models import Digest

__all__ = ["WATCH_SECONDS", "ProcessPool"]

logger = logging.getLogger(__name__)
_Input = TypeVar("_Input")

START_SECONDS = 60.0
"""A worker not ready after this long (import + jieba warm-up take ~1 s) is a failed start."""
WATCH_SECONDS = 0.5
"""How often idle workers are checked for death: a dead one is replaced within this."""
_PRELOAD = ["bots.worker_preload"]


class _Lost(Exception):
    """The pipe to a worker broke mid-job: the process died."""


class _OverMemory(Exception):
    """The job hit the worker's memory limit; the worker has exited."""


class _Slot:
    """One worker process and its pipe; replaced in place when it dies or overruns."""

    def __init__(self, spawn: Callable[[], tuple[BaseProcess, Connection]]) -> None:
        self._spawn = spawn
        self.process: BaseProcess | None = None
        self.conn: Connection | None = None
        self.busy = False
        self._starting: asyncio.Future[None] | None = None

    def starting(self) -> bool:
        return self._starting is not None

    def alive(self) -> bool:
        return self._starting is None and self.process is not None and self.process.is_alive()

    def replace(self) -> asyncio.Future[None]:
        """Kill the current process (if any) and start a new one, off the event loop."""
        if self._starting is None:
            self._starting = asyncio.ensure_future(self._restart())
        return self._starting

    async def ensure(self) -> None:
        """Wait until this slot has a live, warm worker."""
        if not self.alive():
            await asyncio.shield(self.replace())

    async def _restart(self) -> None:
        old, self.process, self.conn = (self.process, self.conn), None, None
        try:
            await asyncio.to_thread(_stop, *old)
            self.process, self.conn = await asyncio.to_thread(self._spawn)
        finally:
            self._starting = None

    async def call(self, job: Callable[[Any], Digest], argument: Any, seconds: float) -> Digest:
        """Run one job in this worker within `seconds`; raise what the job raised."""
        assert self.conn is not None
        conn = self.conn
        try:
            async with asyncio.timeout(seconds):
                await asyncio.to_thread(conn.send, (job, argument))
                await _readable(conn)
            status, value = conn.recv()
        except TimeoutError:  # an OSError too, but the budget's: `run` replaces the worker
            raise
        except (EOFError, OSError) as exc:  # the pipe, not the job: the worker is gone
            raise _Lost() from exc
        if status == "ok":
            return value  # type: ignore[no-any-return]
        if status == "memory":
            raise _OverMemory()
        raise value  # the job's own exception, OSError included, leaves the worker alone

    def kill(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()


class ProcessPool:
    """`size` supervised worker processes; `run()` is the only way work gets in."""

    def __init__(
        self, *, size: int, cache_dir: Path, job_seconds: float, memory_bytes: int
    ) -> None:
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(_PRELOAD)
        self._args = (cache_dir, memory_bytes)
        self._seconds = job_seconds
        self._slots = [_Slot(self._spawn) for _ in range(size)]
        self._idle: asyncio.Queue[_Slot] = asyncio.Queue()
        self._closing = False
        self._watcher: asyncio.Task[None] | None = None
        self.replaced = 0

    async def start(self) -> None:
        """Start every worker now (concurrently, in threads) and watch them from then on."""
        await asyncio.gather(*(slot.ensure() for slot in self._slots))
        for slot in self._slots:
            self._idle.put_nowait(slot)
        self._watcher = asyncio.create_task(self._watch(), name="worker watcher")

    def ready(self) -> bool:
        """Every worker alive and warm (busy ones count), and not shutting down."""
        return not self._closing and all(slot.alive() for slot in self._slots)

    def pids(self) -> list[int]:
        """Worker process ids (tests and operators kill them on purpose)."""
        return [s.process.pid for s in self._slots if s.process and s.process.pid]

    async def run(self, job: Callable[[_Input], Digest], argument: _Input) -> Digest:
        """`job(argument)` in a worker, within the budget; the worker is replaced if it overran."""
        if self._closing:
            raise Restarting()
        slot = await self._idle.get()
        slot.busy = True
        try:
            await slot.ensure()
            return await slot.call(job, argument, self._seconds)
        except TimeoutError:
            self._replace(slot, "over its time budget")
            raise TooComplex(f"over {self._seconds:g} s") from None
        except _Lost as exc:
            self._replace(slot, "lost mid-job")
            raise (Restarting() if self._closing else WorkLost()) from exc
        except _OverMemory:
            self._replace(slot, "over its memory budget")
            raise TooComplex("memory") from None
        except asyncio.CancelledError:
            self._replace(slot, "cancelled mid-job")
            raise
        finally:
            slot.busy = False
            self._idle.put_nowait(slot)

    async def close(self) -> None:
        """Kill every worker (running jobs end with `Restarting`) and the forkserver."""
        self._closing = True
        if self._watcher is not None:
            self._watcher.cancel()
        for slot in self._slots:
            slot.kill()
        for _ in range(50):  # the jobs that were running see their worker die first
            if not any(slot.busy for slot in self._slots):
                break
            await asyncio.sleep(0.02)
        await asyncio.to_thread(_stop_helpers, self._slots)

    def _replace(self, slot: _Slot, why: str) -> None:
        slot.kill()
        if self._closing:
            return
        logger.warning("worker %s: replacing it", why)
        self.replaced += 1
        slot.replace().add_done_callback(_log_failed_start)

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_SECONDS)
            for slot in self._slots:
                if not slot.busy and not slot.starting() and not slot.alive():
                    self._replace(slot, "found dead")

    def _spawn(self) -> tuple[BaseProcess, Connection]:
        """Start one worker and wait until it is warm (runs in a thread)."""
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=serve_jobs, args=(child, *self._args), name="digest-worker", daemon=True
        )
        process.start()
        child.close()
        try:
            if parent.poll(START_SECONDS) and parent.recv() == "ready":
                return process, parent
        except (EOFError, OSError):
            pass
        _stop(process, parent)
        raise RuntimeError(f"a worker process did not start (exit code {process.exitcode})")


def _log_failed_start(started: asyncio.Future[None]) -> None:
    if not started.cancelled() and started.exception() is not None:
        logger.error("starting a worker failed: %s", started.exception())


async def _readable(conn: Connection) -> None:
    """Wait until `conn` has data (a result) or is closed (the worker died)."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await ready
    finally:
        loop.remove_reader(conn.fileno())


def _stop(process: BaseProcess | None, conn: Connection | None) -> None:
    if conn is not None:
        conn.close()
    if process is not None:
        process.kill()
        process.join()


def _stop_helpers(slots: list[_Slot]) -> None:
    """Reap the workers, then end the forkserver and the resource tracker with them."""
    for slot in slots:
        _stop(slot.process, slot.conn)
    forkserver: Any = multiprocessing.forkserver._forkserver  # type: ignore[attr-defined]
    tracker: Any = resource_tracker._resource_tracker
    for helper, pid in ((forkserver, forkserver._forkserver_pid), (tracker, tracker._pid)):
        # Each `_stop()` closes the helper's pipe and then waits for it to exit, which
        # it does only once every copy of that pipe is closed: a process forked
        # meanwhile that still holds one made the wait hang (seen in CI, >6 min).
        # Killed first, the helper is reaped at once.
        with contextlib.suppress(Exception):
            if pid is not None:
                os.kill(pid, signal.SIGKILL)
            helper._stop()
