"""The one path from a chat message to digests, shared by every adapter.

Adapters (console, Slack, Discord) translate platform events into calls of
`DigestService` and render what comes back; they hold no summarising logic.
The service owns the shared `httpx.AsyncClient`, the store (cache, dedupe,
channel settings, share history) and a bounded worker pool: summarising is
CPU work, so it runs off the event loop and acks and heartbeats stay fast.
If the store is down (or not open yet: it opens in the background) the
service keeps answering without cache or settings; claims still go to Redis
when it answers (`bots.storage.claims`). It also counts what it does (`bots.metrics`), bounds
fetches per process and per host and applies per-user and per-channel rate
limits (`bots.limits`).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar
from urllib.parse import urlsplit

import httpx

from bots.config import Settings
from bots.jobs import job_claims
from bots.limits import FetchGate, RateLimits, polite_refusal
from bots.metrics import Metrics
from bots.retention import digest_ttl, purge_periodically
from bots.storage import Share, SqlStore, Store, StoreUnavailable
from bots.storage.claims import PENDING_TTL, Claims
from bots.storage.resilient import ResilientStore
from bots.thread_pool import WorkPool, make_pool
from bots.workers import digest_page, digest_source
from summarizer.errors import DigestbotError, FetchError
from summarizer.fetching.fetch import Page, fetch_page, make_client
from summarizer.fetching.urls import article_links, normalize_url
from summarizer.models import Digest

__all__ = ["MAX_LINKS", "DigestService", "Outcome", "request_lang"]

logger = logging.getLogger(__name__)
_Input = TypeVar("_Input", Page, str)
_Result = TypeVar("_Result")

MAX_LINKS = 5
DEDUPE_WINDOW = timedelta(hours=24)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CAP_NOTE = {
    "en": "I summarise at most {cap} links per request; {skipped} more were skipped.",
    "zh": "每次最多摘要 {cap} 个链接，其余 {skipped} 个已跳过。",
}
_GENERIC = {"en": "Something went wrong while summarising this.", "zh": "摘要时出错了。"}


def request_lang(text: str) -> str:
    """ "zh" when the request itself is written in Chinese, for error messages."""
    return "zh" if len(_HAN.findall(text)) >= 2 else "en"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One answer for one link or pasted text: a digest, or a friendly one-line error."""

    source: str
    digest: Digest | None = None
    error: str | None = None
    cached: bool = False


class DigestService:
    """Everything an adapter needs: links/text → digests, cache, dedupe, channel settings."""

    def __init__(
        self, settings: Settings, *, store: Store | None = None, platform: str = "console"
    ) -> None:
        self.settings = settings
        self.store = store
        self.metrics = Metrics(platform)
        self._own_store = store is None
        self.claims = Claims()
        self.claims.database = store
        self._holding: set[asyncio.Task[None]] = set()
        self._purging: asyncio.Future[None] | None = None
        self._client: httpx.AsyncClient | None = None
        self._pool: WorkPool | None = None
        self._running: dict[tuple[str, str], asyncio.Future[Outcome]] = {}
        self._limits = RateLimits(
            per_user=settings.rate_per_user,
            per_channel=settings.rate_per_channel,
            redis_url=settings.redis_url,
        )
        self._gate = FetchGate(total=settings.fetch_concurrency, per_host=settings.fetch_per_host)

    async def start(self) -> None:
        """Build the HTTP client, open the store (if possible) and warm jieba."""
        self._client = make_client(self.settings.fetch_settings())
        if self.store is None:
            store = ResilientStore(self.settings)
            await store.start()
            self.store, self.claims = store, store.claims
            self._purging = asyncio.ensure_future(purge_periodically(store, self.settings))
        self._pool = make_pool(self.settings)
        await self._pool.start()  # every worker warm before the first digest
        # Start-up objects live as long as the process: out of the collector's sight, a
        # full collection took ~0 ms instead of 324–336 ms (README, workers).
        gc.freeze()

    async def close(self) -> None:
        """Close the client and the store; finish work in flight."""
        if self._client is not None:
            await self._client.aclose()
        if self._holding:
            await asyncio.wait(self._holding)
        if self._purging is not None:
            self._purging.cancel()
            await asyncio.gather(self._purging, return_exceptions=True)
        if self.store is not None and self._own_store:
            await self.store.close()
        if self._pool is not None:
            await self._pool.close()

    async def digest_request(
        self,
        text: str,
        *,
        max_links: int = MAX_LINKS,
        user: str | None = None,
        channel: str | None = None,
    ) -> list[Outcome]:
        """Links in `text` → one Outcome each (capped, with a note); no links → the text.

        Counts against `user`'s and `channel`'s rate limits; over a limit, the
        one Outcome is a polite line saying when to try again.
        """
        lang = request_lang(text)
        refusal = await self._limits.check(self.metrics.platform, user=user, channel=channel)
        if refusal is not None:
            self.metrics.outcome("rate_limited")
            return [Outcome("", error=polite_refusal(refusal, lang))]
        links = article_links(text)
        if not links:
            return [await self.digest_text(text)]
        outcomes = list(
            await asyncio.gather(*(self.digest_url(u, lang=lang) for u in links[:max_links]))
        )
        if len(links) > max_links:
            note = _CAP_NOTE[lang if lang == "zh" else "en"]
            outcomes.append(
                Outcome("", error=note.format(cap=max_links, skipped=len(links) - max_links))
            )
        return outcomes

    async def digest_url(self, url: str, *, lang: str = "en") -> Outcome:
        """The digest of the article at `url`, from the cache when it is fresh."""
        key = normalize_url(url)
        with self.metrics.stage("digest"), self.metrics.in_flight.track_inprogress():
            outcome = await self._once(key, url, lang)
        self.metrics.outcome("cached" if outcome.cached else "error" if outcome.error else "ok")
        return outcome

    async def _once(self, key: str, url: str, lang: str) -> Outcome:
        """Requests for a link already being read here wait for that reading, not a second one."""
        running = self._running.get((key, lang))
        if running is not None:
            self.metrics.cache_lookups.labels("shared").inc()
            return await asyncio.shield(running)
        task = asyncio.ensure_future(self._digest_url(key, url, lang))
        self._running[(key, lang)] = task
        task.add_done_callback(lambda _: self._running.pop((key, lang), None))
        return await asyncio.shield(task)

    async def _digest_url(self, key: str, url: str, lang: str) -> Outcome:
        cached = await self._cached(key)
        self.metrics.cache(hit=cached is not None)
        if cached is not None:
            return Outcome(key, cached, cached=True)
        started = time.perf_counter()
        try:
            # The whole reading holds a slot: bounding the CPU work too keeps the event
            # loop (acks, heartbeats) responsive however long the queue gets.
            async with self._gate.slot(urlsplit(url).hostname or ""):
                digest = await self._work(digest_page, await self._fetch(url))
        except DigestbotError as exc:
            logger.info("digest failed url=%s error=%s", key, type(exc).__name__)
            return Outcome(key, error=exc.user_message(lang))
        except Exception:
            logger.exception("unexpected failure url=%s", key)
            return Outcome(key, error=_GENERIC["zh" if lang == "zh" else "en"])
        logger.info("digest ok url=%s ms=%.0f", key, (time.perf_counter() - started) * 1000)
        await self._remember(key, digest)
        return Outcome(key, digest)

    async def _fetch(self, url: str) -> Page:
        """Fetch the page; count failures by kind."""
        assert self._client is not None, "DigestService.start() was not called"
        try:
            with self.metrics.stage("fetch"):
                return await fetch_page(
                    url, client=self._client, settings=self.settings.fetch_settings()
                )
        except FetchError as exc:
            self.metrics.fetch_errors.labels(type(exc).__name__).inc()
            raise

    async def digest_text(self, text: str) -> Outcome:
        """The digest of pasted text (or Markdown/HTML)."""
        lang = request_lang(text)
        try:
            return Outcome("", await self._work(digest_source, text))
        except DigestbotError as exc:
            return Outcome("", error=exc.user_message(lang))
        except Exception:
            logger.exception("unexpected failure on pasted text")
            return Outcome("", error=_GENERIC["zh" if lang == "zh" else "en"])

    async def auto_enabled(self, platform: str, channel: str, *, default: bool = True) -> bool:
        """Whether pasted links in `channel` get digests automatically."""
        value = await self._with_store(
            "auto", lambda store: store.get_channel_setting(platform, channel, "auto")
        )
        return default if value is None else value == "on"

    async def set_auto(self, platform: str, channel: str, on: bool) -> None:
        """Switch automatic digests of pasted links on or off for `channel`."""
        value = "on" if on else "off"
        await self._with_store(
            "auto", lambda store: store.set_channel_setting(platform, channel, "auto", value)
        )

    async def claim(self, key: str, *, ttl: timedelta = DEDUPE_WINDOW) -> bool:
        """True for the first caller of `key` within `ttl` (platform retries, replicas).

        In a durable job (`bots.jobs.job_claims`), a claim the same job won in an
        earlier delivery is still its own: the retry after a crash finishes the work.
        """
        scope = job_claims.get()
        if scope is not None and await scope.owns(key):
            return True
        won = await self._claim(key, ttl)
        if won and scope is not None:
            await scope.remember(key)
        return won

    async def _claim(self, key: str, ttl: timedelta) -> bool:
        """Claims mean "done": pending (`PENDING_TTL`) until the task that took it ends
        without an error, only then held for `ttl`. A process killed mid-digest thus
        leaves a claim that lapses in minutes, and Slack's retry of the event is answered.
        """
        won = await self.claims.claim(key, ttl=min(ttl, PENDING_TTL))
        task = asyncio.current_task()
        if won and task is not None and ttl > PENDING_TTL:
            task.add_done_callback(lambda done: self._hold_if_finished(done, key, ttl))
        return won

    def _hold_if_finished(self, task: asyncio.Task[object], key: str, ttl: timedelta) -> None:
        if task.cancelled() or task.exception() is not None:
            return
        holding = asyncio.get_running_loop().create_task(self.claims.hold(key, ttl=ttl))
        self._holding.add(holding)
        holding.add_done_callback(self._holding.discard)

    @property
    def claims_authority(self) -> str:
        """Who decides claims now: "redis", "database" or "process" (this process alone)."""
        return self.claims.authority

    async def previous_share(self, platform: str, channel: str, url: str) -> Share | None:
        """The same link's earlier digest in `channel` within 24 hours, if any."""
        since = datetime.now(UTC) - DEDUPE_WINDOW
        key = normalize_url(url)
        return await self._with_store(
            "last_share", lambda store: store.last_share(platform, channel, key, since=since)
        )

    async def record_share(self, share: Share) -> None:
        """Remember who shared what where (dedupe and roundups)."""
        await self._with_store("record_share", lambda store: store.record_share(share))

    async def record_outcome(
        self, channel: str, outcome: Outcome, *, user: str | None, message_ref: str | None
    ) -> None:
        """Remember a link's outcome in `channel`: digested (dedupe, roundups) or unreadable."""
        if not outcome.source:
            return
        digest = outcome.digest
        await self.record_share(
            Share(
                platform=self.metrics.platform,
                channel=channel,
                url=outcome.source,
                shared_at=datetime.now(UTC),
                user=user,
                message_ref=message_ref,
                title=digest.title if digest else None,
                ok=digest is not None,
            )
        )

    async def forget(self, platform: str, channels: list[str] | None = None) -> int | None:
        """Delete the shares and settings of `channels` (all of `platform`'s): uninstalls.

        None when there is no database to delete from (not open, or a test's store).
        """
        store = self.store
        if not isinstance(store, ResilientStore):
            return None

        async def forget(sql: SqlStore) -> int:
            return await sql.forget_channels(platform, channels)

        return await self._with_store("forget", lambda _: store.with_database(forget))

    def pool_ready(self) -> bool:
        """Whether every worker is alive and warm (readiness); False while one is replaced."""
        return self._pool is not None and self._pool.ready()

    async def store_ready(self) -> bool:
        """Whether the store answers a read now (readiness); False when there is none."""
        if self.store is None:
            return False
        try:
            await self.store.get_channel_setting("-", "-", "readiness-probe")
        except StoreUnavailable as exc:
            logger.warning("store not ready: %s", exc)
            return False
        return True

    async def _work(self, job: Callable[[_Input], Digest], source: _Input) -> Digest:
        """Run extraction/summarising in the worker pool; the event loop only waits."""
        assert self._pool is not None, "DigestService.start() was not called"
        with self.metrics.stage("summarize"):
            return await self._pool.run(job, source)

    async def _cached(self, key: str) -> Digest | None:
        return await self._with_store("get_digest", lambda store: store.get_digest(key))

    async def _remember(self, key: str, digest: Digest) -> None:
        ttl = digest_ttl(self.settings)
        await self._with_store("put_digest", lambda store: store.put_digest(key, digest, ttl=ttl))

    async def _with_store(
        self, what: str, call: Callable[[Store], Awaitable[_Result]]
    ) -> _Result | None:
        """`call(store)`, or None when there is no store or it is down: the service degrades."""
        if self.store is None:
            return None
        try:
            return await call(self.store)
        except StoreUnavailable as exc:
            logger.warning("store unavailable for %s: %s", what, exc)
            self.metrics.store_errors.labels(what).inc()
            return None
