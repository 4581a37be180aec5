"""Jobs that misbehave on purpose, importable by worker processes (they unpickle by name)."""

from __future__ import annotations

import time

from summarizer.models import Digest


def sleep_for(seconds: float) -> Digest:
    """Hold the worker far longer than any budget."""
    time.sleep(seconds)
    raise AssertionError("a job over its budget was not stopped")


def allocate(megabytes: int) -> Digest:
    """Ask for more memory than the worker may have."""
    hog = bytearray(megabytes * 1024 * 1024)
    raise AssertionError(f"{len(hog)} bytes allocated past the memory limit")


def fail_with_os_error(path: str) -> Digest:
    """A job whose own failure is an OSError (not a broken pipe to the worker)."""
    with open(path, encoding="utf-8") as missing:
        raise AssertionError(f"{missing.name} exists")
