"""The worker pool where extraction and summarising run, off the event loop.

Both are pure-Python CPU work (trafilatura, jieba). In threads they would
hold the interpreter lock the event loop needs for acks and heartbeats — the
load benchmark measured multi-second acks that way — so by default they run
in worker processes, each warmed once (jieba's dictionary) when it starts.
`DIGESTBOT_WORKER_MODE=thread` keeps them in-process (tests, tiny hosts).
Workers are started by a forkserver, never forked from a process that holds
an event loop and open sockets, and run niced, so on a busy host the process
answering Slack and Discord gets the CPU first.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

from summarizer import summarize
from summarizer.fetching.fetch import Page, page_article
from summarizer.models import Article, Digest
from summarizer.text.tokens import warm_up

__all__ = ["WORKER_NICENESS", "digest_page", "digest_source", "make_pool"]

WORKER_NICENESS = 10
"""Workers run at a lower priority: when CPU is short, acks and heartbeats win."""


def make_pool(mode: str, workers: int, cache_dir: Path) -> Executor:
    """A bounded pool of `workers`, processes or threads, each with jieba warm."""
    if mode == "thread":
        warm_up(cache_dir)
        return ThreadPoolExecutor(max_workers=workers, thread_name_prefix="digest")
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("forkserver"),
        initializer=_start_worker,
        initargs=(cache_dir,),
    )


def _start_worker(cache_dir: Path) -> None:
    """Yield the CPU to the event-loop process first, then load jieba's dictionary."""
    os.nice(WORKER_NICENESS)
    warm_up(cache_dir)


def digest_page(page: Page) -> Digest:
    """A fetched page → its digest (extraction and summary), in a worker."""
    return summarize(page_article(page))


def digest_source(source: str | Article) -> Digest:
    """Pasted text, Markdown, HTML or an article → its digest, in a worker."""
    return summarize(source)
