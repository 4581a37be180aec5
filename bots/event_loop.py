"""The event loop of every long-running bot process: uvloop's, where it is installed.

uvloop (a maintained drop-in asyncio loop on libuv) cut the Slack front's CPU per
acknowledged command by 15 % in `bench load` (1.47 and 1.55 ms against 1.76 and
1.83 ms with asyncio's own loop, 1,000 commands from 100 senders, runs
interleaved on the same host): less CPU per ack is more acks before Slack's 3 s.
The servers (Slack HTTP and Socket Mode, Discord, `digestbot worker`) run on it;
the console, the one-shot commands and the tests keep asyncio's loop. On a
platform uvloop does not support (Windows) asyncio's loop is used.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

__all__ = ["new_event_loop", "run"]

_T = TypeVar("_T")


def new_event_loop() -> asyncio.AbstractEventLoop:
    """uvloop's loop when uvloop is installed, else asyncio's."""
    try:
        import uvloop
    except ImportError:  # no wheel for this platform (pyproject.toml's marker)
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def run(main: Coroutine[Any, Any, _T]) -> _T:
    """`asyncio.run(main)` on `new_event_loop()`."""
    with asyncio.Runner(loop_factory=new_event_loop) as runner:
        return runner.run(main)
