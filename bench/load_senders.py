"""`bench load`'s simulated Slack senders, in a process of their own.

`python -m bench.load_senders SPEC.json` reads the replicas' URLs, the number
of senders and every request body (already filled in by `bench/load.py`),
sends them signed as Slack signs them — each sender on its own connection,
one request after another, replicas in turn — and prints one JSON object:
each request's ack time as this process saw it (infinite when the connection
failed and no answer came) and the server's own handling time from its
`Server-Timing` header.

Why a process: when the senders shared an event loop with the fake Slack
(which takes every digest the bot posts) and the article server, a busy loop
there delayed the senders' clocks, and the bench measured the harness again
(client-side p99 2.4–3.0 s where the servers' own handling was ≤ 0.52 s, on a
loaded machine).

Why aiohttp's client: with httpx the senders used 37 s of CPU in a 5,000-request
run (7 ms per request, more than the front's 10 s: each call re-checked which
async library runs it, and 500 clients built 500 TLS contexts), on the two cores
the bot under test also runs on. aiohttp's client takes 0.39 ms per request
(measured against a bare aiohttp server, 5,000 requests from 500 senders), a raw
socket writer 0.07 ms; aiohttp is already installed with Bolt, and speaks HTTP
properly.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import aiohttp

from tests.bots.slack.conftest import FORM, sign

__all__ = ["main", "send_all", "server_seconds"]


def server_seconds(headers: Mapping[str, str]) -> float:
    """The server's own handling time from `Server-Timing: ack;dur=MS` (NaN if absent)."""
    for part in headers.get("Server-Timing", "").split(";"):
        if part.strip().startswith("dur="):
            return float(part.strip()[4:]) / 1000
    return float("nan")


async def send_all(
    targets: list[str], bodies: list[str], senders: int
) -> tuple[list[float], list[float]]:
    """Every body, from `senders` senders on a connection each; ack and handling seconds.

    A failed connection counts as an ack that never came (infinite), as Slack
    would count it a failure.
    """
    acks: list[float] = []
    handling: list[float] = []
    numbers = iter(range(len(bodies)))
    timeout = aiohttp.ClientTimeout(total=30)
    sessions = [
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1), timeout=timeout)
        for _ in range(senders)
    ]

    async def sender(http: aiohttp.ClientSession) -> None:
        for n in numbers:
            body = bodies[n]
            headers = {"Content-Type": FORM, **sign(body)}
            target = targets[n % len(targets)]
            started = time.perf_counter()
            try:
                async with http.post(target, data=body.encode(), headers=headers) as response:
                    await response.read()
            except (aiohttp.ClientError, TimeoutError):  # never acknowledged: a failure to Slack
                acks.append(float("inf"))
                handling.append(float("nan"))
                continue
            acks.append(time.perf_counter() - started)
            handling.append(server_seconds(response.headers))

    try:
        await asyncio.gather(*(sender(http) for http in sessions))
    finally:
        await asyncio.gather(*(http.close() for http in sessions))
    return acks, handling


def main(argv: list[str] | None = None) -> int:
    spec: dict[str, Any] = json.loads(Path((argv or sys.argv[1:])[0]).read_text())
    acks, handling = asyncio.run(send_all(spec["targets"], spec["bodies"], spec["senders"]))
    print(json.dumps({"acks": acks, "handling": handling}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
