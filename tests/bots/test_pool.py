"""The supervised worker pool, with real worker processes: budgets, deaths, replacements."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bots.config import Settings
from bots.phrasebook import failure_line
from bots.pool import ProcessPool
from bots.results import Failure
from bots.service import DigestService
from bots.workers import digest_source
from summarizer.errors import Restarting, TooComplex, WorkLost
from tests.support.worker_jobs import allocate, fail_with_os_error, sleep_for

TEXT = "".join(
    f"Acme Corp said on Monday it raised $2.1 billion from {n} investors, "
    f"its chief executive Jane Roe told reporters in the company's {n}th briefing. "
    for n in range(5, 12)
)
PATIENCE = 120.0
"""Generous: how long a replacement may take on a loaded 2-core machine before we give up."""


@pytest.fixture
async def pool(tmp_path: Path) -> AsyncIterator[ProcessPool]:
    pool = ProcessPool(size=1, cache_dir=tmp_path, job_seconds=30, memory_bytes=768 << 20)
    await pool.start()
    yield pool
    await pool.close()


async def until_ready(pool: ProcessPool) -> None:
    async with asyncio.timeout(PATIENCE):
        while not pool.ready():
            await asyncio.sleep(0.05)


def kill_and_watch_readiness(pool: ProcessPool, pid: int) -> bool:
    """SIGKILL a worker; whether readiness then turned False.

    The wait blocks the event loop on purpose, so the pool cannot replace the
    worker before readiness has been seen to drop.
    """
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + PATIENCE
    while pool.ready() and time.monotonic() < deadline:
        time.sleep(0.01)
    return not pool.ready()


async def test_a_killed_worker_is_replaced_and_readiness_dips_meanwhile(pool) -> None:
    assert pool.ready()
    victim = pool.pids()[0]
    assert kill_and_watch_readiness(pool, victim)
    await until_ready(pool)
    assert victim not in pool.pids() and pool.replaced == 1
    for _ in range(2):  # the new worker answers, more than once
        assert (await pool.run(digest_source, TEXT)).tldr


async def test_a_job_over_its_time_budget_is_stopped_and_the_pool_heals(tmp_path) -> None:
    pool = ProcessPool(size=1, cache_dir=tmp_path, job_seconds=1.0, memory_bytes=0)
    await pool.start()
    try:
        with pytest.raises(TooComplex) as raised:
            await pool.run(sleep_for, 3600)
        assert raised.value.user_message() == "That page is too complex to read. (over 1 s)"
        pool._seconds = 60  # the healed worker gets a normal budget for a normal digest
        assert (await pool.run(digest_source, TEXT)).tldr
        assert pool.replaced == 1 and pool.ready()
    finally:
        await pool.close()


async def test_a_job_over_its_memory_budget_is_refused_and_the_pool_heals(pool) -> None:
    with pytest.raises(TooComplex, match="memory"):
        await pool.run(allocate, 2048)
    assert (await pool.run(digest_source, TEXT)).tldr
    await until_ready(pool)
    assert pool.replaced == 1


async def test_a_jobs_own_error_comes_back_typed_and_the_worker_stays(pool) -> None:
    worker = pool.pids()
    with pytest.raises(FileNotFoundError):
        await pool.run(fail_with_os_error, "/nonexistent/page.html")
    assert pool.pids() == worker and pool.replaced == 0 and pool.ready()


async def test_the_job_in_a_worker_that_dies_gets_an_answer(pool) -> None:
    running = asyncio.create_task(pool.run(sleep_for, 3600))
    await asyncio.sleep(0.5)  # let it reach a worker
    for pid in pool.pids():
        os.kill(pid, signal.SIGKILL)
    with pytest.raises(WorkLost):
        await running
    await until_ready(pool)
    assert (await pool.run(digest_source, TEXT)).tldr


async def test_closing_answers_running_jobs_and_ends_the_helpers(pool) -> None:
    running = asyncio.create_task(pool.run(sleep_for, 3600))
    await asyncio.sleep(0.5)
    pids = pool.pids()
    await pool.close()
    with pytest.raises(Restarting):
        await running
    with pytest.raises(Restarting):
        await pool.run(digest_source, TEXT)
    assert not any(os.path.exists(f"/proc/{pid}") for pid in pids)


async def test_the_service_answers_a_job_over_budget_with_one_polite_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DIGESTBOT_WORKER_MODE", "process")
    monkeypatch.setenv("DIGESTBOT_WORKERS", "1")
    monkeypatch.setenv("DIGESTBOT_JOB_SECONDS", "0.001")  # no digest fits in a millisecond
    service = DigestService(Settings())
    await service.start()
    try:
        assert service.pool_ready()
        outcome = await service.digest_text(TEXT)
    finally:
        await service.close()
    assert isinstance(outcome, Failure)
    assert failure_line(outcome.error, "en") == "That page is too complex to read. (over 0.001 s)"
    assert failure_line(outcome.error, "zh") == "这个页面太复杂，无法读取。（over 0.001 s）"
    assert not service.pool_ready()
