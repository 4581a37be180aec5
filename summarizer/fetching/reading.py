"""A fetched `Page` → `Article`: decode the body, then extract HTML, keep text or read a PDF.

CPU work, run in a worker process (`bots.workers`) or a thread, never on the event
loop. It lives apart from `fetch.py`'s network I/O so that a process that only
fetches and answers chat never imports the extractor, trafilatura or pypdf: the
bot's main process was 60 MB larger with them (README, Load).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import replace

import httpx

from summarizer.errors import NotAnArticle, Unreadable
from summarizer.extraction.extractor import extract
from summarizer.fetching.charset import decode_body
from summarizer.fetching.fetch import Page, body_kind, fetch_page, media_type, quoted_token
from summarizer.fetching.pdf import read_pdf
from summarizer.models import Article
from summarizer.settings import FetchSettings

__all__ = ["fetch_article", "page_article"]

logger = logging.getLogger(__name__)

_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<!--")


async def fetch_article(url: str, *, client: httpx.AsyncClient, settings: FetchSettings) -> Article:
    """Fetch `url` within the settings' limits and turn the page into an `Article`."""
    page = await fetch_page(url, client=client, settings=settings)
    started = time.perf_counter()
    article = await asyncio.to_thread(page_article, page)
    logger.info("extract url=%s chars=%d ms=%.0f", page.url, len(article.text),
                (time.perf_counter() - started) * 1000)  # fmt: skip
    return article


def page_article(page: Page) -> Article:
    """Decode and extract the body according to its type (CPU work: off the event loop)."""
    if not page.body.strip():
        raise Unreadable("empty page")
    declared = media_type(page.content_type)
    kind = body_kind(declared) or _sniff(page.body)
    if kind in ("html", "text"):
        decoded = decode_body(page.body, content_type=page.content_type)
        if kind == "html":
            article = extract(decoded.text, url=page.url)
        else:
            article = Article(text=decoded.text.strip(), url=page.url)
        return replace(article, decoded_from=decoded.guessed)
    if kind == "pdf":
        return read_pdf(page.body, url=page.url)
    raise NotAnArticle(quoted_token(declared) if declared else "unknown type")


def _sniff(body: bytes) -> str | None:
    """What an unlabelled body is, from its first bytes."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(_HTML_STARTS) or b"<html" in head:
        return "html"
    return None
