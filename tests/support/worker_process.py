"""`digestbot worker` as a real process, for the durable-queue tests.

The worker serves /healthz on `DIGESTBOT_HEALTH_PORT`, so the same
`SlackProcess` handle (port, process, log) waits for it and stops it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.support.slack_process import SlackProcess, free_port

_LAUNCH = "from bots.cli import main; main()"


def launch_worker(env: Mapping[str, str], log: Path, *options: str) -> SlackProcess:
    """Start one `digestbot worker [options]` (not yet healthy); its output goes to `log`."""
    port = free_port()
    command = [sys.executable, "-c", _LAUNCH, "worker", *options]
    full_env = {**os.environ, **env, "DIGESTBOT_HEALTH_PORT": str(port)}
    with log.open("ab") as sink:
        process = subprocess.Popen(command, env=full_env, stdout=sink, stderr=subprocess.STDOUT)
    return SlackProcess(port, process, log, health_port=port)  # the worker serves only health
