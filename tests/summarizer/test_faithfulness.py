"""Faithfulness: everything a digest shows is in the article, verbatim.

For every text set in `../shared/corpus` (cnndm, bbc, lcsts, clts, and the
ground-truth `text` of the chinese-news-sites and chinese-web-content-extraction
items), each TL;DR, key point, quote (each part between "…" markers), figure
and figure context must appear in the article after whitespace normalisation.
Sets of more than 100 documents are sampled every second document (sorted as
stored), so each set is covered and the file stays well under a minute;
smaller sets are checked whole. Skips when the corpus is absent.
"""

from __future__ import annotations

import json
import re

import pytest

from summarizer import summarize
from summarizer.models import Digest
from summarizer.ranking.condense import ELLIPSIS
from tests.support.shared_data import CORPUS, needs_shared

SETS = {
    "cnndm": "cnndm-test-frank/cnndm_test_250.jsonl",
    "bbc": "bbc-news-summary/bbc_news_summary_500.jsonl",
    "lcsts": "lcsts-part3/lcsts_part3.jsonl",
    "clts": "clts-samples/clts_samples.jsonl",
    "chinese-news-sites": "chinese-news-sites/pages.jsonl",
    "chinese-web-content-extraction": "chinese-web-content-extraction/items.jsonl",
}
SAMPLE_ABOVE = 100
_SPACE = re.compile(r"\s+")

pytestmark = needs_shared


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _documents(name: str) -> list[tuple[str, str]]:
    with (CORPUS / SETS[name]).open(encoding="utf-8") as lines:
        items = [json.loads(line) for line in lines if line.strip()]
    step = 2 if len(items) > SAMPLE_ABOVE else 1
    return [(item["id"], item["text"]) for item in items[::step] if item.get("text", "").strip()]


def _shown(digest: Digest) -> list[tuple[str, str]]:
    shown = [("tldr", digest.tldr)] + [("key point", p) for p in digest.key_points]
    shown += [("quote", q.text) for q in digest.quotes]
    shown += [("figure", f.text) for f in digest.figures]
    shown += [("figure context", f.context) for f in digest.figures]
    return shown


def unfaithful(text: str, digest: Digest) -> list[str]:
    """Every shown piece not found verbatim in `text`, described for the failure."""
    article = _normal(text)
    missing = []
    for kind, shown in _shown(digest):
        for part in (_normal(p) for p in shown.split(ELLIPSIS)):
            if part and part not in article:
                missing.append(f"{kind}: {part[:80]}")
    return missing


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_digest_is_verbatim(name: str) -> None:
    documents = _documents(name)
    assert documents
    failures = []
    for doc_id, text in documents:
        digest = summarize(text)
        assert digest.tldr, doc_id  # a one-sentence text has no point beside its TL;DR
        failures += [f"{doc_id} {problem}" for problem in unfaithful(text, digest)]
    assert not failures, "\n".join(failures[:20])


def test_the_check_catches_a_paraphrase() -> None:
    """The checker itself: a digest with one reworded point must fail it."""
    text = "The council approved the budget on Monday. Schools get more money this year."
    digest = summarize(text)
    assert unfaithful(text, digest) == []
    reworded = Digest(tldr=digest.tldr, key_points=["The council passed the budget on Monday."])
    assert unfaithful(text, reworded) == ["key point: The council passed the budget on Monday."]
