"""Replay of Discord payload shapes (Discord API docs examples): fetched, and sent where.

Guild, DM and user-install contexts; embeds, forwarded messages and spoilers.
Ids in the names refer to issue 14's numbered problems.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.bots.discord.conftest import (
    Running,
    article_html,
    interaction_payload,
    message_payload,
    slash,
)
from tests.bots.discord.fake_discord import FakeDiscord

SNAPSHOT_FIELDS = {
    "type": 0, "content": "", "embeds": [], "attachments": [], "flags": 0, "mentions": [],
    "timestamp": "2024-06-01T10:00:00.000000+00:00", "edited_timestamp": None,
    "mention_roles": [], "components": [],
}  # fmt: skip


def rss_embed(url: str) -> dict[str, Any]:
    return {"type": "rich", "title": "Libraries stay open late", "url": url, "description": "…"}


async def test_14_2_the_context_menu_reads_an_rss_bots_embed(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/rss", article_html("Libraries stay open late"))
    interaction = interaction_payload("interaction_context_menu")
    target = interaction["data"]["resolved"]["messages"][interaction["data"]["target_id"]]
    target.update(content="", embeds=[rss_embed(url)], author={**target["author"], "bot": True})
    await fake_discord.dispatch("INTERACTION_CREATE", interaction)
    _, followup = await fake_discord.wait_sent(2)
    assert article_server.targets == ["/rss"]
    assert followup.payload["embeds"][0]["title"] == "Libraries stay open late"


async def test_14_2_a_forwarded_message_is_read_from_its_snapshot(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/forwarded", article_html("Forwarded news"))
    message = message_payload("")
    message["message_reference"] = {
        "type": 1,
        "channel_id": "1300000000000000009",
        "message_id": "1",
    }
    message["message_snapshots"] = [
        {"message": {**copy.deepcopy(SNAPSHOT_FIELDS), "content": f"see {url}"}}
    ]
    await fake_discord.dispatch("MESSAGE_CREATE", message)
    (reply,) = await fake_discord.wait_sent(1, "message")
    assert article_server.targets == ["/forwarded"]
    assert reply.payload["embeds"][0]["title"] == "Forwarded news"


async def test_14_5_a_spoilered_link_is_fetched_without_the_bars(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/spoiler", article_html("Spoiler news"))
    await fake_discord.dispatch("MESSAGE_CREATE", message_payload(f"no spoilers ||{url}|| ok"))
    await fake_discord.wait_sent(1, "message")
    assert article_server.targets == ["/spoiler"]
    assert fake_discord.of_kind("typing")  # 14.11: a sign of life while reading


async def test_14_8_the_cap_is_five_links_with_a_note_as_on_slack(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    urls = [article_server.add(f"/cap{i}", article_html(f"Story {i}")) for i in range(7)]
    await fake_discord.dispatch("MESSAGE_CREATE", message_payload(" ".join(urls)))
    sent = await fake_discord.wait_sent(6, "message")
    assert len(article_server.targets) == 5
    assert "5" in sent[-1].payload["content"] and "2" in sent[-1].payload["content"]


async def test_a_dm_to_the_bot_is_answered(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/dm", article_html("Direct news"))
    message = message_payload(f"please {url}", channel="1300000000000000077")
    message.pop("guild_id")
    message.pop("member")
    message["channel_type"] = 1
    await fake_discord.dispatch("MESSAGE_CREATE", message)
    (reply,) = await fake_discord.wait_sent(1, "message")
    assert reply.path == "/channels/1300000000000000077/messages"
    assert article_server.targets == ["/dm"]


async def test_14_9_a_bare_link_follows_the_discord_locale(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    gone = article_server.add("/gone", b"gone", status=404)
    await fake_discord.dispatch("INTERACTION_CREATE", slash(gone, locale="zh-CN"))
    _, followup = await fake_discord.wait_sent(2)
    assert "网站返回了错误" in followup.payload["content"]


async def test_14_3_short_text_gets_the_help_privately(
    bot: Running, fake_discord: FakeDiscord
) -> None:
    await fake_discord.dispatch("INTERACTION_CREATE", slash("hi"))
    _, followup = await fake_discord.wait_sent(2)
    assert "/summarize" in followup.payload["content"]
    assert not followup.payload.get("embeds")


async def test_a_user_install_in_a_private_channel_is_answered(
    bot: Running, fake_discord: FakeDiscord, article_server: Any
) -> None:
    url = article_server.add("/user-install", article_html("User installed"))
    interaction = slash(url, context=2, authorizing_integration_owners={"1": "1400000000000000001"})
    for key in ("guild_id", "guild", "member"):
        interaction.pop(key, None)
    interaction["user"] = {
        "id": "1400000000000000001",
        "username": "reader",
        "discriminator": "0",
        "avatar": None,
    }
    interaction["channel"] = {"id": "1300000000000000088", "type": 3, "recipients": []}
    interaction["channel_id"] = "1300000000000000088"
    await fake_discord.dispatch("INTERACTION_CREATE", interaction)
    _, followup = await fake_discord.wait_sent(2)
    assert followup.payload["embeds"][0]["title"] == "User installed"


async def test_install_contexts_are_declared(bot: Running, fake_discord: FakeDiscord) -> None:
    ((_, commands),) = fake_discord.command_syncs
    by_name = {c["name"]: c for c in commands}
    assert by_name["summarize"]["integration_types"] == [0, 1]
    assert sorted(by_name["summarize"]["contexts"]) == [0, 1, 2]
    assert by_name["summarize-auto"]["contexts"] == [0]


async def test_commands_have_chinese_names_and_help(
    bot: Running, fake_discord: FakeDiscord
) -> None:
    ((_, commands),) = fake_discord.command_syncs
    by_name = {c["name"]: c for c in commands}
    summarize = by_name["summarize"]
    assert summarize["name_localizations"]["zh-CN"] == "摘要"
    assert summarize["description_localizations"]["zh-TW"] == "为文章链接或粘贴的文字生成摘要"
    assert by_name["Summarize"]["name_localizations"]["zh-CN"] == "生成摘要"
    options = {o["name"]: o for o in summarize["options"]}
    assert options["input"]["name_localizations"]["zh-CN"] == "内容"
