"""The HTTP front handles `ADMITTED` Slack requests at once; the others wait their turn."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from urllib.parse import urlencode

import httpx
import pytest
from aiohttp import web

from bots.config import Settings
from bots.service import DigestService
from bots.slackbot import server
from bots.slackbot.app import build_bot
from tests.bots.slack.conftest import CHANNEL, FORM, USER, payload, sign
from tests.bots.slack.fake_slack import FakeSlack


class Gate:
    """Stands in for the replay claim: holds every request until opened, counting how many wait."""

    def __init__(self) -> None:
        self.inside = 0
        self.most = 0
        self.open = asyncio.Event()

    async def claim(self, key: str, *, ttl: timedelta) -> bool:
        self.inside += 1
        self.most = max(self.most, self.inside)
        await self.open.wait()
        self.inside -= 1
        return True


@pytest.fixture
async def front(
    monkeypatch: pytest.MonkeyPatch, slack_settings: Settings, service: DigestService
) -> AsyncIterator[tuple[str, Gate]]:
    monkeypatch.setattr(server, "ADMITTED", 2)
    gate = Gate()
    monkeypatch.setattr(service.channels, "claim_request", gate.claim)
    runner = web.AppRunner(server.web_app(build_bot(slack_settings, service)))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}{server.EVENTS_PATH}", gate
    await runner.cleanup()


async def test_requests_past_the_admitted_number_wait_and_are_all_answered(
    front: tuple[str, Gate], fake_slack: FakeSlack
) -> None:
    url, gate = front
    forms = [
        payload("slash_command", text="help", channel=CHANNEL, user=USER,
                response_url=fake_slack.response_url(f"r{n}"))
        for n in range(5)
    ]  # fmt: skip
    async with httpx.AsyncClient(timeout=10) as http:

        async def send(form: dict[str, object]) -> httpx.Response:
            body = urlencode(form)
            headers = {"Content-Type": FORM, **sign(body)}
            return await http.post(url, content=body.encode(), headers=headers)

        sent = [asyncio.ensure_future(send(form)) for form in forms]
        for _ in range(100):  # until every request reached the server and two got in
            await asyncio.sleep(0.02)
            if gate.inside == 2:
                break
        await asyncio.sleep(0.2)
        assert gate.most == 2  # not 5: three wait outside
        gate.open.set()
        answers = await asyncio.gather(*sent)
    assert [a.status_code for a in answers] == [200] * 5
    assert gate.most == 2
