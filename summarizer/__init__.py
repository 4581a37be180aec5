"""digestbot's platform-neutral core: article in, faithful digest out.

from summarizer import summarize
digest = summarize(open("article.md").read())
"""

from summarizer.errors import DigestbotError, FetchError, InputError
from summarizer.extract import extract
from summarizer.fetch import fetch_article, make_client
from summarizer.models import Article, Digest, Figure, Quote, Sentence
from summarizer.pipeline import summarize
from summarizer.settings import FetchSettings

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
