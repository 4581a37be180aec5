"""Imported once by the forkserver, before it forks any worker.

Loading the summarizer and the Chinese word tables there, instead of in each
worker, makes a worker's start (the first, or a replacement after a kill) a
fork: measured 0.04–0.09 s to a warm worker on a loaded 2-core machine, where
a worker that imported and warmed itself took 3.7–4.5 s (jieba) and the first
start still takes a few seconds (building the word-frequency cache). The
pages stay shared between workers until written (copy-on-write), and
`gc.freeze()` keeps the collector from writing to them. A failure here only
costs that speed: each worker still warms itself.
"""

from __future__ import annotations

import gc
import logging

# These imports are the point: what workers run (`bots.workers` imports them where they run).
import summarizer.fetching.reading
import summarizer.pipeline  # noqa: F401
from bots.config import Settings
from summarizer.text.tokens import warm_up

try:
    warm_up(Settings().data_dir)
except Exception:  # the worker warms itself and reports what is wrong
    logging.getLogger(__name__).debug("forkserver warm-up failed", exc_info=True)
gc.freeze()
