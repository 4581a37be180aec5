"""digestbot's platform-neutral core: article in, faithful digest out.

    from summarizer import summarize
    digest = summarize(open("article.md").read())

`summarize`, `extract`, `fetch_article` and `make_client` are loaded on first
use. `extract` and `fetch_article` pull in trafilatura, readability and pypdf
(~0.7 s), which a digest of plain text or Markdown never needs — the CLI's
cold start depends on it; `summarize` pulls in the ranking, jieba's dictionary
and the figures (~35 MB), which a bot's main process never needs: its workers
summarise (README, Load).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from summarizer.errors import DigestbotError, FetchError, InputError
from summarizer.models import Article, Digest, Figure, Quote, Sentence
from summarizer.settings import FetchSettings

if TYPE_CHECKING:
    from summarizer.extraction.extractor import extract
    from summarizer.fetching.fetch import make_client
    from summarizer.fetching.reading import fetch_article
    from summarizer.pipeline import summarize

_LAZY = {
    "summarize": "summarizer.pipeline",
    "extract": "summarizer.extraction.extractor",
    "fetch_article": "summarizer.fetching.reading",
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
