"""The benchmark sets in `../shared/corpus`, loaded as documents split into sentences.

Every baseline must rank the same candidate sentences, so the split happens
here, once, with ONE splitter per language: pysbd for English (paragraph by
paragraph) and a punctuation splitter for Chinese (。！？；… plus closing
quotes and brackets). digestbot is the exception on purpose: it gets the raw
text and does its own splitting, because that is part of what it is measured on.
References are split the same way, so ROUGE-Lsum sees one sentence per line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import frontmatter
import pysbd

from summarizer.models import Lang

CORPUS_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
# The sample ships with the bot (the console adapter digests it), so a fresh clone has it.
SAMPLE_ARTICLE = (
    Path(__file__).resolve().parents[1] / "bots" / "samples" / "huxiu-118050-internet-plus-film.md"
)

_ZH_SENTENCE = re.compile(r"[^。！？!?；;…\n]*(?:[。！？!?；;…]+[”」』）)】’\"']*|\n|$)")


@dataclass(frozen=True, slots=True)
class Document:
    """One article with its reference summary, both pre-split into sentences."""

    id: str
    lang: Lang
    text: str
    sentences: tuple[str, ...]
    reference: tuple[str, ...]
    title: str | None = None


@dataclass(frozen=True, slots=True)
class CorpusSet:
    """Where a set lives, which field holds its reference, and its sentence budget."""

    name: str
    path: str
    lang: Lang
    reference_field: str
    budget: Callable[[Document], int]
    budget_label: str


SETS: dict[str, CorpusSet] = {
    s.name: s
    for s in (
        CorpusSet(
            "cnndm", "cnndm-test-frank/cnndm_test_250.jsonl", "en", "summary", lambda d: 3, "3"
        ),
        CorpusSet(
            "bbc",
            "bbc-news-summary/bbc_news_summary_500.jsonl",
            "en",
            "summary_spaced",
            lambda d: len(d.reference),
            "= reference sentences",
        ),
        CorpusSet("clts", "clts-samples/clts_samples.jsonl", "zh", "summary", lambda d: 2, "2"),
        CorpusSet("lcsts", "lcsts-part3/lcsts_part3.jsonl", "zh", "summary", lambda d: 1, "1"),
    )
}


@cache
def _english_segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def split_chinese(text: str) -> list[str]:
    """Chinese sentences ending in 。！？；… with their closing quotes kept attached."""
    pieces = (m.group(0).strip() for m in _ZH_SENTENCE.finditer(text))
    return [p for p in pieces if p]


def split_english(text: str) -> list[str]:
    """English sentences by pysbd, never across a line or paragraph break."""
    segmenter = _english_segmenter()
    sentences: list[str] = []
    for paragraph in text.splitlines():
        if paragraph.strip():
            sentences.extend(s.strip() for s in segmenter.segment(paragraph) if s.strip())
    return sentences


def split_sentences(text: str, lang: str) -> list[str]:
    """The one sentence split every baseline and every reference gets, per language."""
    return split_chinese(text) if lang == "zh" else split_english(text)


def make_document(
    doc_id: str, lang: Lang, text: str, reference: str = "", title: str | None = None
) -> Document:
    """A document with its text and reference split the benchmark's one way."""
    return Document(
        id=doc_id,
        lang=lang,
        text=text,
        sentences=tuple(split_sentences(text, lang)),
        reference=tuple(split_sentences(reference, lang)),
        title=title,
    )


def available(corpus_dir: Path = CORPUS_DIR) -> list[str]:
    """Names of the sets whose files are present (the corpus is not in the repo)."""
    return [name for name, spec in SETS.items() if (corpus_dir / spec.path).is_file()]


def load(name: str, *, limit: int | None = None, corpus_dir: Path = CORPUS_DIR) -> list[Document]:
    """The first `limit` documents of set `name`, in file order."""
    spec = SETS[name]
    return list(_read(spec, corpus_dir / spec.path, limit))


def _read(spec: CorpusSet, path: Path, limit: int | None) -> Iterator[Document]:
    with path.open(encoding="utf-8") as lines:
        count = 0
        for line in lines:
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            row = json.loads(line)
            count += 1
            yield make_document(
                row["id"], spec.lang, row["text"], row[spec.reference_field], row.get("title")
            )


def load_sample(path: Path = SAMPLE_ARTICLE) -> Document:
    """The bundled huxiu.com speech article: its body, titled from the front matter."""
    post = frontmatter.loads(path.read_text(encoding="utf-8"))
    title = post.metadata.get("title")
    return make_document(path.stem, "zh", post.content, title=str(title) if title else None)


NEWS_SITES = "chinese-news-sites/pages.jsonl"


def news_site_texts(*, limit: int | None = None, corpus_dir: Path = CORPUS_DIR) -> list[Document]:
    """Main texts of the Chinese news-site pages (ground truth, no reference summary)."""
    path = corpus_dir / NEWS_SITES
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [make_document(r["id"], "zh", r["text"], title=r.get("title")) for r in rows[:limit]]
