"""Slack OAuth installations and state, kept by slack_sdk's async stores in our database."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from slack_sdk.oauth.installation_store import Installation

from bots.config import Settings
from bots.storage import SlackOAuthStores, open_store, slack_oauth_stores
from tests.support.store_servers import store_database


@pytest.fixture(params=["sqlite", "postgres"])
async def stores(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[SlackOAuthStores]:
    async with store_database(request.param, tmp_path) as url:
        settings = Settings(DIGESTBOT_DATA_DIR=tmp_path, DIGESTBOT_DATABASE_URL=url)
        await (await open_store(settings)).close()  # creates the tables
        stores = slack_oauth_stores(settings, client_id="1111.2222")
        yield stores
        await stores.installation_store.engine.dispose()


def installation(team_id: str, bot_token: str) -> Installation:
    return Installation(
        app_id="A0001",
        team_id=team_id,
        team_name="示例团队",
        bot_token=bot_token,
        bot_id="B0001",
        bot_user_id="U0BOT",
        bot_scopes=["chat:write", "links:read"],
        user_id="U0001",
        installed_at=time.time(),
    )


async def test_an_installation_is_found_by_team(stores: SlackOAuthStores) -> None:
    store = stores.installation_store
    await store.async_save(installation("T0001", "xoxb-team-one"))
    await store.async_save(installation("T0002", "xoxb-team-two"))

    found = await store.async_find_installation(enterprise_id=None, team_id="T0001")
    bot = await store.async_find_bot(enterprise_id=None, team_id="T0002")

    assert found is not None and found.bot_token == "xoxb-team-one"
    assert found.team_name == "示例团队"
    assert bot is not None and bot.bot_token == "xoxb-team-two"
    assert await store.async_find_bot(enterprise_id=None, team_id="T0003") is None


async def test_a_reinstall_replaces_the_bot_token(stores: SlackOAuthStores) -> None:
    store = stores.installation_store
    await store.async_save(installation("T0001", "xoxb-old"))
    await store.async_save(installation("T0001", "xoxb-new"))

    bot = await store.async_find_bot(enterprise_id=None, team_id="T0001")

    assert bot is not None and bot.bot_token == "xoxb-new"


async def test_an_oauth_state_can_be_consumed_once(stores: SlackOAuthStores) -> None:
    state = await stores.state_store.async_issue()

    assert await stores.state_store.async_consume(state) is True
    assert await stores.state_store.async_consume(state) is False
    assert await stores.state_store.async_consume("never-issued") is False
