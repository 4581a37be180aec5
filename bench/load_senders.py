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
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from tests.bots.slack.conftest import FORM, sign

__all__ = ["main", "send_all", "server_seconds"]


def server_seconds(response: httpx.Response) -> float:
    """The server's own handling time from `Server-Timing: ack;dur=MS` (NaN if absent)."""
    for part in response.headers.get("Server-Timing", "").split(";"):
        if part.strip().startswith("dur="):
            return float(part.strip()[4:]) / 1000
    return float("nan")


async def send_all(
    targets: list[str], bodies: list[str], senders: int
) -> tuple[list[float], list[float]]:
    """Every body, from `senders` senders on a connection each; ack and handling seconds.

    The clients are made before the first request is sent: making one loads a TLS
    context (~30 ms), and made inside each sender, 500 of them kept the event loop
    from reading the first answers for ~15 s — every sender's first ack measured the
    harness (one slow ack per sender).
    """
    acks: list[float] = []
    handling: list[float] = []
    numbers = iter(range(len(bodies)))
    limits = httpx.Limits(max_connections=1)
    clients = [httpx.AsyncClient(timeout=30, limits=limits) for _ in range(senders)]

    async def sender(http: httpx.AsyncClient) -> None:
        for n in numbers:
            body = bodies[n]
            headers = {"Content-Type": FORM, **sign(body)}
            target = targets[n % len(targets)]
            started = time.perf_counter()
            try:
                response = await http.post(target, content=body.encode(), headers=headers)
            except httpx.TransportError:  # never acknowledged: Slack would call it a failure
                acks.append(float("inf"))
                handling.append(float("nan"))
                continue
            acks.append(time.perf_counter() - started)
            handling.append(server_seconds(response))

    try:
        await asyncio.gather(*(sender(http) for http in clients))
    finally:
        await asyncio.gather(*(http.aclose() for http in clients))
    return acks, handling


def main(argv: list[str] | None = None) -> int:
    spec: dict[str, Any] = json.loads(Path((argv or sys.argv[1:])[0]).read_text())
    acks, handling = asyncio.run(send_all(spec["targets"], spec["bodies"], spec["senders"]))
    print(json.dumps({"acks": acks, "handling": handling}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
