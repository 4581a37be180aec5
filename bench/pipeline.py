"""Fetch + extract + summarise, per page, from a local HTTP server.

`python -m bench pipeline` (or `python -m bench.pipeline`): serves the Chinese
extraction sets' raw page bytes (GB2312 pages with no charset header, news-site
pages as UTF-8) and a slice of the English scrapinghub pages from a
ThreadingHTTPServer on 127.0.0.1, then times each stage of digestbot's own path
for every page — `fetch_page` (network, SSRF guard included), `page_article`
(charset + extraction) and `summarize` — and prints the median and p90
milliseconds per stage and for the whole. Nothing is asserted; it is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rich.console import Console
from rich.table import Table

from bench.extraction_sets import chinese_news, chinese_web, scrapinghub
from summarizer import summarize
from summarizer.errors import DigestbotError
from summarizer.fetching.fetch import fetch_page, make_client
from summarizer.fetching.reading import page_article
from summarizer.settings import FetchSettings

STAGES = ("fetch", "extract", "summarize", "total")


@contextmanager
def serve(pages: dict[str, bytes]) -> Iterator[str]:
    """Serve `pages` (path → raw bytes, sent as text/html without a charset)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


async def _time_pages(base: str, paths: list[str]) -> tuple[dict[str, list[float]], int]:
    settings = FetchSettings(allow_hosts=("127.0.0.1",))
    times: dict[str, list[float]] = {stage: [] for stage in STAGES}
    failures = 0
    async with make_client(settings) as client:
        for path in paths:
            marks = [time.perf_counter()]
            try:
                page = await fetch_page(base + path, client=client, settings=settings)
                marks.append(time.perf_counter())
                article = page_article(page)
                marks.append(time.perf_counter())
                summarize(article)
                marks.append(time.perf_counter())
            except DigestbotError:
                failures += 1
                continue
            for stage, (start, end) in zip(STAGES, itertools.pairwise(marks), strict=False):
                times[stage].append((end - start) * 1000)
            times["total"].append((marks[-1] - marks[0]) * 1000)
    return times, failures


def main(argv: list[str] | None = None) -> None:
    """Print the per-stage table."""
    parser = argparse.ArgumentParser(prog="python -m bench pipeline", description=__doc__)
    parser.add_argument("--english", type=int, default=40, help="scrapinghub pages to include")
    args = parser.parse_args(argv)
    groups = {
        "GB2312 pages": list(chinese_web()),
        "Chinese news sites": list(chinese_news()),
        "English (scrapinghub)": list(scrapinghub())[: args.english],
    }
    table = Table(title="fetch + extract + summarise from 127.0.0.1, ms per page (median / p90)")
    table.add_column("pages")
    for stage in STAGES:
        table.add_column(stage, justify="right")
    summarize("Warm-up. This loads the dictionary once.")
    for name, pages in groups.items():
        served = {f"/{i}": page.raw for i, page in enumerate(pages)}
        with serve(served) as base:
            times, failures = asyncio.run(_time_pages(base, list(served)))
        row = [f"{name} ({len(pages)}, {failures} refused)"]
        row += [f"{_median(times[s]):.0f} / {_p90(times[s]):.0f}" for s in STAGES]
        table.add_row(*row)
    Console().print(table)


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else _median(values)


if __name__ == "__main__":
    main()
