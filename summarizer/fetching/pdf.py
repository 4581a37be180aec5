"""PDF bytes → `Article`, with pypdf.

Input: the whole body of a `application/pdf` response (already within the fetch
size limit). Output: an `Article` whose text is the pages' text, hard-wrapped
lines joined back into paragraphs, pages separated by blank lines, and the
document's /Title when it has one. Failure: `Unreadable` for a broken or
password-protected file, or one with no text layer (a scan); `TooLarge` as soon
as the pages read so far hold more text than the summariser would take.
"""

from __future__ import annotations

import logging
import re
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from summarizer.errors import TooLarge, Unreadable
from summarizer.models import Article

__all__ = ["DEFAULT_MAX_PDF_CHARS", "DEFAULT_MAX_PDF_PAGES", "read_pdf"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_PDF_PAGES = 200  # bounds the CPU a hostile file can cost; a report rarely has more
# The summariser refuses text over 2 M characters anyway (extraction.source.MAX_INPUT_CHARS);
# counting while pages are extracted stops a hostile file before it has all been read.
DEFAULT_MAX_PDF_CHARS = 2_000_000
_BLANK_LINES = re.compile(r"\n\s*\n")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def read_pdf(
    body: bytes,
    *,
    url: str | None = None,
    max_pages: int = DEFAULT_MAX_PDF_PAGES,
    max_chars: int = DEFAULT_MAX_PDF_CHARS,
) -> Article:
    """The text of the first `max_pages` pages as one article; `TooLarge` past `max_chars`."""
    try:
        reader = PdfReader(BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("password-protected PDF")
        pages = _page_texts(reader, max_pages, max_chars)
        title = reader.metadata.title if reader.metadata else None
    except (PyPdfError, ValueError, KeyError) as exc:
        raise Unreadable("broken PDF") from exc
    paragraphs = [_unwrap(p) for page in pages for p in _BLANK_LINES.split(page)]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise Unreadable("PDF without a text layer")
    logger.debug("pdf url=%s pages=%d chars=%d", url, len(pages), len(text))
    return Article(text=text, title=(title or "").strip() or None, url=url)


def _page_texts(reader: PdfReader, max_pages: int, max_chars: int) -> list[str]:
    """Each page's text, counted as it grows: a small file can expand to megabytes of text."""
    pages: list[str] = []
    total = 0
    for page in reader.pages[:max_pages]:
        pages.append(page.extract_text() or "")
        total += len(pages[-1])
        if total > max_chars:
            raise TooLarge(f"PDF text over {max_chars:,} characters")
    return pages


def _unwrap(paragraph: str) -> str:
    """Join a paragraph's hard-wrapped lines: no space between Chinese characters.

    Built as a list and joined once; growing one string line by line was
    quadratic (a 10.8 KB PDF of short lines took 46 s).
    """
    pieces: list[str] = []
    for line in (part.strip() for part in paragraph.splitlines()):
        if not line:
            continue
        if pieces and not (_CJK.match(pieces[-1][-1]) and _CJK.match(line[0])):
            pieces.append(" ")
        pieces.append(line)
    return "".join(pieces)
