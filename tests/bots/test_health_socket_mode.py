"""A Socket Mode process — the manifest's default — serves /healthz, /readyz and /metrics too.

A real `digestbot slack` process with an app token connects to the fake
Slack's websocket; its health server answers on `DIGESTBOT_HEALTH_PORT`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.bots.slack.conftest import APP_TOKEN, BOT_TOKEN, fake_slack
from tests.bots.slack.fake_slack import FakeSlack
from tests.support.slack_process import free_port

__all__ = ["fake_slack"]

_LAUNCH = "from bots.cli import main; main()"


async def until_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> httpx.Response:
    deadline = time.monotonic() + 60
    async with httpx.AsyncClient(timeout=2) as http:
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                response = await http.get(url)
                if response.status_code == 200:
                    return response
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise TimeoutError(log.read_text())


async def test_socket_mode_serves_health_readiness_and_metrics(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": fake_slack.api_url,
        "DIGESTBOT_HEALTH_PORT": str(port),
        "DIGESTBOT_DATA_DIR": str(tmp_path),
    }
    log = tmp_path / "socket.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, "slack"], env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    try:
        ready = await until_ready(f"http://127.0.0.1:{port}/readyz", process, log)
        async with httpx.AsyncClient(timeout=5) as http:
            metrics = await http.get(f"http://127.0.0.1:{port}/metrics")
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.to_thread(process.wait, 60)
    assert ready.json() == {
        "ok": True, "store": True, "workers": True, "slack": True, "claims": "database"
    }  # fmt: skip
    assert "process_resident_memory_bytes" in metrics.text
    assert any(call.method == "apps.connections.open" for call in fake_slack.calls)
