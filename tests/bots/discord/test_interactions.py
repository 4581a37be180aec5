"""Slash command, context menu and /summarize-auto, end to end through the real client."""

from __future__ import annotations

from typing import Any

from tests.bots.discord.conftest import Running, article_html, auto, interaction_payload, slash
from tests.bots.discord.fake_discord import FakeDiscord

EPHEMERAL = 64
DEFERRED_WITH_SOURCE = 5
MESSAGE_WITH_SOURCE = 4


async def test_summarize_defers_then_follows_up_with_the_embed(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/libraries", article_html("Libraries stay open late"))
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))

    callback, followup = await fake_discord.wait_sent(2)
    assert callback.kind == "callback"
    assert callback.payload["type"] == DEFERRED_WITH_SOURCE
    assert callback.query.get("with_response") == "1"
    assert followup.kind == "followup"
    embed = followup.payload["embeds"][0]
    assert embed["title"] == "Libraries stay open late"
    assert embed["url"] == url
    assert "Key points" in embed["description"]
    assert followup.payload["allowed_mentions"]["parse"] == []
    assert not followup.payload.get("flags", 0) & EPHEMERAL


async def test_private_summarize_answers_ephemerally(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/private", article_html("Only for me"))
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url, private=True))

    callback, followup = await fake_discord.wait_sent(2)
    assert callback.payload["data"]["flags"] & EPHEMERAL
    assert followup.payload["flags"] & EPHEMERAL
    assert not followup.payload.get("components")  # no feedback or delete on a private digest
    assert followup.payload["embeds"][0]["title"] == "Only for me"


async def test_context_menu_summarizes_the_target_message(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/menu", article_html("Picked from the menu"))
    interaction = interaction_payload("interaction_context_menu")
    target = interaction["data"]["target_id"]
    interaction["data"]["resolved"]["messages"][target]["content"] = f"worth reading {url}"
    await fake_discord.dispatch("INTERACTION_CREATE", interaction)

    callback, followup = await fake_discord.wait_sent(2)
    assert callback.payload["type"] == DEFERRED_WITH_SOURCE
    assert followup.payload["embeds"][0]["title"] == "Picked from the menu"


async def test_failing_article_gets_a_chinese_error_for_a_chinese_request(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/gone", b"<html><body>gone</body></html>", status=404)
    await fake_discord.dispatch("INTERACTION_CREATE", slash(f"请帮我看看这篇 {url}"))

    _, followup = await fake_discord.wait_sent(2)
    assert "embeds" not in followup.payload or not followup.payload["embeds"]
    assert "网站返回了错误" in followup.payload["content"]
    assert url in followup.payload["content"]


async def test_failing_article_gets_an_english_error_for_an_english_request(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/gone-en", b"<html><body>gone</body></html>", status=404)
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))

    _, followup = await fake_discord.wait_sent(2)
    assert "The site answered with an error" in followup.payload["content"]


async def test_summarize_auto_needs_manage_channels(
    bot: Running, fake_discord: FakeDiscord
) -> None:
    await fake_discord.dispatch("INTERACTION_CREATE", auto("on", permissions="0"))

    (callback,) = await fake_discord.wait_sent(1)
    assert callback.payload["type"] == MESSAGE_WITH_SOURCE
    assert callback.payload["data"]["flags"] & EPHEMERAL
    assert "manage this channel" in callback.payload["data"]["content"]


async def test_a_followup_failing_with_503_is_retried_once_and_sent_once(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/flaky", article_html("Sent despite a 503"))
    fake_discord.fail_next("/webhooks/", status=503)
    await fake_discord.dispatch("INTERACTION_CREATE", slash(url))

    await fake_discord.wait_for(lambda: len(fake_discord.of_kind("followup")) == 1)
    assert len(fake_discord.failed) == 1
    assert fake_discord.of_kind("followup")[0].payload["embeds"][0]["title"] == "Sent despite a 503"
