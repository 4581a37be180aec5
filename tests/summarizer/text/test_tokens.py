"""Chinese words come from rjieba; they must be jieba's words, and keywords jieba's frequencies.

rjieba (jieba-rs) replaced jieba's own cutter for speed. The equality check
runs on every Chinese corpus text we have: the two cutters may differ only on
runs of Latin letters, digits and dots ("82.35mmx18.5mm", "Mr.Number"): no
Chinese word is ever cut differently.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from summarizer.figures.numbers import number_spans
from summarizer.text.tokens import content_tokens, frequencies, pos_tags, warm_up, words

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"
SETS = [
    CORPUS / "clts-samples" / "clts_samples.jsonl",
    CORPUS / "lcsts-part3" / "lcsts_part3.jsonl",
]


def test_numbers_stay_whole_and_chinese_is_cut_into_words() -> None:
    assert words("阿里巴巴投资了5.3亿人民币", "zh") == ["阿里巴巴", "投资", "了", "5.3亿", "人民币"]


def test_content_tokens_drop_stopwords() -> None:
    assert "的" not in content_tokens("这是我们的电影", "zh")


def test_frequencies_are_jiebas_dictionary_counts(tmp_path: Path) -> None:
    table = warm_up(tmp_path)
    counts = table.counts(["电影", "阿里巴巴", "不是一个词语吧"])
    assert counts["电影"] > counts["阿里巴巴"] > 0
    assert "不是一个词语吧" not in counts
    assert table.total > 60_000_000  # jieba's dict.txt sums to 60,101,967
    assert frequencies() is table


def test_words_asked_again_are_answered_alike_from_memory() -> None:
    table = frequencies()
    first = table.counts(["电影", "不是一个词语吧", "阿里巴巴"])
    again = table.counts(["阿里巴巴", "不是一个词语吧", "电影", "电视"])
    assert again == {**first, "电视": table.counts(["电视"])["电视"]}
    assert "不是一个词语吧" not in again and first["电影"] > 0


def test_part_of_speech_names_people_and_organisations() -> None:
    tags = dict(pos_tags("张凡说，腾讯公司已经签约"))
    assert tags["张凡"] == "nr"
    assert tags["说"] == "v"


def _jieba() -> object:
    jieba = pytest.importorskip("jieba")
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@pytest.mark.skipif(
    not all(path.exists() for path in SETS),
    reason="needs the corpus in ../shared (not in a fresh clone)",
)
def test_rjieba_cuts_every_corpus_sentence_as_jieba_does_outside_letter_digit_runs() -> None:
    import rjieba

    jieba = _jieba()
    compared = differing = 0
    lines = [line for path in SETS for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        text = json.loads(line)["text"]
        position = 0
        for start, end in [*number_spans(text), (len(text), len(text))]:
            piece, position = text[position:start], end
            if not piece.strip():
                continue
            ours = rjieba.cut(piece, hmm=True)
            theirs = list(jieba.cut(piece, HMM=True))  # type: ignore[attr-defined]
            compared += 1
            if ours != theirs:
                differing += 1
                assert all(w.isascii() for w in set(ours) ^ set(theirs)), piece
    assert compared > 600 and differing <= compared // 100
