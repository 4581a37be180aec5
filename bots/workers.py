"""What runs inside a worker process: the jobs, and the loop that serves them.

Extraction and summarising are pure-Python CPU work (trafilatura, jieba). In
threads they would hold the interpreter lock the event loop needs for acks
and heartbeats — the load benchmark measured multi-second acks that way — so
they run in worker processes (`bots.pool` starts and supervises them). Each
worker runs niced, so on a busy host the process answering Slack and Discord
gets the CPU first, under an address-space limit (`RLIMIT_AS`), so a page
that would eat the host's memory fails in its own worker with `MemoryError`
instead of waking the kernel's OOM killer.

The worker talks to its pool over one pipe: it sends "ready" once warm, then
for each `(job, argument)` it receives it answers `("ok", digest)`,
`("error", exception)` or `("memory", None)`; after a `MemoryError` it exits,
since a process that ran out of memory is not trusted with the next job.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import resource
import signal
from multiprocessing.connection import Connection
from pathlib import Path

from summarizer.fetching.page import Page
from summarizer.models import Article, Digest

__all__ = ["WORKER_NICENESS", "digest_page", "digest_source", "serve_jobs"]

logger = logging.getLogger(__name__)

WORKER_NICENESS = 10
"""Workers run at a lower priority: when CPU is short, acks and heartbeats win."""
OOM_SCORE_ADJ = 500


def digest_page(page: Page) -> Digest:
    """A fetched page → its digest (extraction and summary), in a worker."""
    from summarizer.fetching.reading import page_article  # see _summarize

    return _summarize(page_article(page))


def digest_source(source: str | Article) -> Digest:
    """Pasted text, Markdown, HTML or an article → its digest, in a worker."""
    return _summarize(source)


def _summarize(source: str | Article) -> Digest:
    """The core's `summarize`, imported where it runs.

    The bot's main process imports this module to name these jobs to its pool, and
    never runs them: imported at the top, the extractor, trafilatura, pypdf, the
    ranking and jieba's dictionary made that process 60 MB larger (README, Load).
    Workers have them already: the forkserver preloads them (`bots.worker_preload`).
    """
    from summarizer.pipeline import summarize

    return summarize(source)


def serve_jobs(conn: Connection, cache_dir: Path, memory_bytes: int) -> None:
    """A worker process's life: get ready, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.nice(WORKER_NICENESS)
    _first_to_go()
    from summarizer.text.tokens import warm_up  # see _summarize

    warm_up(cache_dir)
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    conn.send("ready")
    while True:
        try:
            job, argument = conn.recv()
        except (EOFError, OSError):
            return
        status, value = _run(job, argument)
        _reply(conn, status, value)
        if status == "memory":
            return


def _first_to_go() -> None:
    """If the container still runs out of memory, the kernel kills a worker, not the bot.

    A worker lost that way is replaced and its requester told (`bots.pool`);
    raising one's own `oom_score_adj` needs no privilege.
    """
    with contextlib.suppress(OSError):
        Path("/proc/self/oom_score_adj").write_text(str(OOM_SCORE_ADJ))


def _run(job: object, argument: object) -> tuple[str, object]:
    try:
        return "ok", job(argument)  # type: ignore[operator]
    except MemoryError:
        return "memory", None
    except Exception as exc:  # every failure goes back to the caller, typed
        return "error", exc


def _reply(conn: Connection, status: str, value: object) -> None:
    """Send the answer; an exception that cannot be pickled goes back as its text."""
    try:
        payload = pickle.dumps((status, value))
    except Exception as exc:
        logger.exception("worker result not picklable")
        payload = pickle.dumps(("error", RuntimeError(f"{type(value).__name__}: {exc}")))
    conn.send_bytes(payload)
