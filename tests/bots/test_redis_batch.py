"""`CommandBatch`: commands of one loop turn share a pipeline; each caller gets its own answer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError

from bots.storage.redis_batch import CommandBatch
from tests.support.store_servers import empty_redis_database


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    async with empty_redis_database(9) as url:
        client = Redis.from_url(url)
        try:
            yield client
        finally:
            await client.aclose()


class CountingRedis:
    """A Redis that counts the pipelines it hands out."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self.pipelines = 0

    def pipeline(self, transaction: bool = True):  # type: ignore[no-untyped-def]
        self.pipelines += 1
        return self.redis.pipeline(transaction=transaction)


async def test_concurrent_commands_go_out_as_one_pipeline_with_their_own_answers(
    redis: Redis,
) -> None:
    counting = CountingRedis(redis)
    batch = CommandBatch(counting)  # type: ignore[arg-type]

    async def claim(key: str) -> bool:
        return bool(await batch.run(lambda pipe: pipe.set(key, b"1", nx=True, px=60_000)))

    first = await asyncio.gather(*(claim(f"k{n % 10}") for n in range(20)))
    assert sum(first) == 10  # each key won once, in order of asking
    assert first[:10] == [True] * 10 and first[10:] == [False] * 10
    assert counting.pipelines == 1
    assert await batch.run(lambda pipe: pipe.get("k3")) == b"1"
    assert counting.pipelines == 2  # a lone command is a batch of one


async def test_one_commands_error_stays_with_its_caller(redis: Redis) -> None:
    batch = CommandBatch(redis)
    await redis.set("text", b"x")
    good = batch.run(lambda pipe: pipe.set("fine", b"1"))
    bad = batch.run(lambda pipe: pipe.xadd("text", {"a": "b"}))  # wrong type
    results = await asyncio.gather(good, bad, return_exceptions=True)
    assert results[0] is True
    assert isinstance(results[1], ResponseError)


async def test_a_redis_that_is_away_fails_every_caller_of_the_batch() -> None:
    from tests.support.slack_process import free_port

    away = Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1)
    batch = CommandBatch(away)
    try:
        results = await asyncio.gather(
            *(batch.run(lambda pipe: pipe.get("k")) for _ in range(3)), return_exceptions=True
        )
    finally:
        await away.aclose()
    assert all(isinstance(r, RedisConnectionError) for r in results)


async def test_a_caller_that_stops_waiting_leaves_the_others_their_answers(redis: Redis) -> None:
    batch = CommandBatch(redis)
    waiting = asyncio.ensure_future(batch.run(lambda pipe: pipe.set("a", b"1")))
    other = asyncio.ensure_future(batch.run(lambda pipe: pipe.set("b", b"1")))
    await asyncio.sleep(0)
    waiting.cancel()
    assert await other is True
    assert await redis.get("b") == b"1"
