"""Pasted links, retries, skips, auto on/off, repeats, mentions, the shortcut, unfurls."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.bots.slack.conftest import CHANNEL, USER, SlackDriver, payload
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, CHINESE, article_html
from tests.support.article_server import ArticleServer

MESSAGE_TS = "1700000000.000100"


def message(slack: SlackDriver, text: str, *, ts: str = MESSAGE_TS, **extra: Any) -> dict[str, Any]:
    """A `message` event callback with a fresh event_id; `extra` is merged into the event."""
    body = payload("message_event", text=text, ts=ts, channel=CHANNEL, event_id=slack.event_id())
    body["event"].update(extra)
    return body


def mention(slack: SlackDriver, text: str, *, thread_ts: str | None = None) -> dict[str, Any]:
    """An `app_mention` event callback; `thread_ts` None means a top-level mention."""
    return payload(
        "app_mention_event",
        text=text,
        thread_ts=thread_ts,
        channel=CHANNEL,
        event_id=slack.event_id(),
    )


@pytest.fixture
def acme(article_server: ArticleServer) -> str:
    return article_server.add("/acme", article_html("Acme raises $5M", ACME))


async def test_pasted_link_gets_a_digest_in_the_messages_thread(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str
) -> None:
    response = await slack.event(message(slack, f"look at this <{acme}|acme>"))
    assert response.status_code == 200
    await slack.settle()
    [posted] = fake_slack.to("chat.postMessage")
    assert (posted["channel"], posted["thread_ts"]) == (CHANNEL, MESSAGE_TS)
    assert "$5 million" in json.dumps(posted["blocks"])


async def test_retries_and_the_same_message_twice_give_exactly_one_digest(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str, article_server: ArticleServer
) -> None:
    first = message(slack, f"<{acme}>")
    for retry in (None, 1, 2):
        assert (await slack.event(first, retry=retry)).status_code == 200
    await slack.event(message(slack, f"<{acme}>"))  # new event_id, same message
    await slack.settle()
    assert len(fake_slack.to("chat.postMessage")) == 1
    assert article_server.hits("/acme") == 1


@pytest.mark.parametrize(
    "extra",
    [
        {"bot_id": "B0OTHER", "subtype": "bot_message"},
        {"bot_id": "BBOT", "user": "UBOT"},
        {"subtype": "message_changed"},
        {"subtype": "message_deleted"},
        {"subtype": "channel_join"},
    ],
    ids=["other-bot", "itself", "edit", "deletion", "join"],
)
async def test_bots_edits_and_deletions_are_skipped(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str, extra: dict[str, str]
) -> None:
    await slack.event(message(slack, f"<{acme}>", **extra))
    await slack.settle()
    assert fake_slack.sent() == []


@pytest.mark.parametrize(
    "link",
    [
        "https://example.slack.com/archives/C1/p1700000000000100",
        "https://example.com/cat.png",
        "https://example.com/clip.mp4",
    ],
)
async def test_slack_image_and_video_links_are_skipped(
    slack: SlackDriver, fake_slack: FakeSlack, link: str
) -> None:
    await slack.event(message(slack, f"<{link}>"))
    await slack.settle()
    assert fake_slack.sent() == []


async def test_auto_off_and_on_per_channel(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str
) -> None:
    await slack.command("auto off", name="off")
    await slack.settle()
    await slack.event(message(slack, f"<{acme}>"))
    await slack.settle()
    assert fake_slack.to("chat.postMessage") == []
    await slack.command("auto on", name="on")
    await slack.settle()
    await slack.event(message(slack, f"<{acme}>", ts="1700000000.000200"))
    await slack.settle()
    assert len(fake_slack.to("chat.postMessage")) == 1
    notes = {n["name"]: n["text"] for n in fake_slack.to("response_url")}
    assert "no longer" in notes["off"] and "automatically" in notes["on"]


async def test_a_repeated_link_within_a_day_gets_a_pointer_to_the_first_digest(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str
) -> None:
    await slack.event(message(slack, f"<{acme}>"))
    await slack.settle()
    [first] = fake_slack.answers("chat.postMessage")
    await slack.event(message(slack, f"again <{acme}>", ts="1700000500.000100"))
    await slack.settle()
    [permalink] = fake_slack.to("chat.getPermalink")
    assert permalink["message_ts"] == first["ts"]
    pointer = fake_slack.to("chat.postMessage")[-1]
    assert pointer["thread_ts"] == "1700000500.000100"
    assert "summarised here earlier" in pointer["text"]
    assert "fake.slack.com/archives" in pointer["text"]


async def test_failing_pasted_link_tells_the_poster_privately_in_their_language(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/gone", b"gone", status=404)
    await slack.event(message(slack, f"大家看看这篇 <{url}>"))
    await slack.settle()
    [ephemeral] = fake_slack.to("chat.postEphemeral")
    assert ephemeral["user"] == "U2147483697"
    assert ephemeral["thread_ts"] == MESSAGE_TS
    assert "网站返回了错误" in ephemeral["text"]
    assert fake_slack.to("chat.postMessage") == []


async def test_mention_in_a_thread_summarises_the_parent_message(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/zh", article_html("阿里巴巴第三季度营收", CHINESE))
    parent = "1699999000.000100"
    fake_slack.threads[(CHANNEL, parent)] = [{"type": "message", "text": f"<{url}>", "ts": parent}]
    await slack.event(mention(slack, "总结一下", thread_ts=parent))
    await slack.settle()
    [replies] = fake_slack.to("conversations.replies")
    assert replies["ts"] == parent
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["thread_ts"] == parent
    assert "2000亿元" in json.dumps(posted["blocks"], ensure_ascii=False)


async def test_a_message_that_mentions_the_bot_gets_one_digest_not_two(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str
) -> None:
    mentioned = mention(slack, f"<{acme}>")
    await slack.event(message(slack, f"<@UBOT> <{acme}>", ts=mentioned["event"]["ts"]))
    await slack.event(mentioned)
    await slack.settle()
    assert len([p for p in fake_slack.to("chat.postMessage") if "blocks" in p]) == 1


async def test_mention_without_links_gets_the_help_privately(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    await slack.event(mention(slack, "hello"))
    await slack.settle()
    [help_line] = fake_slack.to("chat.postEphemeral")
    assert "/summarize" in help_line["text"]
    assert fake_slack.to("chat.postMessage") == []


async def test_message_shortcut_posts_the_digest_in_the_messages_thread(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str
) -> None:
    response = await slack.shortcut(f"worth reading <{acme}>")
    assert response.status_code == 200
    await slack.settle()
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["thread_ts"] == "1700000250.000100"
    assert f"<@{USER}>" in json.dumps(posted["blocks"])


async def test_link_shared_is_unfurled_with_a_compact_card(
    slack: SlackDriver, fake_slack: FakeSlack, acme: str
) -> None:
    body = payload("link_shared_event", url=acme, channel=CHANNEL, event_id=slack.event_id())
    await slack.event(body)
    await slack.event(body, retry=1)
    await slack.settle()
    [unfurl] = fake_slack.to("chat.unfurl")
    card = unfurl["unfurls"][acme]
    assert len(card["blocks"]) == 2
    assert "$5 million" in json.dumps(card)
