"""PDF bytes → `Article`, with pypdf.

Input: the whole body of a `application/pdf` response (already within the fetch
size limit). Output: an `Article` whose text is the pages' text, hard-wrapped
lines joined back into paragraphs, pages separated by blank lines, and the
document's /Title when it has one. Failure: `Unreadable` for a broken or
password-protected file, or one with no text layer (a scan).
"""

from __future__ import annotations

import logging
import re
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from summarizer.errors import Unreadable
from summarizer.models import Article

__all__ = ["DEFAULT_MAX_PDF_PAGES", "read_pdf"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_PDF_PAGES = 200  # bounds the CPU a hostile file can cost; a report rarely has more
_BLANK_LINES = re.compile(r"\n\s*\n")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def read_pdf(
    body: bytes, *, url: str | None = None, max_pages: int = DEFAULT_MAX_PDF_PAGES
) -> Article:
    """The text of the first `max_pages` pages as one article."""
    try:
        reader = PdfReader(BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("password-protected PDF")
        pages = [page.extract_text() or "" for page in reader.pages[:max_pages]]
        title = reader.metadata.title if reader.metadata else None
    except (PyPdfError, ValueError, KeyError) as exc:
        raise Unreadable("broken PDF") from exc
    paragraphs = [_unwrap(p) for page in pages for p in _BLANK_LINES.split(page)]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise Unreadable("PDF without a text layer")
    logger.debug("pdf url=%s pages=%d chars=%d", url, len(pages), len(text))
    return Article(text=text, title=(title or "").strip() or None, url=url)


def _unwrap(paragraph: str) -> str:
    """Join a paragraph's hard-wrapped lines: no space between Chinese characters."""
    joined = ""
    for line in (part.strip() for part in paragraph.splitlines()):
        if not line:
            continue
        cjk_seam = bool(joined) and bool(_CJK.match(joined[-1])) and bool(_CJK.match(line[0]))
        joined = f"{joined}{'' if cjk_seam or not joined else ' '}{line}"
    return joined
