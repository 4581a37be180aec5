"""Rate limits (memory and real Redis, across two "replicas") and the fetch gate's bounds."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from bots.limits import FetchGate, RateLimits, Refusal, polite_refusal
from tests.support.store_servers import REDIS_VAR, server_url


async def test_a_user_over_the_limit_is_refused_with_when_to_retry() -> None:
    limits = RateLimits(per_user="3/minute", per_channel="")
    answers = [await limits.check("slack", user="U1", channel="C1") for _ in range(4)]
    assert answers[:3] == [None, None, None]
    refusal = answers[3]
    assert refusal is not None and refusal.scope == "user"
    assert 1 <= refusal.retry_after <= 60
    assert await limits.check("slack", user="U2", channel="C1") is None  # others unaffected
    assert await limits.check("discord", user="U1", channel="C1") is None  # per platform


async def test_a_busy_channel_is_refused_whoever_asks() -> None:
    limits = RateLimits(per_user="100/minute", per_channel="2/minute")
    answers = [await limits.check("slack", user=f"U{i}", channel="C1") for i in range(3)]
    assert answers[:2] == [None, None]
    assert answers[2] is not None and answers[2].scope == "channel"


async def test_empty_rates_switch_limits_off() -> None:
    limits = RateLimits(per_user="", per_channel="")
    assert all([await limits.check("slack", user="U", channel="C") is None for _ in range(50)])


@pytest.mark.parametrize(
    ("scope", "lang", "expected"),
    [
        ("user", "en", "try again in 42 s"),
        ("channel", "en", "This channel"),
        ("user", "zh", "请 42 秒后再试"),
        ("channel", "zh", "本频道"),
    ],
)
def test_the_refusal_is_polite_and_in_the_requesters_language(
    scope: str, lang: str, expected: str
) -> None:
    assert expected in polite_refusal(Refusal(scope, 42), lang)


async def test_limits_in_redis_hold_across_replicas() -> None:
    url = server_url(REDIS_VAR)
    user = f"U{uuid.uuid4().hex[:10]}"  # Redis outlives the test
    first, second = (RateLimits(per_user="2/minute", per_channel="", redis_url=url) for _ in "ab")
    assert await first.check("slack", user=user, channel=None) is None
    assert await second.check("slack", user=user, channel=None) is None
    refusal = await first.check("slack", user=user, channel=None)
    assert refusal is not None and refusal.scope == "user"


async def test_unreachable_redis_lets_requests_through() -> None:
    limits = RateLimits(per_user="1/minute", per_channel="", redis_url="redis://127.0.0.1:1/0")
    assert await limits.check("slack", user="U1", channel="C1") is None
    assert await limits.check("slack", user="U1", channel="C1") is None


async def _peak_concurrency(gate: FetchGate, hosts: list[str]) -> tuple[int, dict[str, int]]:
    """Run one "fetch" per entry of `hosts` through `gate`; the peak overall and per host."""
    running: dict[str, int] = {}
    peaks: dict[str, int] = {}
    overall = [0, 0]
    release = asyncio.Event()

    async def fetch(host: str) -> None:
        async with gate.slot(host):
            running[host] = running.get(host, 0) + 1
            overall[0] += 1
            peaks[host] = max(peaks.get(host, 0), running[host])
            overall[1] = max(overall[1], overall[0])
            await release.wait()
            running[host] -= 1
            overall[0] -= 1

    tasks = [asyncio.create_task(fetch(host)) for host in hosts]
    for _ in range(20):  # let every task run as far as the gate allows
        await asyncio.sleep(0)
    release.set()
    await asyncio.gather(*tasks)
    return overall[1], peaks


async def test_the_fetch_gate_bounds_each_host_and_the_whole_process() -> None:
    gate = FetchGate(total=5, per_host=2)
    peak, per_host = await _peak_concurrency(gate, ["a"] * 10 + ["b"] * 10 + ["c"] * 10)
    assert peak == 5
    assert sorted(per_host.values()) == [1, 2, 2]
    assert gate.busy_hosts() == 0  # the per-host table is emptied as hosts go idle


async def test_a_busy_host_does_not_hold_slots_other_hosts_could_use() -> None:
    gate = FetchGate(total=3, per_host=1)
    peak, per_host = await _peak_concurrency(gate, ["slow"] * 10 + ["x", "y"])
    assert per_host == {"slow": 1, "x": 1, "y": 1}
    assert peak == 3
