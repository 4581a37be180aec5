"""Imported once by the forkserver, before it forks any worker.

Loading the summarizer and jieba's dictionary there, instead of in each
worker, makes a worker's start (the first, or a replacement after a kill) a
fork: measured 3.7–4.5 s per worker on a loaded 2-core machine when each
worker warmed itself, against the figures in the README's workers section
with this preload. The pages stay shared between workers until written
(copy-on-write), and `gc.freeze()` keeps the collector from writing to them.
A failure here only costs that speed: each worker still warms itself.
"""

from __future__ import annotations

import gc
import logging

from bots.config import Settings
from bots.workers import digest_page  # noqa: F401  (the import is the point: it loads the summarizer)
from summarizer.text.tokens import warm_up

try:
    warm_up(Settings().data_dir)
except Exception:  # the worker warms itself and reports what is wrong
    logging.getLogger(__name__).debug("forkserver warm-up failed", exc_info=True)
gc.freeze()
