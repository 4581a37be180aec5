"""The service path every adapter uses, with extraction and summaries in worker processes."""

from __future__ import annotations

import pytest

from bots.config import Settings
from bots.languages import request_lang
from bots.phrasebook import failure_line
from bots.results import Digested, Failure
from bots.service import DigestService

ARTICLE = (
    "<html><head><title>Acme raises $2.1 billion</title></head><body><article>"
    + "".join(
        f"<p>Acme Corp said on Monday it raised $2.1 billion from {n} investors, "
        f"its chief executive Jane Roe told reporters in the company's {n}th briefing.</p>"
        for n in range(5, 12)
    )
    + "</article></body></html>"
)


@pytest.fixture
async def process_service(monkeypatch: pytest.MonkeyPatch) -> DigestService:
    monkeypatch.setenv("DIGESTBOT_WORKER_MODE", "process")
    monkeypatch.setenv("DIGESTBOT_FETCH_ALLOW_HOSTS", "127.0.0.1")
    service = DigestService(Settings())
    await service.start()
    yield service  # type: ignore[misc]
    await service.close()


async def test_a_link_is_digested_in_a_worker_process(process_service, article_server) -> None:
    url = article_server.add("/acme", ARTICLE.encode())
    outcome = await process_service.digest_url(url)
    assert isinstance(outcome, Digested)
    assert any(f.text == "$2.1 billion" for f in outcome.digest.figures)


async def test_errors_from_a_worker_keep_their_type_and_language(
    process_service, article_server
) -> None:
    url = article_server.add("/blank", b"   ")  # an empty page fails inside the worker
    outcome = await process_service.digest_url(url)
    assert isinstance(outcome, Failure)
    assert failure_line(outcome.error, "zh") == "无法读取这篇文章：没有可读的文字。（empty page）"


async def test_pasted_text_is_digested_in_a_worker_process(process_service) -> None:
    outcome = await process_service.digest_text(ARTICLE)
    assert isinstance(outcome, Digested) and outcome.digest.title == "Acme raises $2.1 billion"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("summarize this please", "en"), ("请总结 https://a.cn/x", "zh"), ("https://a.cn/x", None)],
)
def test_answers_follow_the_requester_language(text: str, lang: str | None) -> None:
    assert request_lang(text) == lang


async def test_an_unreadable_link_is_remembered_but_never_blocks_a_retry(
    article_server, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime, timedelta

    monkeypatch.setenv("DIGESTBOT_FETCH_ALLOW_HOSTS", "127.0.0.1")
    service = DigestService(Settings(), platform="slack")
    await service.start()
    try:
        url = article_server.add("/gone", b"nope", status=404)
        failed = await service.digest_url(url)
        assert isinstance(failed, Failure) and "404" in failure_line(failed.error, "en")
        await service.channels.record("C1", url, user="U1", ref=None, title=None)
        assert await service.channels.previous_share("C1", url) is None
        assert service.store is not None
        now = datetime.now(UTC)
        [share] = await service.store.shares(
            "slack", "C1", since=now - timedelta(hours=1), until=now + timedelta(hours=1)
        )
        assert share.ok is False and share.user == "U1"
    finally:
        await service.close()
