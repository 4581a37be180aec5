"""A digest card's useful / not useful / delete buttons, through the real client and fake Discord.

Clicks are MESSAGE_COMPONENT interactions (type 3) shaped as Discord's API
docs show them: `data.component_type` 2, the button's `custom_id`, and the
`message` the button is on (here: the card exactly as the fake stored it).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bots.config import Settings
from bots.storage import open_store
from tests.bots.discord.conftest import (
    Running,
    article_html,
    interaction_payload,
    slash,
    snowflake,
)
from tests.bots.discord.fake_discord import APP_ID, CHANNEL_ID, GUILD_ID, FakeDiscord, Sent

EPHEMERAL = 64
CHANNEL_MESSAGE_WITH_SOURCE = 4
DEFERRED_UPDATE_MESSAGE = 6
MANAGE_MESSAGES = 1 << 13
MEMBER_PERMISSIONS = 2248473465835089  # the recorded member's: no Manage Messages
OTHER = "1400000000000000077"


@pytest.fixture
async def card(
    bot: Running, fake_discord: FakeDiscord, article_server: Any, discord_settings: Settings
) -> dict[str, Any]:
    """The public digest the recorded member asked for with /summarize, as Discord stores it.

    Returned once the bot has recorded its share (right after the post), as a
    person's click always comes later.
    """
    url = article_server.add("/libraries", article_html("Libraries stay open late"))
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))
    _, followup = await fake_discord.wait_sent(2)
    assert followup.created is not None
    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{followup.created['id']}"
    store = await open_store(discord_settings)  # the bot's store, as another replica sees it
    try:
        while await store.posted_share("discord", CHANNEL_ID, link) is None:
            await asyncio.sleep(0.02)
    finally:
        await store.close()
    return followup.created


async def click(
    fake: FakeDiscord,
    message: dict[str, Any],
    custom_id: str,
    *,
    user: str | None = None,
    permissions: int = MEMBER_PERMISSIONS,
    locale: str = "en-US",
) -> list[Sent]:
    """Click a button on `message`; the bot's writes caused by the click."""
    before = len(fake.sent)
    interaction = interaction_payload("interaction_button", message=message, locale=locale)
    interaction["data"]["custom_id"] = custom_id
    interaction["member"]["permissions"] = str(permissions)
    if user is not None:
        interaction["member"]["user"] = {**interaction["member"]["user"], "id": user}
    await fake.dispatch("INTERACTION_CREATE", interaction)
    await fake.wait_for(lambda: len(fake.sent) > before)
    if custom_id.startswith("digestbot:delete"):  # a granted delete is a callback, then DELETE
        await fake.wait_for(lambda: fake.sent[-1].kind != "callback" or _said(fake.sent[-1]))
    return fake.sent[before:]


def _said(sent: Sent) -> bool:
    return sent.payload.get("type") == CHANNEL_MESSAGE_WITH_SOURCE


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in message["components"] for c in row["components"]]


async def test_a_public_card_carries_three_buttons_with_stable_custom_ids(
    card: dict[str, Any],
) -> None:
    found = buttons(card)
    assert [b["custom_id"] for b in found] == [
        "digestbot:useful:en",
        "digestbot:not_useful:en",
        "digestbot:delete:en",
    ]
    assert [b["label"] for b in found] == ["👍 Useful", "👎 Not useful", "Delete"]
    assert found[-1]["style"] == 4  # danger


async def test_feedback_is_thanked_privately_and_kept_with_the_share(
    bot: Running, fake_discord: FakeDiscord, card: dict[str, Any]
) -> None:
    [thanks] = await click(fake_discord, card, "digestbot:useful:en", user=OTHER)
    assert thanks.kind == "callback" and thanks.payload["type"] == CHANNEL_MESSAGE_WITH_SOURCE
    assert thanks.payload["data"]["flags"] & EPHEMERAL
    assert thanks.payload["data"]["content"].startswith("Thanks for the feedback")
    [zh] = await click(fake_discord, card, "digestbot:not_useful:en", locale="zh-CN")
    assert zh.payload["data"]["content"].startswith("谢谢")


async def test_someone_else_may_not_delete_the_card(
    bot: Running, fake_discord: FakeDiscord, card: dict[str, Any]
) -> None:
    [no] = await click(fake_discord, card, "digestbot:delete:en", user=OTHER)
    assert no.payload["type"] == CHANNEL_MESSAGE_WITH_SOURCE
    assert no.payload["data"]["flags"] & EPHEMERAL
    assert "only the person who asked" in no.payload["data"]["content"]
    assert not [s for s in fake_discord.sent if s.kind == "delete"]


async def test_the_requester_deletes_the_card_through_the_interaction(
    bot: Running, fake_discord: FakeDiscord, card: dict[str, Any]
) -> None:
    deferred, deleted = await click(fake_discord, card, "digestbot:delete:en")
    assert deferred.payload["type"] == DEFERRED_UPDATE_MESSAGE
    assert deleted.kind == "delete"
    assert deleted.path.startswith(f"/webhooks/{APP_ID}/") and deleted.path.endswith(
        "/messages/@original"
    )


async def test_manage_messages_deletes_anyones_card_even_from_before_a_restart(
    bot: Running, fake_discord: FakeDiscord, card: dict[str, Any]
) -> None:
    older = {**card, "id": snowflake()}  # a card this process never sent
    sent = await click(
        fake_discord,
        older,
        "digestbot:delete:zh",
        user=OTHER,
        permissions=MEMBER_PERMISSIONS | MANAGE_MESSAGES,
    )
    assert [s.kind for s in sent] == ["callback", "delete"]
