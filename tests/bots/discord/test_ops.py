"""The Discord process's operations endpoints and its bounded drain, against the fake Discord.

/healthz, /readyz and /metrics are real HTTP on `DIGESTBOT_HEALTH_PORT`;
readiness follows the gateway (before READY, once READY, after Discord goes
away), and stopping the bot lets a digest in flight be posted, within
`DIGESTBOT_SHUTDOWN_SECONDS`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bots.config import Settings
from bots.discordbot.client import DigestClient
from bots.health import HEALTH_PATH, METRICS_PATH, READY_PATH
from tests.bots.discord.conftest import Running, article_html, slash
from tests.bots.discord.fake_discord import FakeDiscord
from tests.bots.discord.test_messages import paste, switch_auto

WAIT_SECONDS = 15.0


@pytest.fixture
async def http(discord_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    base = f"http://127.0.0.1:{discord_settings.health_port}"
    async with httpx.AsyncClient(base_url=base, timeout=5.0) as client:
        yield client


async def until_status(http: httpx.AsyncClient, path: str, status: int) -> httpx.Response:
    """Poll `path` until it answers `status`; the gateway changes state on its own schedule."""
    async with asyncio.timeout(WAIT_SECONDS):
        while (response := await http.get(path)).status_code != status:
            await asyncio.sleep(0.05)
    return response


async def test_a_client_that_has_not_connected_is_alive_but_not_ready(
    discord_settings: Settings,
) -> None:
    client = DigestClient(discord_settings)
    await client.service.start()
    try:
        async with TestClient(TestServer(client.ops_app())) as http:
            assert (await http.get(HEALTH_PATH)).status == 200
            ready = await http.get(READY_PATH)
            assert ready.status == 503
            expected = {
                "ok": False, "store": True, "workers": True, "discord": False, "claims": "database"
            }  # fmt: skip
            assert await ready.json() == expected
    finally:
        await client.service.close()  # the client never connected, so there is nothing else


async def test_ready_once_connected_and_not_ready_after_discord_goes_away(
    bot: Running, fake_discord: FakeDiscord, http: httpx.AsyncClient
) -> None:
    assert (await http.get(HEALTH_PATH)).json() == {"ok": True}
    ready = await until_status(http, READY_PATH, 200)
    assert ready.json() == {
        "ok": True, "store": True, "workers": True, "discord": True, "claims": "database"
    }  # fmt: skip

    await fake_discord.stop()
    gone = await until_status(http, READY_PATH, 503)
    assert gone.json()["discord"] is False
    assert (await http.get(HEALTH_PATH)).status_code == 200


async def test_metrics_count_a_digest_made_for_a_slash_command(
    bot: Running, fake_discord: FakeDiscord, http: httpx.AsyncClient, article_server: Any
) -> None:
    url = article_server.add("/counted", article_html("Counted once"))
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))
    await fake_discord.wait_sent(1, "followup")

    metrics = await http.get(METRICS_PATH)
    assert metrics.headers["content-type"].startswith("text/plain")
    assert 'digestbot_digests_total{outcome="ok",platform="discord"} 1.0' in metrics.text


async def test_stopping_lets_a_digest_in_flight_be_posted(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/slow", article_html("Worth the wait"), delay=1.0)
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))
    await fake_discord.wait_sent(1, "callback")

    await bot.stop()
    [followup] = fake_discord.of_kind("followup")
    assert followup.payload["embeds"][0]["title"] == "Worth the wait"


async def test_the_drain_is_bounded_by_the_shutdown_setting(
    monkeypatch: pytest.MonkeyPatch,
    fake_discord: FakeDiscord,
    discord_settings: Settings,
    article_server: Any,
) -> None:
    monkeypatch.setenv("DIGESTBOT_SHUTDOWN_SECONDS", "0.2")
    running = Running(Settings())
    await running.ready(fake_discord)
    url = article_server.add("/stuck", article_html("Never posted"), delay=30.0)
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))
    await fake_discord.wait_sent(1, "callback")

    async with asyncio.timeout(WAIT_SECONDS):
        await running.stop()
    [told] = fake_discord.of_kind("followup")  # the cancelled digest says why, privately
    assert told.payload["content"] == "I'm restarting; please ask again in a minute."
    assert told.payload["flags"] & 64  # ephemeral


async def test_a_gateway_payload_discord_py_cannot_parse_is_logged_and_survived(
    bot: Running,
    fake_discord: FakeDiscord,
    http: httpx.AsyncClient,
    article_server: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await fake_discord.dispatch("MESSAGE_CREATE", {"id": "not a snowflake", "channel_id": None})
    url = article_server.add("/after", article_html("Still answering"))
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))

    [followup] = await fake_discord.wait_sent(1, "followup")
    assert followup.payload["embeds"][0]["title"] == "Still answering"
    assert "skipped a MESSAGE_CREATE gateway event" in caplog.text
    assert (await until_status(http, READY_PATH, 200)).json()["discord"] is True


async def test_failed_discord_api_calls_are_counted(
    bot: Running, fake_discord: FakeDiscord, http: httpx.AsyncClient, article_server: Any
) -> None:
    await switch_auto(fake_discord, "on")
    url = article_server.add("/refused", article_html("Never delivered"))
    fake_discord.fail_next("/channels/", status=403)  # the reply to the pasted link
    await paste(fake_discord, url)

    counted = 'digestbot_api_errors_total{kind="http_403",platform="discord"} 1.0'
    async with asyncio.timeout(WAIT_SECONDS):
        while counted not in (await http.get(METRICS_PATH)).text:
            await asyncio.sleep(0.05)
