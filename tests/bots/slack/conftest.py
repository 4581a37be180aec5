"""The real Slack bot served over HTTP on 127.0.0.1, a fake Slack, and signed requests.

`slack` is the running bot: `slack.command(...)`, `slack.event(...)` and
`slack.shortcut(...)` send correctly signed requests built from the recorded
payloads in `payloads/`; `slack.settle()` waits until every job the bot
started has posted its answer, so tests can assert "exactly once".
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import shutil
import time
from collections.abc import AsyncIterator
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from aiohttp import web

from bots.config import Settings
from bots.service import DigestService
from bots.slackbot import SlackBot, build_bot
from bots.slackbot.server import EVENTS_PATH, web_app
from bots.storage import open_store
from bots.storage.database import DEFAULT_SQLITE_NAME
from tests.bots.slack.fake_slack import FakeSlack

PAYLOADS = Path(__file__).parent / "payloads"
BOT_TOKEN = "xoxb-test-bot-token-4242"
APP_TOKEN = "xapp-test-app-token-4242"
SIGNING_SECRET = "test-signing-secret-8e0f"
CHANNEL = "C0GENERAL"
USER = "U0STEVE"
FORM = "application/x-www-form-urlencoded"


def payload(name: str, **values: Any) -> dict[str, Any]:
    """A recorded payload with its `$name` placeholders filled; a None value drops the key."""
    return _fill(json.loads((PAYLOADS / f"{name}.json").read_text()), values)


def _fill(node: Any, values: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        filled = {k: _fill(v, values) for k, v in node.items()}
        return {k: v for k, v in filled.items() if v is not None}
    if isinstance(node, list):
        return [_fill(item, values) for item in node]
    if isinstance(node, str) and "$" in node:
        for name, value in values.items():
            if node == f"${name}":
                return value
            node = node.replace(f"${name}", str(value))
    return node


def sign(
    body: str, *, timestamp: int | None = None, secret: str = SIGNING_SECRET
) -> dict[str, str]:
    """Slack's request-signing headers: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest.hexdigest()}"}


class SlackDriver:
    """Sends Slack's requests to the running bot, signed as Slack would."""

    def __init__(self, bot: SlackBot, url: str, fake: FakeSlack) -> None:
        self.bot = bot
        self.url = url
        self.fake = fake
        self.http = httpx.AsyncClient(timeout=10)
        self._ids = count(1)

    async def send(
        self, body: str, content_type: str, *, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        signed = {"Content-Type": content_type, **sign(body), **(headers or {})}
        return await self.http.post(self.url, content=body.encode(), headers=signed)

    def interaction(self, kind: str, text: str, *, channel: str, name: str) -> dict[str, Any]:
        """A command or shortcut payload whose response_url is the fake's `/respond/{name}`."""
        reply_to = self.fake.response_url(name)
        return payload(kind, text=text, channel=channel, user=USER, response_url=reply_to)

    async def command(
        self, text: str, *, channel: str = CHANNEL, name: str = "cmd"
    ) -> httpx.Response:
        form = self.interaction("slash_command", text, channel=channel, name=name)
        return await self.send(urlencode(form), FORM)

    async def event(self, body: dict[str, Any], *, retry: int | None = None) -> httpx.Response:
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return await self.send(
            json.dumps(body), "application/json", headers=headers if retry else None
        )

    async def shortcut(self, text: str, *, name: str = "shortcut") -> httpx.Response:
        body = self.interaction("message_shortcut", text, channel=CHANNEL, name=name)
        return await self.send(urlencode({"payload": json.dumps(body)}), FORM)

    def event_id(self) -> str:
        return f"Ev{next(self._ids):08d}"

    async def settle(self) -> None:
        """Wait until every job the bot started has finished posting."""
        await self.bot.jobs.drain()


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
def slack_settings(monkeypatch: pytest.MonkeyPatch, fake_slack: FakeSlack) -> Settings:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_API_URL", fake_slack.api_url)
    monkeypatch.setenv("DIGESTBOT_FETCH_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("DIGESTBOT_RATE_PER_USER", "")  # one test user sends 50 commands at once
    return Settings()


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store migrated once per session; each test starts from a copy (saves ~0.2 s)."""
    data_dir = tmp_path_factory.mktemp("slack-store")

    async def migrate() -> None:
        store = await open_store(Settings(DIGESTBOT_DATA_DIR=data_dir))
        await store.close()

    asyncio.run(migrate())
    return data_dir / DEFAULT_SQLITE_NAME


@pytest.fixture
async def service(slack_settings: Settings, migrated_db: Path) -> AsyncIterator[DigestService]:
    shutil.copy(migrated_db, slack_settings.data_dir / DEFAULT_SQLITE_NAME)
    service = DigestService(slack_settings, platform="slack")
    await service.start()
    yield service
    await service.close()


@pytest.fixture
async def slack(
    slack_settings: Settings, service: DigestService, fake_slack: FakeSlack
) -> AsyncIterator[SlackDriver]:
    bot = build_bot(slack_settings, service)
    runner = web.AppRunner(web_app(bot))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    driver = SlackDriver(bot, f"http://127.0.0.1:{port}{EVENTS_PATH}", fake_slack)
    yield driver
    await driver.http.aclose()
    await runner.cleanup()
