"""Prometheus metrics for one bot process, served on `GET /metrics`.

Each `Metrics` has its own `CollectorRegistry` rather than prometheus-client's
global one, so two services in one process (tests, benchmarks) never collide
and nothing is registered at import. What is counted:

    digestbot_digests_total{platform, outcome}    ok | cached | error | rate_limited
    digestbot_fetch_errors_total{kind}            the FetchError subclass (Timeout, Walled, …)
    digestbot_stage_seconds{stage}                fetch (download + extract), summarize, digest
    digestbot_cache_lookups_total{result}         hit | miss | shared (joined a reading in progress)
    digestbot_digests_in_flight                   digests being made right now
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

__all__ = ["CONTENT_TYPE_LATEST", "STAGE_BUCKETS", "Metrics"]

# Seconds: fetches and summaries run from milliseconds (cache) to the 20 s fetch budget.
STAGE_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 40.0)


class Metrics:
    """The counters and histograms of one service, labelled with its platform."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.registry = CollectorRegistry(auto_describe=True)
        self.digests = Counter(
            "digestbot_digests",
            "Digests answered, by platform and outcome.",
            ["platform", "outcome"],
            registry=self.registry,
        )
        self.fetch_errors = Counter(
            "digestbot_fetch_errors",
            "Links that could not be read, by kind of error.",
            ["kind"],
            registry=self.registry,
        )
        self.stage_seconds = Histogram(
            "digestbot_stage_seconds",
            "Time spent per stage of making a digest.",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=self.registry,
        )
        self.cache_lookups = Counter(
            "digestbot_cache_lookups",
            "Digest cache lookups, by result.",
            ["result"],
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "digestbot_digests_in_flight", "Digests being made now.", registry=self.registry
        )

    def outcome(self, outcome: str) -> None:
        """Count one answered digest request: ok, cached, error or rate_limited."""
        self.digests.labels(self.platform, outcome).inc()

    def cache(self, *, hit: bool) -> None:
        """Count one cache lookup."""
        self.cache_lookups.labels("hit" if hit else "miss").inc()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the body as stage `name` (also when it raises)."""
        with self.stage_seconds.labels(name).time():
            yield

    def exposition(self) -> bytes:
        """The registry in Prometheus text format (content type `CONTENT_TYPE_LATEST`)."""
        return generate_latest(self.registry)
