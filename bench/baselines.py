"""Every system the benchmarks compare, behind one call: (document, budget) → sentences.

- Lead-k: the first k sentences of the benchmark's split.
- sumy TextRank, LexRank, LSA, Luhn: fed the benchmark's pre-split sentences
  through sumy's own document model (`ObjectDocumentModel` → `Paragraph` →
  `Sentence`) with `_PresplitWords` as the tokenizer. sumy's English
  tokenizer needs NLTK's punkt data, which cannot be downloaded here; words
  come from NLTK's Treebank-style word tokenizer (what `nltk.word_tokenize`
  runs inside each sentence, no data needed) or, for Chinese, from sumy's own
  jieba-based tokenizer, both filtered by sumy's own word pattern. Stemmer and
  stop words are sumy's for the language.
- textrank4zh: given the sentences one per line with "\\n" as its only
  delimiter, so it ranks exactly our sentences. networkx 3 removed
  `from_numpy_matrix`, which textrank4zh calls; `_patch_networkx` aliases it to
  `from_numpy_array` (same graph for a dense ndarray) at bench time.
- SnowNLP: its `summary()` re-splits at every comma, so we call the same parts
  it uses (`seg.seg`, `normal.filter_stop`, `summary.textrank.TextRank`) on our
  sentences instead.
- digestbot: `summarizer.summarize(Article(text, title, lang), max_points=k-1)`,
  its TL;DR and key points as the k sentences (the TL;DR is never a point).
  It gets the raw text (not our split) and the title when the set has one;
  the libraries above do not use titles.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from bench.corpora import Document

Summarizer = Callable[[Document, int], list[str]]

SUMY_ALGORITHMS = {
    "sumy-textrank": "sumy.summarizers.text_rank.TextRankSummarizer",
    "sumy-lexrank": "sumy.summarizers.lex_rank.LexRankSummarizer",
    "sumy-lsa": "sumy.summarizers.lsa.LsaSummarizer",
    "sumy-luhn": "sumy.summarizers.luhn.LuhnSummarizer",
}
_SUMY_LANG = {"en": "english", "zh": "chinese"}


def lead(document: Document, budget: int) -> list[str]:
    """The first `budget` sentences: the position prior every news summariser must beat."""
    return list(document.sentences[:budget])


class _PresplitWords:
    """sumy tokenizer for sentences we already split: only `to_words` does work."""

    def __init__(self, lang: str) -> None:
        from sumy.nlp.tokenizers import Tokenizer

        self._is_word = Tokenizer._is_word
        if lang == "zh":
            self._split = Tokenizer.SPECIAL_WORD_TOKENIZERS["chinese"].tokenize
        else:
            from nltk.tokenize import NLTKWordTokenizer

            self._split = NLTKWordTokenizer().tokenize
        self.language = _SUMY_LANG[lang]

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._split(sentence) if self._is_word(w))


@cache
def _sumy_tokenizer(lang: str) -> _PresplitWords:
    return _PresplitWords(lang)


def _sumy_document(sentences: Sequence[str], lang: str) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _sumy_tokenizer(lang)
    return ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])


@cache
def _sumy_summarizer(dotted: str, lang: str) -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module, _, name = dotted.rpartition(".")
    summarizer = getattr(importlib.import_module(module), name)(Stemmer(_SUMY_LANG[lang]))
    summarizer.stop_words = get_stop_words(_SUMY_LANG[lang])
    return summarizer


def sumy_system(dotted: str) -> Summarizer:
    """A sumy algorithm, given by its dotted class path, as a benchmark system."""

    def run(document: Document, budget: int) -> list[str]:
        summarizer = _sumy_summarizer(dotted, document.lang)
        picked = summarizer(_sumy_document(document.sentences, document.lang), budget)
        return [str(s) for s in picked]

    return run


def _patch_networkx() -> None:
    """Give networkx 3 back the `from_numpy_matrix` name textrank4zh still calls."""
    import networkx

    if not hasattr(networkx, "from_numpy_matrix"):
        networkx.from_numpy_matrix = networkx.from_numpy_array


def textrank4zh(document: Document, budget: int) -> list[str]:
    """textrank4zh's sentence TextRank over our sentences (one per line)."""
    _patch_networkx()
    from textrank4zh import TextRank4Sentence

    ranker = TextRank4Sentence(delimiters=["\n"])
    ranker.analyze("\n".join(document.sentences))
    best = ranker.get_key_sentences(num=budget)
    return [item.sentence for item in sorted(best, key=lambda item: item.index)]


def snownlp(document: Document, budget: int) -> list[str]:
    """SnowNLP's BM25 TextRank over our sentences, with its own words and stop list."""
    from snownlp import normal, seg
    from snownlp.summary.textrank import TextRank

    sentences = list(document.sentences)
    rank = TextRank([normal.filter_stop(seg.seg(s)) for s in sentences])
    rank.solve()
    return [sentences[i] for i in sorted(rank.top_index(budget))]


def digestbot(document: Document, budget: int) -> list[str]:
    """digestbot's TL;DR and `budget` − 1 key points (distinct), each as one summary sentence."""
    from summarizer import summarize
    from summarizer.models import Article

    article = Article(text=document.text, title=document.title, lang=document.lang)
    digest = summarize(article, lang=document.lang, max_points=max(0, budget - 1))
    return [digest.tldr, *digest.key_points][:budget]


def digestbot_available() -> bool:
    """Whether the summarizer core exposes `summarize` yet (it is built in parallel)."""
    try:
        from summarizer import summarize  # noqa: F401
    except ImportError:
        return False
    return True


LIBRARIES: dict[str, tuple[Summarizer, tuple[str, ...]]] = {
    "lead": (lead, ("en", "zh")),
    **{name: (sumy_system(path), ("en", "zh")) for name, path in SUMY_ALGORITHMS.items()},
    "textrank4zh": (textrank4zh, ("zh",)),
    "snownlp": (snownlp, ("zh",)),
}
ALL_SYSTEMS = ("digestbot", *LIBRARIES)


def systems_for(lang: str, names: Sequence[str] = ALL_SYSTEMS) -> dict[str, Summarizer]:
    """The requested systems that apply to `lang`, in a stable order; digestbot first."""
    chosen: dict[str, Summarizer] = {}
    if "digestbot" in names and digestbot_available():
        chosen["digestbot"] = digestbot
    for name, (system, langs) in LIBRARIES.items():
        if name in names and lang in langs:
            chosen[name] = system
    return chosen
