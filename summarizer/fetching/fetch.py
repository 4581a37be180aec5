"""Link → `Page` (the body and its type): the only network I/O in the core.

Input: an http(s) URL, the app's one shared `httpx.AsyncClient` (from
`make_client`) and `FetchSettings`. Output: a `Page`, which
`summarizer.fetching.reading` turns into an `Article` (HTML through the
extractor, plain text, PDF) — in a worker process, so a process that only
fetches never imports the extractor, trafilatura or pypdf. Failure: one of
the `FetchError` subclasses in `summarizer.errors`; httpx's exceptions are
wrapped here and nowhere else.

Limits (all from `FetchSettings`): the whole fetch — DNS, retries, redirects and
the body — must finish within `total_timeout`; the body is streamed and counted
after decompression, so a gzip bomb stops at `max_bytes` like any large page;
redirects are followed by hand (at most `max_redirects`) so the SSRF guard in
`summarizer.fetching.netguard` sees every hop. Connection errors and 502/503/504 get one
retry after a short back-off; a 429 with `Retry-After` is waited out once, when
the wait fits in what is left of the budget. Only gzip and deflate are asked for:
their worst-case expansion per network read is bounded (~1000×), brotli's is not.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from summarizer.errors import (
    FetchError,
    HTTPStatus,
    InvalidURL,
    NotAnArticle,
    Timeout,
    TooLarge,
    Unreachable,
    Unreadable,
)
from summarizer.fetching.netguard import AddressPolicy, GuardedTransport, Resolver, system_resolve
from summarizer.fetching.page import Page
from summarizer.fetching.urls import require_http_url, strip_userinfo
from summarizer.settings import FetchSettings

__all__ = ["Page", "body_kind", "fetch_page", "make_client", "media_type", "quoted_token"]

logger = logging.getLogger(__name__)

DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
RETRY_BACKOFF = 0.5
_RETRY_STATUSES = frozenset({502, 503, 504})
_RETRY_ERRORS = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.ReadError,
    httpx.RemoteProtocolError,
)
_ENCODINGS = frozenset({"", "identity", "gzip", "x-gzip", "deflate"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_SNIFFED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+/-]*")
TOKEN_CHARS = 40


@dataclass(frozen=True, slots=True)
class _Response:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes = b""


def make_client(
    settings: FetchSettings, *, resolver: Resolver = system_resolve
) -> httpx.AsyncClient:
    """The one client an app builds at start and closes at shutdown.

    Every request it sends passes the SSRF guard; it ignores proxy variables from the
    environment, since a proxy would resolve names itself, after our check.
    """
    transport = GuardedTransport(
        policy=AddressPolicy.from_allow_hosts(settings.allow_hosts),
        resolve_timeout=settings.connect_timeout,
        resolver=resolver,
    )
    headers = {
        "User-Agent": settings.user_agent,
        "Accept-Language": settings.accept_language,
        "Accept": DEFAULT_ACCEPT,
        "Accept-Encoding": "gzip, deflate",
    }
    timeout = httpx.Timeout(settings.total_timeout, connect=settings.connect_timeout)
    return httpx.AsyncClient(transport=transport, headers=headers, timeout=timeout, trust_env=False)


async def fetch_page(url: str, *, client: httpx.AsyncClient, settings: FetchSettings) -> Page:
    """Fetch `url` within the settings' limits: the network half of `fetch_article`.

    Apps that run extraction in a worker process call this, then
    `summarizer.fetching.reading.page_article` in the worker, so the CPU work
    never holds the event loop's interpreter.
    """
    require_http_url(url)
    url = strip_userinfo(url)
    started = time.perf_counter()
    deadline = asyncio.get_running_loop().time() + settings.total_timeout
    try:
        async with asyncio.timeout_at(deadline):
            response = await _follow(url, client, settings, deadline)
    except TimeoutError as exc:
        raise Timeout(f"{settings.total_timeout:g} s") from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise _wrap(exc) from exc
    logger.info(
        "fetch url=%s status=%d bytes=%d ms=%.0f",
        response.url, response.status, len(response.body), (time.perf_counter() - started) * 1000,
    )  # fmt: skip
    return Page(response.url, response.headers.get("content-type"), response.body)


def _wrap(exc: httpx.HTTPError | httpx.InvalidURL) -> FetchError:
    """httpx's exception as ours: the one place the foreign tree is translated."""
    if isinstance(exc, httpx.TimeoutException):
        return Timeout()
    if isinstance(exc, httpx.DecodingError):
        return Unreadable("bad compressed body")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return InvalidURL(str(exc))
    return Unreachable(type(exc).__name__)


async def _follow(
    url: str, client: httpx.AsyncClient, settings: FetchSettings, deadline: float
) -> _Response:
    """GET `url`, following at most `max_redirects` redirects, each one re-checked."""
    for _hop in range(settings.max_redirects + 1):
        response = await _get_with_retry(url, client, settings.max_bytes, deadline)
        location = response.headers.get("location")
        if not 300 <= response.status < 400 or not location:
            if response.status >= 300:
                raise HTTPStatus(response.status)
            return response
        url = strip_userinfo(str(httpx.URL(response.url).join(location)))
        try:
            require_http_url(url)
        except InvalidURL as exc:  # the server's Location is never echoed to the chat
            raise InvalidURL("redirected to a link that is not http(s)") from exc
        logger.debug("redirect status=%d to=%s", response.status, url)
    raise HTTPStatus(response.status, "too many redirects")


async def _get_with_retry(
    url: str, client: httpx.AsyncClient, max_bytes: int, deadline: float
) -> _Response:
    """One GET, retried once on a connection error or 502/503/504, and once after a 429."""
    can_retry = can_wait = True
    while True:
        try:
            response = await _get(url, client, max_bytes)
        except _RETRY_ERRORS as exc:
            if not can_retry:
                raise
            can_retry, pause, reason = False, RETRY_BACKOFF, type(exc).__name__
        else:
            wait = _pause(response, deadline, can_retry=can_retry, can_wait=can_wait)
            if wait is None:
                return response
            pause = wait
            if response.status == 429:
                can_wait = False
            else:
                can_retry = False
            reason = f"status {response.status}"
        logger.info("retry url=%s after %s in %.1f s", url, reason, pause)
        await asyncio.sleep(pause)


def _pause(
    response: _Response, deadline: float, *, can_retry: bool, can_wait: bool
) -> float | None:
    """Seconds to wait before asking again, or None to take this answer as it is."""
    if response.status in _RETRY_STATUSES and can_retry:
        return RETRY_BACKOFF
    if response.status != 429 or not can_wait:
        return None
    delay = _retry_after(response.headers.get("retry-after", ""))
    left = deadline - asyncio.get_running_loop().time()
    return delay if delay is not None and delay < left else None


def _retry_after(value: str) -> float | None:
    """`Retry-After` as seconds from now; it is either a number or an HTTP date."""
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


async def _get(url: str, client: httpx.AsyncClient, max_bytes: int) -> _Response:
    """One streamed GET; reads the body only for a success that could be an article."""
    async with client.stream("GET", url) as response:
        answer = _Response(str(response.url), response.status_code, response.headers)
        if not response.is_success:
            return answer
        _refuse_early(response.headers, max_bytes)
        chunks: list[bytes] = []
        total = 0
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            if total > max_bytes:
                raise TooLarge(f"> {max_bytes:,} bytes")
            chunks.append(chunk)
    return _Response(answer.url, answer.status, answer.headers, b"".join(chunks))


def _refuse_early(headers: httpx.Headers, max_bytes: int) -> None:
    """Refuse from the headers alone what the body could not change."""
    kind = media_type(headers.get("content-type"))
    if body_kind(kind) is None and kind not in _SNIFFED_TYPES:
        raise NotAnArticle(quoted_token(kind))
    encoding = headers.get("content-encoding", "").strip().lower()
    if encoding not in _ENCODINGS:
        raise Unreadable(f"content-encoding {quoted_token(encoding)}")
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"{int(declared):,} bytes")


def quoted_token(header_value: str) -> str:
    """A header value fit to quote in a chat line: its first word-like run, shortened.

    The server writes these headers; "image/x [verify your account](https://evil…)"
    must reach the chat as "image/x", never as a link.
    """
    match = _TOKEN.search(header_value)
    return match.group()[:TOKEN_CHARS] if match else "unknown"


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lowercased, without parameters."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def body_kind(media: str) -> str | None:
    """ "html", "text" or "pdf" for the media types we read; None for any other."""
    if media in _HTML_TYPES:
        return "html"
    if media == "text/plain":
        return "text"
    if media == "application/pdf":
        return "pdf"
    return None
