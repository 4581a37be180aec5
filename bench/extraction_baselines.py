"""The extractors the extraction benchmark compares, behind one call signature.

Each takes the page's raw bytes and its URL and returns an `Output`. Libraries
that accept bytes get bytes and decode them their own way (trafilatura,
readability-lxml, resiliparse); the ones that only take `str` (magic-html,
newspaper4k, goose3) get the bytes decoded by charset-normalizer's best guess —
what `requests`' `apparent_encoding` would give a typical caller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from charset_normalizer import from_bytes

from summarizer.errors import FetchError
from summarizer.extraction.extractor import extract
from summarizer.extraction.html_text import html_to_text


@dataclass(frozen=True)
class Output:
    """What an extractor returned for one page; metadata is None when it has none."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


Extractor = Callable[[bytes, str | None], Output]


def _as_str(raw: bytes) -> str:
    best = from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("utf-8", "replace")


def digestbot(raw: bytes, url: str | None) -> Output:
    try:
        article = extract(raw, url=url)
    except FetchError:
        return Output("")
    return Output(article.text, article.title, article.author, article.published)


def trafilatura_(raw: bytes, url: str | None) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    if doc is None:
        return Output("")
    return Output(doc.text or "", doc.title, doc.author, doc.date)


def readability_(raw: bytes, url: str | None) -> Output:
    from readability import Document

    doc = Document(raw, url=url)
    return Output(html_to_text(doc.summary(html_partial=True)), doc.short_title())


def magic_html(raw: bytes, url: str | None) -> Output:
    from magic_html import GeneralExtractor

    result = GeneralExtractor().extract(_as_str(raw), base_url=url or "")
    return Output(html_to_text(result.get("html") or ""), result.get("title"))


def newspaper4k(raw: bytes, url: str | None) -> Output:
    from newspaper import Article

    article = Article(url or "http://example.com/", fetch_images=False)
    article.download(input_html=_as_str(raw))
    article.parse()
    date = article.publish_date.isoformat() if article.publish_date else None
    return Output(article.text, article.title, ", ".join(article.authors) or None, date)


def goose3(raw: bytes, url: str | None) -> Output:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False}) as goose:
        article = goose.extract(url=url, raw_html=_as_str(raw))
    date = str(article.publish_date) if article.publish_date else None
    return Output(article.cleaned_text, article.title, ", ".join(article.authors) or None, date)


def resiliparse(raw: bytes, url: str | None) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    text = bytes_to_str(raw, detect_encoding(raw))
    return Output(extract_plain_text(text, main_content=True))


EXTRACTORS: dict[str, Extractor] = {
    "digestbot": digestbot,
    "trafilatura": trafilatura_,
    "readability": readability_,
    "magic-html": magic_html,
    "newspaper4k": newspaper4k,
    "goose3": goose3,
    "resiliparse": resiliparse,
}


def run_safely(extractor: Extractor, raw: bytes, url: str | None) -> Output:
    """A crash counts as an empty output, as in the trafilatura evaluation."""
    try:
        return extractor(raw, url)
    except Exception:  # a baseline's bug must not stop the benchmark
        logging.getLogger(__name__).debug("extractor crashed", exc_info=True)
        return Output("")
