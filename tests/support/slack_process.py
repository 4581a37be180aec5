"""The real Slack app in HTTP mode as separate processes, as replicas run in production.

`slack_replicas(count, env, tmp_path)` starts `digestbot slack --http` `count`
times on free loopback ports (each with a health server on a port of its own:
`health_url`) with `env` on top of this process's environment,
waits until each answers `/healthz`, and on exit stops them with SIGTERM (the
graceful path: each drains its running digests first). Each replica logs to
its own file; `SlackProcess.log_tail()` shows it when something went wrong.
Used by the two-replica test and by `bench/load.py`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.bots.slack.conftest import sign

START_TIMEOUT = 60.0
STOP_TIMEOUT = 60.0
_LAUNCH = "from bots.cli import main; main()"


def free_port() -> int:
    """A port nothing listens on right now (the OS's pick)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SlackProcess:
    """One running replica: its port, process and log file."""

    port: int
    process: subprocess.Popen[bytes]
    log: Path
    health_port: int

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def health_url(self, path: str) -> str:
        """/healthz, /readyz or /metrics on the replica's health server."""
        return f"http://127.0.0.1:{self.health_port}{path}"

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def peak_rss_mb(self) -> float:
        """The process's peak resident set size so far (Linux `VmHWM`)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    async def post(
        self,
        http: httpx.AsyncClient,
        body: str,
        content_type: str,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """POST `body` to `/slack/events`, signed as Slack would sign it."""
        signed = {"Content-Type": content_type, **sign(body), **(headers or {})}
        return await http.post(self.url("/slack/events"), content=body.encode(), headers=signed)

    async def wait_healthy(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(timeout=2) as http:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"replica exited at start:\n{self.log_tail()}")
                try:
                    if (await http.get(self.url("/healthz"))).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
        raise TimeoutError(f"replica not healthy after {timeout} s:\n{self.log_tail()}")

    async def terminate(self, timeout: float = STOP_TIMEOUT) -> int:
        """SIGTERM, then wait for the exit status (killed if it overstays `timeout`)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.to_thread(self.process.wait, timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            await asyncio.to_thread(self.process.wait)
            raise


def launch(env: Mapping[str, str], log: Path) -> SlackProcess:
    """Start one replica (not yet healthy); stderr and stdout go to `log`."""
    port, health_port = free_port(), free_port()
    command = [sys.executable, "-c", _LAUNCH, "slack", "--http", "--port", str(port)]
    env = {**os.environ, **env, "DIGESTBOT_HEALTH_PORT": str(health_port)}
    with log.open("wb") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
    return SlackProcess(port, process, log, health_port)


@asynccontextmanager
async def slack_replicas(
    count: int, env: Mapping[str, str], tmp_path: Path
) -> AsyncIterator[list[SlackProcess]]:
    """`count` healthy replicas sharing `env`; stopped gracefully on exit."""
    async with AsyncExitStack() as stack:
        replicas = []
        for index in range(count):
            replica = launch(env, tmp_path / f"replica-{index}.log")
            stack.push_async_callback(_stop_quietly, replica)
            replicas.append(replica)
        await asyncio.gather(*(replica.wait_healthy() for replica in replicas))
        yield replicas


async def _stop_quietly(replica: SlackProcess) -> None:
    if replica.process.poll() is None:
        await replica.terminate()
