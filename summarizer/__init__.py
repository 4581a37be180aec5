"""digestbot's platform-neutral core: article in, faithful digest out.

    from summarizer import summarize
    digest = summarize(open("article.md").read())

`extract`, `fetch_article` and `make_client` are loaded on first use: they
pull in trafilatura, readability, pypdf and httpx (~0.7 s), which a digest of
plain text or Markdown never needs — the CLI's cold start depends on it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from summarizer.errors import DigestbotError, FetchError, InputError
from summarizer.models import Article, Digest, Figure, Quote, Sentence
from summarizer.pipeline import summarize
from summarizer.settings import FetchSettings

_LAZY = {
    "extract": "summarizer.extraction.extractor",
    "fetch_article": "summarizer.fetching.fetch",
    "make_client": "summarizer.fetching.fetch",
}

__all__ = [
    "Article",
    "Digest",
    "DigestbotError",
    "FetchError",
    "FetchSettings",
    "Figure",
    "InputError",
    "Quote",
    "Sentence",
    "extract",
    "fetch_article",
    "make_client",
    "summarize",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
