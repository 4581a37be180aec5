"""Prometheus metrics for one bot process, served on `GET /metrics`.

Each `Metrics` has its own `CollectorRegistry` rather than prometheus-client's
global one, so two services in one process (tests, benchmarks) never collide
and nothing is registered at import. Beside the process and runtime series
prometheus-client collects (`process_resident_memory_bytes` — alert on it
against the memory limit —, `process_cpu_seconds_total`, open fds,
`python_gc_*`, `python_info`), what is counted:

    digestbot_build_info{version, python}          the running build

    digestbot_digests_total{platform, outcome}    ok | cached | error | rate_limited
    digestbot_fetch_errors_total{kind}            the FetchError subclass (Timeout, Walled, …)
    digestbot_stage_seconds{stage}                fetch (download + extract), summarize, digest
    digestbot_cache_lookups_total{result}         hit | miss | shared (joined a reading in progress)
    digestbot_digests_in_flight                   digests being made right now
    digestbot_store_errors_total{operation}        store calls that failed (database or Redis down)
    digestbot_api_errors_total{platform, kind}     Slack/Discord API calls that failed
    digestbot_worker_queue_depth                   durable jobs queued or running (worker)
    digestbot_feedback_total{platform, verdict, lang}  useful | not_useful on a posted digest
"""

from __future__ import annotations

import platform as runtime
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
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
        self.store_errors = Counter(
            "digestbot_store_errors",
            "Store calls that failed, by operation.",
            ["operation"],
            registry=self.registry,
        )
        self.api_errors = Counter(
            "digestbot_api_errors",
            "Slack or Discord API calls that failed, by platform and kind of failure.",
            ["platform", "kind"],
            registry=self.registry,
        )
        self.queue_depth = Gauge(
            "digestbot_worker_queue_depth",
            "Durable jobs queued or running (set by digestbot worker at each readiness probe).",
            registry=self.registry,
        )
        self.feedback_given = Counter(
            "digestbot_feedback",
            "New or changed verdicts on posted digests, by platform, verdict and digest language.",
            ["platform", "verdict", "lang"],
            registry=self.registry,
        )
        Info("digestbot_build", "The running build.", registry=self.registry).info(
            {"version": _version(), "python": runtime.python_version()}
        )
        # The default registry's collectors, registered on ours as well.
        for collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
            self.registry.register(collector)

    def api_error(self, kind: str) -> None:
        """Count one failed call to this platform's API."""
        self.api_errors.labels(self.platform, kind).inc()

    def outcome(self, outcome: str) -> None:
        """Count one answered digest request: ok, cached, error or rate_limited."""
        self.digests.labels(self.platform, outcome).inc()

    def feedback(self, verdict: str, lang: str) -> None:
        """Count one new or changed verdict on a digest in `lang`."""
        self.feedback_given.labels(self.platform, verdict, lang).inc()

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


def _version() -> str:
    try:
        return version("digestbot")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"
