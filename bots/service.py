"""The one path from a chat message to digests, shared by every adapter.

Adapters (console, Slack, Discord) hand each message to the answer policy
(`bots.answers`), which asks this service to read links and pasted text; they
hold no summarising logic. The service owns the shared `httpx.AsyncClient`,
the store (the digest cache; channel settings, claims and share history behind
`channels`, a `bots.channels.Channels`) and a bounded worker pool: summarising
is CPU work, so it runs off the event loop and acks and heartbeats stay fast.
If the store is down the service keeps answering: no cache, and dedupe only
within this process. It also counts what it does (`bots.metrics`), bounds
fetches per process and per host, and holds the per-user and per-channel rate
limits (`limits`, `bots.limits`) the policy applies to every path.

Reading gives a `Digested` or a `Failure` (`bots.results`), never a sentence:
the policy words it once the reply language is known.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from bots.channels import Channels
from bots.config import Settings
from bots.jobs import job_claims
from bots.limits import FetchGate, RateLimits
from bots.metrics import Metrics
from bots.results import Digested, Failure, Reading
from bots.retention import digest_ttl, purge_periodically
from bots.storage import SqlStore, Store, StoreUnavailable
from bots.storage.claims import PENDING_TTL, Claims
from bots.storage.resilient import ResilientStore
from bots.thread_pool import WorkPool, make_pool
from bots.workers import digest_page, digest_source
from summarizer.errors import DigestbotError, FetchError
from summarizer.fetching.page import Page
from summarizer.fetching.urls import link_key, normalize_url, wire_url
from summarizer.models import Digest

if TYPE_CHECKING:
    import httpx

__all__ = ["DigestService"]

logger = logging.getLogger(__name__)
_Input = TypeVar("_Input", Page, str)
_Result = TypeVar("_Result")

DEDUPE_WINDOW = timedelta(hours=24)


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
        self._pool_started: asyncio.Task[None] | None = None
        self.channels = Channels(platform, lambda: self.store, self.claim, self._claim_first)
        self._running: dict[str, asyncio.Future[Reading]] = {}
        self.limits = RateLimits(
            per_user=settings.rate_per_user,
            per_channel=settings.rate_per_channel,
            redis_url=settings.redis_url,
        )
        self._gate = FetchGate(total=settings.fetch_concurrency, per_host=settings.fetch_per_host)

    async def start(self, *, workers_on_demand: bool = False) -> None:
        """Build the HTTP client, open the store (if possible) and start the workers.

        `workers_on_demand`: a front process whose jobs go to the durable queue
        (`DIGESTBOT_QUEUE=redis`) starts its worker pool only if a job must run
        here after all (Redis refused it): two idle workers are ~170 MB of a
        replica's process tree that `bench load` counts (README, load).
        """
        if self.store is None:
            store = ResilientStore(self.settings)
            await store.start()
            self.store, self.claims = store, store.claims
            self._purging = asyncio.ensure_future(purge_periodically(store, self.settings))
        self._pool = make_pool(self.settings)
        if not workers_on_demand:
            await self._start_pool()  # every worker warm before the first digest
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

    async def digest_url(self, url: str) -> Reading:
        """The digest of the article at `url`, from the cache when it is fresh."""
        key = link_key(url)
        with self.metrics.stage("digest"), self.metrics.in_flight.track_inprogress():
            reading = await self._once(key, url)
        cached = isinstance(reading, Digested) and reading.cached
        self.metrics.outcome(
            "cached" if cached else "ok" if isinstance(reading, Digested) else "error"
        )
        return reading

    async def _once(self, key: str, url: str) -> Reading:
        """Requests for a link already being read here wait for that reading, not a second one."""
        running = self._running.get(key)
        if running is not None:
            self.metrics.cache_lookups.labels("shared").inc()
            return await asyncio.shield(running)
        task = asyncio.ensure_future(self._digest_url(key, url))
        self._running[key] = task
        task.add_done_callback(lambda _: self._running.pop(key, None))
        return await asyncio.shield(task)

    async def _digest_url(self, key: str, url: str) -> Reading:
        shown = normalize_url(url)
        cached = await self._cached(key)
        self.metrics.cache(hit=cached is not None)
        if cached is not None:
            return Digested(shown, cached, cached=True)
        started = time.perf_counter()
        try:
            # The whole reading holds a slot: bounding the CPU work too keeps the event
            # loop (acks, heartbeats) responsive however long the queue gets.
            wire = wire_url(url)
            async with self._gate.slot(urlsplit(wire).hostname or ""):
                digest = await self._work(digest_page, await self._fetch(wire))
        except DigestbotError as exc:
            logger.info("digest failed url=%s error=%s", key, type(exc).__name__)
            return Failure(shown, exc)
        except Exception:
            logger.exception("unexpected failure url=%s", key)
            return Failure(shown, DigestbotError())
        logger.info("digest ok url=%s ms=%.0f", key, (time.perf_counter() - started) * 1000)
        await self._remember(key, digest)
        return Digested(shown, digest)

    async def _fetch(self, url: str) -> Page:
        """Fetch the page; count failures by kind.

        The client (and httpx) load on the first fetch: a front whose jobs go to the
        durable queue never fetches, and httpx is 10 MB of its memory (README, load).
        """
        from summarizer.fetching.fetch import fetch_page, make_client

        if self._client is None:
            self._client = make_client(self.settings.fetch_settings())
        try:
            with self.metrics.stage("fetch"):
                return await fetch_page(
                    url, client=self._client, settings=self.settings.fetch_settings()
                )
        except FetchError as exc:
            self.metrics.fetch_errors.labels(type(exc).__name__).inc()
            raise

    async def digest_text(self, text: str) -> Reading:
        """The digest of pasted text (or Markdown/HTML)."""
        return await self._read(digest_source, text)

    async def digest_document(self, page: Page) -> Reading:
        """The digest of a local document (HTML, PDF) given as a page."""
        return await self._read(digest_page, page)

    async def _read(self, job: Callable[[_Input], Digest], source: _Input) -> Reading:
        try:
            return Digested(None, await self._work(job, source))
        except DigestbotError as exc:
            return Failure(None, exc)
        except Exception:
            logger.exception("unexpected failure on a pasted text or document")
            return Failure(None, DigestbotError())

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

    async def _claim_first(self, key: str, *, ttl: timedelta) -> bool:
        """One authority's answer for a request key (`Claims.claim_first`), no "done" step."""
        return await self.claims.claim_first(key, ttl=ttl)

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

    async def forget(
        self, platform: str, channels: list[str] | None = None, *, workspace: str | None = None
    ) -> int | None:
        """Delete the shares and settings of one `workspace`, else of `channels` (all of
        `platform`'s when None): uninstalls, token revocations, guild removals.

        None when there is no database to delete from (not open, or a test's store).
        """
        store = self.store
        if not isinstance(store, ResilientStore):
            return None

        async def forget(sql: SqlStore) -> int:
            if workspace is not None:
                return await sql.forget_workspace(platform, workspace)
            return await sql.forget_channels(platform, channels)

        return await self._with_store("forget", lambda _: store.with_database(forget))

    def pool_ready(self) -> bool:
        """Whether every worker is alive and warm (readiness); False while one is replaced.

        A pool started on demand and not needed yet is ready: nothing waits for it.
        """
        if self._pool is not None and self._pool_started is None:
            return True
        return self._pool is not None and self._pool.ready()

    async def _start_pool(self) -> None:
        """Start the pool once, however many jobs ask for it at the same moment."""
        assert self._pool is not None, "DigestService.start() was not called"
        if self._pool_started is None:
            self._pool_started = asyncio.ensure_future(self._pool.start())
        await asyncio.shield(self._pool_started)

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
        await self._start_pool()
        assert self._pool is not None
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
