"""A real HTTP server on 127.0.0.1 for end-to-end tests: `article_server` and `fetch_settings`.

One threaded stdlib server runs for the whole session; each test registers its own
routes, which are cleared when the test ends. Threads, so sync and async tests both
work. Routes (each returns the absolute URL of `path`):

    article_server.add(path, body, *, status=200, headers=None, delay=0.0)
        a fixed response; `delay` seconds pass before the status line is sent.
        Without a Content-Type header the server sends "text/html; charset=utf-8";
        pass `headers={"Content-Type": None}` to send none at all.
    article_server.redirect(path, location, *, status=302)
        `location` may be a path on this server or any absolute URL.
    article_server.sequence(path, [(status, body), ...], *, headers=None)
        the n-th request gets the n-th answer, the last one repeats (500-then-200).
    article_server.stream(path, size, *, content_type=..., chunk=65536, interval=0.0,
                          declare_length=True)
        `size` bytes of "a" sent in chunks, stopping quietly when the client hangs up.
    article_server.gzip_bomb(path, size=..., *, content_type="text/html")
        a gzip body that inflates to `size` bytes (a few KB on the wire).
    article_server.corpus(path, relative, *, content_type="text/html")
        a page from `../shared/corpus` (`.gz` files are served decompressed);
        skips the test when the shared corpus is absent.

    article_server.url(path) -> str;  article_server.hits(path) -> int
    article_server.targets -> every request target received, exactly as on the wire
    article_server.requests(path) -> list of header dicts the server received
    article_server.bytes_sent(path) -> body bytes written so far (did a client stop early?)

`fetch_settings` is a `FetchSettings` that allows 127.0.0.1 and gives up after 3 s.
"""

from __future__ import annotations

import gzip
import sys
import threading
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from summarizer.settings import FetchSettings
from tests.support.shared_data import CORPUS, NO_SHARED

DEFAULT_CONTENT_TYPE = "text/html; charset=utf-8"
_FILL = b"a" * 65536


class _QuietServer(ThreadingHTTPServer):
    """A client hanging up mid-request (a fetch cancelled at its budget, `bench load`'s
    senders at shutdown) is the client's business: no traceback on stderr."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class Answer:
    """One canned response; `chunks` lets a route stream instead of sending `body`."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str | None] = field(default_factory=dict)
    delay: float = 0.0
    chunks: Iterator[bytes] | None = None
    sent: int = 0


@dataclass
class _Route:
    answers: list[Answer]
    seen: list[dict[str, str]] = field(default_factory=list)

    def next_answer(self) -> Answer:
        index = min(len(self.seen) - 1, len(self.answers) - 1)
        return self.answers[index]


class ArticleServer:
    """Routes registered by tests, served by a background `ThreadingHTTPServer`."""

    def __init__(self) -> None:
        self._routes: dict[str, _Route] = {}
        self._lock = threading.Lock()
        self.targets: list[str] = []
        self._httpd = _QuietServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset(self) -> None:
        with self._lock:
            self._routes.clear()
            self.targets.clear()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        with self._lock:
            route = self._routes.get(path)
            return len(route.seen) if route else 0

    def requests(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            route = self._routes.get(path)
            return list(route.seen) if route else []

    def bytes_sent(self, path: str) -> int:
        with self._lock:
            route = self._routes.get(path)
            return sum(answer.sent for answer in route.answers) if route else 0

    def _put(self, path: str, *answers: Answer) -> str:
        with self._lock:
            self._routes[path] = _Route(list(answers))
        return self.url(path)

    def add(
        self,
        path: str,
        body: bytes,
        *,
        status: int = 200,
        headers: Mapping[str, str | None] | None = None,
        delay: float = 0.0,
    ) -> str:
        return self._put(path, Answer(status, body, dict(headers or {}), delay))

    def redirect(self, path: str, location: str, *, status: int = 302) -> str:
        target = self.url(location) if location.startswith("/") else location
        return self._put(path, Answer(status, b"", {"Location": target}))

    def sequence(
        self,
        path: str,
        answers: list[tuple[int, bytes]],
        *,
        headers: Mapping[str, str | None] | None = None,
    ) -> str:
        return self._put(path, *(Answer(s, b, dict(headers or {})) for s, b in answers))

    def stream(
        self,
        path: str,
        size: int,
        *,
        content_type: str = DEFAULT_CONTENT_TYPE,
        chunk: int = 65536,
        interval: float = 0.0,
        declare_length: bool = True,
    ) -> str:
        headers: dict[str, str | None] = {"Content-Type": content_type}
        if declare_length:
            headers["Content-Length"] = str(size)
        answer = Answer(headers=headers, chunks=_chunks(size, min(chunk, len(_FILL)), interval))
        return self._put(path, answer)

    def gzip_bomb(
        self, path: str, size: int = 32 * 1024 * 1024, *, content_type: str = "text/html"
    ) -> str:
        headers = {"Content-Type": content_type, "Content-Encoding": "gzip"}
        return self.add(path, _gzip_zeros(size), headers=headers)

    def corpus(self, path: str, relative: str, *, content_type: str | None = "text/html") -> str:
        source = CORPUS / relative
        if not source.exists():
            pytest.skip(NO_SHARED)
        data = source.read_bytes()
        body = gzip.decompress(data) if source.suffix == ".gz" else data
        return self.add(path, body, headers={"Content-Type": content_type})

    def _take(self, path: str, headers: dict[str, str]) -> Answer | None:
        with self._lock:
            route = self._routes.get(path)
            if route is None:
                return None
            route.seen.append(headers)
            return route.next_answer()


def _chunks(size: int, chunk: int, interval: float) -> Iterator[bytes]:
    sent = 0
    while sent < size:
        piece = _FILL[: min(chunk, size - sent)]
        sent += len(piece)
        yield piece
        if interval:
            time.sleep(interval)


@lru_cache(maxsize=4)
def _gzip_zeros(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip container
    block = bytes(1024 * 1024)
    parts = [
        packer.compress(block[: min(len(block), size - done)])
        for done in range(0, size, len(block))
    ]
    return b"".join(parts) + packer.flush()


def _make_handler(server: ArticleServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with server._lock:
                server.targets.append(self.path)
            answer = server._take(path, dict(self.headers.items()))
            if answer is None:
                answer = Answer(404, b"<html><body>not found</body></html>")
            time.sleep(answer.delay)
            try:
                self._send(answer)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _send(self, answer: Answer) -> None:
            self.send_response(answer.status)
            headers = {"Content-Type": DEFAULT_CONTENT_TYPE, **answer.headers}
            if answer.chunks is None:
                headers.setdefault("Content-Length", str(len(answer.body)))
            else:
                headers["Connection"] = "close"
                self.close_connection = True
            for name, value in headers.items():
                if value is not None:
                    self.send_header(name, value)
            self.end_headers()
            for piece in answer.chunks or iter([answer.body]):
                self.wfile.write(piece)
                answer.sent += len(piece)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: pytest output is for test results."""

    return Handler


@pytest.fixture(scope="session")
def _article_server_session() -> Iterator[ArticleServer]:
    server = ArticleServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def article_server(_article_server_session: ArticleServer) -> Iterator[ArticleServer]:
    """The session's local HTTP server, with this test's routes only."""
    yield _article_server_session
    _article_server_session.reset()


@pytest.fixture
def fetch_settings() -> FetchSettings:
    """Fetch limits for tests: 127.0.0.1 allowed, a short total budget."""
    return FetchSettings(allow_hosts=("127.0.0.1",), total_timeout=3.0, connect_timeout=1.0)
