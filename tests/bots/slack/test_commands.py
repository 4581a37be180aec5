"""`/summarize` end to end: ack, the digest in the channel, help, cap, errors, 429, load."""

from __future__ import annotations

import asyncio
import json

from tests.bots.slack.conftest import BOT_TOKEN, CHANNEL, USER, SlackDriver
from tests.bots.slack.fake_slack import FakeSlack
from tests.bots.slack.pages import ACME, INJECTION, article_html
from tests.support.article_server import ArticleServer


async def test_summarize_acks_then_posts_the_digest_once(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    response = await slack.command(url)
    assert response.status_code == 200
    assert "Reading" in response.text
    await slack.settle()
    [posted] = fake_slack.to("chat.postMessage")
    assert posted["channel"] == CHANNEL
    blocks = json.dumps(posted["blocks"])
    assert "$5 million" in blocks
    assert "40%" in blocks
    assert f"<@{USER}>" in blocks  # shown as the invoking user's share
    assert "Acme" in posted["text"]  # the notification fallback
    assert {c.token for c in fake_slack.calls if c.method == "chat.postMessage"} == {BOT_TOKEN}
    assert article_server.hits("/acme") == 1


async def test_help_is_private_and_nothing_is_posted(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    await slack.command("", name="en")
    await slack.command("帮助", name="zh")
    await slack.settle()
    helps = {a["name"]: a for a in fake_slack.to("response_url")}
    assert "/summarize auto on|off" in helps["en"]["text"]
    assert "摘要" in helps["zh"]["text"]
    assert {a["response_type"] for a in helps.values()} == {"ephemeral"}
    assert fake_slack.to("chat.postMessage") == []


async def test_several_links_give_one_digest_each_capped_with_a_note(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    urls = [article_server.add(f"/a{i}", article_html(f"Story {i}", ACME)) for i in range(7)]
    await slack.command(" ".join(urls))
    await slack.settle()
    assert len(fake_slack.to("chat.postMessage")) == 5
    [note] = fake_slack.to("response_url")
    assert note["response_type"] == "ephemeral"
    assert "5" in note["text"] and "2" in note["text"]


async def test_failing_article_answers_privately_in_the_requesters_language(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/gone", b"<html><body>gone</body></html>", status=404)
    await slack.command(url, name="en")
    await slack.command(f"请帮我总结这篇文章 {url}", name="zh")
    await slack.settle()
    assert fake_slack.to("chat.postMessage") == []
    answers = {a["name"]: a for a in fake_slack.to("response_url")}
    assert answers["en"]["response_type"] == "ephemeral"
    assert "404" in answers["en"]["text"] and "error" in answers["en"]["text"]
    assert "网站返回了错误" in answers["zh"]["text"]


async def test_mentions_in_an_article_ping_nobody(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/evil", article_html("Board <!channel> news", INJECTION))
    await slack.command(url)
    await slack.settle()
    [posted] = fake_slack.to("chat.postMessage")
    payload = json.dumps(posted, ensure_ascii=False)
    assert "&lt;!channel&gt;" in payload
    for mention in ("<!channel>", "<!here>", "<@U123>"):
        assert mention not in payload


async def test_rate_limited_post_waits_and_is_posted_exactly_once(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))
    fake_slack.throttle("chat.postMessage", times=1)
    await slack.command(url)
    await slack.settle()
    attempts = [c for c in fake_slack.calls if c.method == "chat.postMessage"]
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[0].params["blocks"] == attempts[1].params["blocks"]


async def test_fifty_concurrent_commands_are_all_acked_and_answered_once(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    url = article_server.add("/acme", article_html("Acme raises $5M", ACME))

    # Ack times are measured in `python -m bench load`, not asserted here (no timed tests).
    channels = [f"C{i:03d}" for i in range(50)]
    results = await asyncio.gather(*(slack.command(url, channel=c, name=c) for c in channels))
    assert all(r.status_code == 200 and "Reading" in r.text for r in results)
    await slack.settle()
    posted = sorted(p["channel"] for p in fake_slack.to("chat.postMessage"))
    assert posted == channels
    assert fake_slack.to("response_url") == []


async def test_a_burst_right_after_a_start_asks_slack_who_we_are_once(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    """Bolt calls auth.test on each request until its first answer: a burst sent a herd."""
    await slack.bot.prime()
    answers = await asyncio.gather(*(slack.command("", name=f"n{i}") for i in range(20)))
    assert {a.status_code for a in answers} == {200}
    await slack.settle()
    assert len(fake_slack.to("response_url")) == 20  # every help answered, as usual
    assert len([c for c in fake_slack.calls if c.method == "auth.test"]) == 1


async def test_without_slack_at_start_the_bot_still_serves(
    slack: SlackDriver, fake_slack: FakeSlack
) -> None:
    """A failed auth.test before serving leaves Bolt's own lazy check in place."""
    fake_slack.throttle("auth.test", times=100)  # 429 until the retries give up
    slack.bot.app.client.retry_handlers.clear()
    await slack.bot.prime()
    fake_slack.throttle("auth.test", times=0)
    response = await slack.command("", name="later")
    assert response.status_code == 200
    await slack.settle()
    assert [a["name"] for a in fake_slack.to("response_url")] == ["later"]


async def test_digests_are_posted_over_one_kept_connection(
    slack: SlackDriver, fake_slack: FakeSlack, article_server: ArticleServer
) -> None:
    """One aiohttp session per process: slack-sdk alone opens (and closes) one per call."""
    for i in range(3):
        await slack.command(article_server.add(f"/kept{i}", article_html(f"Story {i}", ACME)))
        await slack.settle()
    posts = [c for c in fake_slack.calls if c.method == "chat.postMessage"]
    assert len(posts) == 3
    assert len({c.peer for c in posts}) == 1
