"""Loaders for the extraction benchmark's page sets, one `Page` shape for all.

Pages are read from `../shared/corpus` next to the repository, raw bytes
untouched (gzip only unwrapped), so decoding stays part of what is measured.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


@dataclass(frozen=True)
class Page:
    """One page and what its set annotates (None / empty where it does not)."""

    set_name: str
    group: str
    raw: bytes
    url: str | None
    text: str = ""
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    title: str | None = None
    author: str | None = None
    date: str | None = None
    id: str = ""


def _records(folder: str, name: str) -> Iterator[dict[str, Any]]:
    with (CORPUS / folder / name).open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def _gz(folder: str, record: dict[str, Any]) -> bytes:
    return gzip.decompress((CORPUS / folder / record["html_file"]).read_bytes())


def _known(value: str | None) -> str | None:
    return None if not value or value == "UNKNOWN" else value


def _joined(value: str | list[str] | None) -> str | None:
    """Several annotated authors compare as one comma-separated string."""
    return ", ".join(value) if isinstance(value, list) else value


def _url(value: str | None) -> str | None:
    return value if value and value.startswith("http") else None


def scrapinghub() -> Iterator[Page]:
    name = "scrapinghub-article-extraction"
    for rec in _records(name, "items.jsonl"):
        yield Page(name, name, _gz(name, rec), _url(rec.get("url")), rec["text"], id=rec["id"])


def trafilatura_eval() -> Iterator[Page]:
    name = "trafilatura-eval-en-zh"
    for rec in _records(name, "evaldata_en_zh.jsonl"):
        raw = _gz(name, rec)
        yield Page(
            name, name, raw, _url(rec.get("url")), "", tuple(rec["with"]), tuple(rec["without"]),
            rec.get("title"), _joined(rec.get("author")), rec.get("date"), rec.get("id", ""),
        )  # fmt: skip


def chinese_web() -> Iterator[Page]:
    name = "chinese-web-content-extraction"
    for rec in _records(name, "items.jsonl"):
        yield Page(
            name, name, _gz(name, rec), None, rec["text"],
            author=_known(rec.get("author")), date=_known(rec.get("publish_time")), id=rec["id"],
        )  # fmt: skip


def chinese_news() -> Iterator[Page]:
    name = "chinese-news-sites"
    for rec in _records(name, "pages.jsonl"):
        group = "human" if rec["gt_kind"] == "human_annotation" else "other"
        yield Page(
            name, f"{name} ({group})", base64.b64decode(rec["html_b64"]), rec.get("url"),
            rec["text"], title=rec.get("title"), author=rec.get("author"),
            date=rec.get("published"), id=rec["id"],
        )  # fmt: skip


SETS: dict[str, Callable[[], Iterator[Page]]] = {
    "scrapinghub-article-extraction": scrapinghub,
    "trafilatura-eval-en-zh": trafilatura_eval,
    "chinese-web-content-extraction": chinese_web,
    "chinese-news-sites": chinese_news,
}
