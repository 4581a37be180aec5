"""Replay of Slack payload shapes (bolt-python test payloads, Slack docs): fetched, posted where.

Every case asserts the exact request target the article server received and
the Web API calls the bot made. Ids in the names refer to issue 14's numbered
problems; each failed before the answer policy.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest

from bots.limits import RateLimits
from bots.service import DigestService
from tests.bots.slack.conftest import CHANNEL, FORM, USER, SlackDriver, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, article_html
from tests.support.article_server import ArticleServer

TS = "1700000000.000100"
BEIJING = "/item/%E5%8C%97%E4%BA%AC%E5%B8%82"


def message(slack: SlackDriver, text: str, *, ts: str = TS, **extra: Any) -> dict[str, Any]:
    body = payload("message_event", text=text, ts=ts, channel=CHANNEL, event_id=slack.event_id())
    body["event"].update(extra)
    return body


async def shortcut_on(slack: SlackDriver, message_fields: dict[str, Any]) -> None:
    body = slack.interaction("message_shortcut", "", channel=CHANNEL, name="shortcut")
    body["message"].update(message_fields)
    await slack.send(urlencode({"payload": json.dumps(body)}), FORM)


@pytest.fixture
def story(article_server: ArticleServer) -> str:
    return article_server.add("/story", article_html("Acme raises $5M", ACME))


def digests(fake: FakeSlack) -> list[dict[str, Any]]:
    return [p for p in fake.to("chat.postMessage") if "blocks" in p]


async def test_14_1_the_read_button_is_acknowledged(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    body = slack.interaction("block_actions_read", "", channel=CHANNEL, name="read")
    response = await slack.send(urlencode({"payload": json.dumps(body)}), FORM)
    assert response.status_code == 200  # was 404 "unhandled request"
    await slack.settle()
    assert fake_slack.sent() == []


async def test_14_2_a_shortcut_on_an_rss_post_reads_its_title_link(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer, story: str
) -> None:
    rss = {
        "text": "",
        "subtype": "bot_message",
        "bot_id": "BRSS",
        "attachments": [
            {
                "title": "Acme raises $5M",
                "title_link": story,
                "fallback": "Acme raises $5M",
                "footer": "RSS",
                "service_name": "RSS",
            }
        ],
    }
    await shortcut_on(slack, rss)
    await slack.settle()
    assert article_server.targets == ["/story"]
    [posted] = digests(fake_slack)
    assert posted["channel"] == CHANNEL


async def test_14_2_a_forwarded_message_is_read_from_its_shared_copy(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer, story: str
) -> None:
    shared = {
        "is_share": True,
        "is_msg_unfurl": True,
        "from_url": "https://example.slack.com/archives/C0OTHER/p1699999999000100",
        "text": f"<{story}>",
        "message_blocks": [
            {
                "team": "T0001",
                "channel": "C0OTHER",
                "ts": "1699999999.000100",
                "message": {
                    "blocks": [
                        {
                            "type": "rich_text",
                            "elements": [
                                {
                                    "type": "rich_text_section",
                                    "elements": [{"type": "link", "url": story}],
                                }
                            ],
                        }
                    ]
                },
            }
        ],
    }
    await slack.event(message(slack, "", attachments=[shared]))
    await slack.settle()
    assert article_server.targets == ["/story"]
    assert len(digests(fake_slack)) == 1


async def test_14_2_rich_text_link_elements_are_read(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer, story: str
) -> None:
    blocks = [
        {
            "type": "rich_text",
            "block_id": "b1",
            "elements": [
                {
                    "type": "rich_text_section",
                    "elements": [{"type": "text", "text": "look "}, {"type": "link", "url": story}],
                }
            ],
        }
    ]
    await slack.event(message(slack, "look", blocks=blocks))
    await slack.settle()
    assert article_server.targets == ["/story"]


@pytest.mark.parametrize("text", ["hi", "--help", "auto", "lang fr", "lol 😂"])
async def test_14_3_short_text_and_unknown_subcommands_get_the_help_privately(
    slack: SlackDriver, fake_slack: FakeSlack, text: str
) -> None:
    await slack.command(text)
    await slack.settle()
    assert fake_slack.to("chat.postMessage") == []
    [answer] = fake_slack.to("response_url")
    assert answer["response_type"] == "ephemeral" and "/summarize" in answer["text"]


async def test_14_3_the_shortcut_on_a_joke_gets_the_help_privately(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    await shortcut_on(slack, {"text": "lol 😂"})
    await slack.settle()
    assert fake_slack.to("chat.postMessage") == []
    [answer] = fake_slack.to("response_url")
    assert answer["response_type"] == "ephemeral"


async def test_14_4_a_chinese_path_is_fetched_whole_on_every_path(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    article_server.add(BEIJING, article_html("Acme raises $5M", ACME))
    url = article_server.url("/item/北京市")
    await slack.command(f"<{url}|北京市>")
    await slack.settle()
    await shortcut_on(slack, {"text": f"<{url}|北京市>", "ts": "1700000001.000100"})
    await slack.settle()
    await slack.event(message(slack, f"看看 {url}", ts="1700000002.000100"))
    await slack.settle()
    assert article_server.targets == [BEIJING]  # one fetch; then the cache
    assert len(digests(fake_slack)) == 1  # command; then pointers to it in this channel
    assert len(fake_slack.to("chat.getPermalink")) == 2


async def test_14_6_a_link_in_a_code_span_is_fetched_without_amp(
    slack: SlackDriver, article_server: ArticleServer
) -> None:
    url = article_server.add("/code", article_html("Acme raises $5M", ACME))
    await slack.event(message(slack, f"`{url}?a=1&amp;b=2`"))
    await slack.settle()
    assert article_server.targets == ["/code?a=1&b=2"]


async def test_14_6_an_escaped_link_shared_url_is_fetched_and_unfurled_by_its_sent_form(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/unfurl", article_html("Acme raises $5M", ACME)) + "?a=1&amp;b=2"
    body = payload("link_shared_event", url=url, channel=CHANNEL, event_id=slack.event_id())
    await slack.event(body)
    await slack.settle()
    assert article_server.targets == ["/unfurl?a=1&b=2"]
    [unfurl] = fake_slack.to("chat.unfurl")
    assert list(unfurl["unfurls"]) == [url]


async def test_14_8_unfurls_respect_auto_off(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer, story: str
) -> None:
    await slack.command("auto off")
    await slack.settle()
    body = payload("link_shared_event", url=story, channel=CHANNEL, event_id=slack.event_id())
    await slack.event(body)
    await slack.settle()
    assert article_server.targets == [] and fake_slack.to("chat.unfurl") == []


async def test_14_9_a_bare_link_is_answered_in_the_channels_language(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    gone = article_server.add("/gone", b"gone", status=404)
    await slack.command("lang zh")
    await slack.settle()
    await slack.event(message(slack, f"<{gone}>"))
    await slack.settle()
    [failure] = fake_slack.to("chat.postEphemeral")
    assert "网站返回了错误" in failure["text"]


async def test_14_9_a_bare_link_follows_the_users_slack_locale(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    gone = article_server.add("/gone", b"gone", status=404)
    fake_slack.people["U2147483697"] = {"locale": "zh-CN"}
    await slack.event(message(slack, f"<{gone}>"))
    await slack.settle()
    [failure] = fake_slack.to("chat.postEphemeral")
    assert "网站返回了错误" in failure["text"]


async def test_14_9_japanese_text_is_refused_politely(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    japanese = "東京都は月曜日、新しい図書館の計画を発表しました。" * 6
    await slack.command(japanese)
    await slack.settle()
    [answer] = fake_slack.to("response_url")
    assert "Chinese and English" in answer["text"] or "中文和英文" in answer["text"]
    assert fake_slack.to("chat.postMessage") == []


async def test_14_11_settings_are_shown_privately(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    await slack.command("settings")
    await slack.settle()
    [answer] = fake_slack.to("response_url")
    assert answer["response_type"] == "ephemeral"
    assert "automatic digests on" in answer["text"]


async def test_14_11_only_a_channel_manager_changes_settings(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer, story: str
) -> None:
    fake_slack.default_creator = "U0SOMEONE"
    await slack.command("auto off", name="refused")
    await slack.settle()
    await slack.event(message(slack, f"<{story}>"))
    await slack.settle()
    assert len(digests(fake_slack)) == 1  # auto stayed on
    fake_slack.people[USER] = {"is_admin": True}
    await slack.command("auto off", name="admin")
    await slack.settle()
    notes = {a["name"]: a["text"] for a in fake_slack.to("response_url")}
    assert "manage this channel" in notes["refused"]
    assert "no longer" in notes["admin"]


async def test_14_11_eyes_while_a_pasted_link_is_read(
    slack: SlackDriver, fake_slack: FakeSlack, story: str
) -> None:
    await slack.event(message(slack, f"<{story}>"))
    await slack.settle()
    order = [c.method for c in fake_slack.sent()]
    assert order == ["reactions.add", "chat.postMessage", "reactions.remove"] or order.index(
        "reactions.add"
    ) < order.index("reactions.remove")
    [added] = fake_slack.to("reactions.add")
    assert (added["name"], added["timestamp"], added["channel"]) == ("eyes", TS, CHANNEL)


async def test_app_home_shows_the_help(slack: SlackDriver, fake_slack: FakeSlack) -> None:
    await slack.event(payload("app_home_opened", user=USER, event_id=slack.event_id()))
    await slack.settle()
    [published] = fake_slack.to("views.publish")
    assert published["user_id"] == USER and "/summarize" in json.dumps(published["view"])


async def test_16_7_pasted_links_count_against_the_limits_with_one_note(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer, service: DigestService
) -> None:
    service.limits = RateLimits(per_user="2/minute", per_channel="", redis_url=None)
    for n in range(6):
        urls = [
            article_server.add(f"/m{n}-{i}", article_html(f"Story {n}-{i}", ACME)) for i in range(5)
        ]
        await slack.event(
            message(slack, " ".join(f"<{u}>" for u in urls), ts=f"17000000{n:02d}.000100")
        )
        await slack.settle()
    assert len(article_server.targets) == 10  # 2 messages of 5 links, then refused
    [note] = fake_slack.to("chat.postEphemeral")
    assert "try again" in note["text"]


async def test_a_dm_with_an_article_gets_its_digest_and_a_channel_message_without_links_nothing(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    article = " ".join(ACME)
    await slack.event(message(slack, article))
    await slack.settle()
    assert fake_slack.sent() == []
    body = message(slack, article, channel_type="im", channel="D0DIRECT")
    await slack.event(body)
    await slack.event(body, retry=1)
    await slack.settle()
    [posted] = digests(fake_slack)
    assert posted["channel"] == "D0DIRECT" and "$5 million" in json.dumps(posted["blocks"])
