"""Pasted links end to end: auto on/off, skip rules, dedupe, mentions, 429 and reconnects."""

from __future__ import annotations

import json
from typing import Any

from tests.bots.discord.conftest import Running, article_html, auto, message_payload
from tests.bots.discord.fake_discord import CHANNEL_ID, GUILD_ID, FakeDiscord, Sent

MENTION_PARAGRAPHS = (
    "@everyone the harbour festival returns this weekend with music and food on every pier.",
    "Organisers told <@123> and <@&456> that twelve thousand visitors are expected each day.",
    "The festival started in 1998 as a small fish market and now fills the whole waterfront.",
    "Tickets cost ten dollars, and children under twelve enter for free, the organisers said.",
)


async def switch_auto(fake: FakeDiscord, mode: str) -> None:
    """Run /summarize-auto and wait for its confirmation."""
    before = len(fake.of_kind("followup"))
    await fake.dispatch("INTERACTION_CREATE", auto(mode))
    await fake.wait_for(lambda: len(fake.of_kind("followup")) > before)


async def paste(fake: FakeDiscord, content: str, **options: Any) -> str:
    """Dispatch a MESSAGE_CREATE; its id."""
    message = message_payload(content, **options)
    await fake.dispatch("MESSAGE_CREATE", message)
    return str(message["id"])


async def paste_while_off(fake: FakeDiscord, content: str) -> None:
    """Paste while auto is off, then let that message's handler read the setting.

    Each gateway event runs in its own task: without this barrier a later
    "auto on" could land before the pasted message's handler reads the
    setting. Switching "off" again costs the handler's single store read plus
    a full interaction round trip, so by its confirmation the read is done.
    """
    await paste(fake, content)
    await switch_auto(fake, "off")


def replies(fake: FakeDiscord) -> list[Sent]:
    return fake.of_kind("message")


def replied_to(sent: Sent) -> str:
    return str(sent.payload["message_reference"]["message_id"])


async def test_pasted_link_is_answered_only_while_auto_is_on(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/harbour", article_html("Harbour news"))
    await switch_auto(fake_discord, "off")  # on by default, as on Slack
    await paste_while_off(fake_discord, f"look {url}")
    await switch_auto(fake_discord, "on")
    answered = await paste(fake_discord, f"again {url}?x=1")

    (reply,) = await fake_discord.wait_sent(1, "message")
    assert replied_to(reply) == answered
    assert reply.payload["embeds"][0]["title"] == "Harbour news"

    await switch_auto(fake_discord, "off")
    other = article_server.add("/after-off", article_html("Not wanted"))
    await paste_while_off(fake_discord, other)
    await switch_auto(fake_discord, "on")
    last = article_server.add("/last", article_html("Wanted again"))
    final = await paste(fake_discord, last)
    await fake_discord.wait_sent(2, "message")
    assert [replied_to(s) for s in replies(fake_discord)] == [answered, final]


async def test_bot_authors_are_ignored(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    await switch_auto(fake_discord, "on")
    url = article_server.add("/bots", article_html("Bots talk"))
    await paste(fake_discord, url, bot=True)
    human = await paste(fake_discord, url)

    await fake_discord.wait_sent(1, "message")
    assert [replied_to(s) for s in replies(fake_discord)] == [human]


async def test_a_link_shared_again_points_to_the_earlier_digest(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    await switch_auto(fake_discord, "on")
    url = article_server.add("/twice", article_html("Shared twice"))
    await paste(fake_discord, url)
    (first,) = await fake_discord.wait_sent(1, "message")
    await paste(fake_discord, f"{url}#comments")

    _, second = await fake_discord.wait_sent(2, "message")
    assert not second.payload.get("embeds")
    assert "summarised here earlier" in second.payload["content"]
    assert first.created is not None
    assert f"/channels/{GUILD_ID}/{CHANNEL_ID}/{first.created['id']}" in second.payload["content"]
    assert article_server.hits("/twice") == 1


async def test_mentions_in_an_article_ping_nobody(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    await switch_auto(fake_discord, "on")
    # The title carries a mention too: which body sentences a digest shows is the ranking's call.
    url = article_server.add("/festival", article_html("Festival @everyone", MENTION_PARAGRAPHS))
    await paste(fake_discord, url)

    (reply,) = await fake_discord.wait_sent(1, "message")
    assert reply.payload["allowed_mentions"]["parse"] == []
    assert not reply.payload["allowed_mentions"].get("replied_user")
    text = json.dumps(reply.payload["embeds"], ensure_ascii=False)
    assert "@everyone" not in text and "<@123>" not in text and "<@&456>" not in text
    assert "@\u200beveryone" in text


async def test_a_429_on_send_is_waited_out_and_the_reply_sent_once(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    await switch_auto(fake_discord, "on")
    url = article_server.add("/limited", article_html("Rate limited"))
    fake_discord.fail_next(f"/channels/{CHANNEL_ID}/messages", status=429, retry_after=0.3)
    await paste(fake_discord, url)

    await fake_discord.wait_sent(1, "message")
    assert len(fake_discord.failed) == 1
    assert len(replies(fake_discord)) == 1


async def test_the_bot_resumes_after_the_gateway_drops(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    await switch_auto(fake_discord, "on")
    await fake_discord.drop_connections()
    await fake_discord.wait_for(lambda: len(fake_discord.resumes) == 1)
    assert fake_discord.resumes[0]["session_id"] == "session-1"

    url = article_server.add("/after-resume", article_html("After the drop"))
    await paste(fake_discord, url)
    (reply,) = await fake_discord.wait_sent(1, "message")
    assert reply.payload["embeds"][0]["title"] == "After the drop"
    assert len(fake_discord.identifies) == 1
