"""Words for ranking and keywords: jieba for Chinese, stemmed words for English.

Input: one string. Output: lower-cased content tokens (stopwords and
punctuation removed; numbers kept whole, e.g. "5.3亿", "1,234.5", "23.4%").
jieba's global tokenizer is hidden state (lazy dictionary build, a log handler
installed at import), so digestbot owns one `jieba.Tokenizer`, built by
`warm_up()` at start-up with its cache file in a directory the app chooses.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
import threading
import warnings
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path

import Stemmer

with warnings.catch_warnings():
    # jieba 0.42 imports pkg_resources, which warns on every start-up.
    warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
    import jieba

from summarizer.figures.numbers import number_spans
from summarizer.models import Lang

__all__ = [
    "content_tokens",
    "content_tokens_each",
    "is_stopword",
    "stem",
    "tokenizer",
    "warm_up",
    "words",
]

jieba.setLogLevel(logging.WARNING)

DEFAULT_CACHE_DIR = Path.home() / ".cache" / "digestbot"
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_WORDLIKE = re.compile(r"\w", re.UNICODE)
_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_local = threading.local()


def warm_up(cache_dir: Path | None = None) -> jieba.Tokenizer:
    """Build digestbot's jieba tokenizer once, caching its dictionary in `cache_dir`.

    Called by entry points at start-up so the first digest is not slowed by a
    ~1 s dictionary build; later calls return the same instance.
    """
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            directory = cache_dir or DEFAULT_CACHE_DIR
            directory.mkdir(parents=True, exist_ok=True)
            instance = jieba.Tokenizer()
            instance.tmp_dir = str(directory)
            instance.cache_file = "jieba.cache"
            instance.initialize()
            _tokenizer = instance
        return _tokenizer


def _stemmer() -> Stemmer.Stemmer:
    """One Snowball (PyStemmer, C) stemmer per thread: instances are not thread-safe."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


def stem(word: str) -> str:
    """The English stem of a lower-cased word ("figures" → "figur")."""
    return str(_stemmer().stemWord(word))


def tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer, built with the default cache directory if needed."""
    return _tokenizer or warm_up()


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    data = resources.files("summarizer.data")
    words: set[str] = set()
    for name in ("stopwords-zh.txt", "stopwords-en.txt"):
        text = data.joinpath(name).read_text(encoding="utf-8")
        words.update(line.strip() for line in text.splitlines() if line.strip())
    return frozenset(words)


def is_stopword(token: str) -> bool:
    """True for function words of either language."""
    return token.lower() in _stopwords()


def words(text: str, lang: Lang) -> list[str]:
    """All word tokens of `text` in order (numbers whole), punctuation dropped."""
    return [word for _, word in _positioned_words(text, lang)]


def content_tokens(text: str, lang: Lang) -> list[str]:
    """Tokens that carry meaning: no stopwords; English stemmed and lower-cased."""
    return _content(words(text, lang), lang)


def content_tokens_each(texts: list[str], lang: Lang) -> list[list[str]]:
    """`content_tokens` of each text, tokenising them all in one pass.

    One jieba call over the joined texts instead of one per sentence: the
    per-call overhead was a fifth of the whole digest's time.
    """
    joined = "\n".join(texts)
    ends = list(itertools.accumulate(len(t) + 1 for t in texts))
    buckets: list[list[str]] = [[] for _ in texts]
    for start, word in _positioned_words(joined, lang):
        buckets[bisect.bisect_right(ends, start)].append(word)
    return [_content(bucket, lang) for bucket in buckets]


def _content(tokens: list[str], lang: Lang) -> list[str]:
    stop = _stopwords()
    lowered = (w.lower() for w in tokens)
    kept = [w for w in lowered if w not in stop and (len(w) > 1 or not w.isascii())]
    if lang == "en":
        return list(_stemmer().stemWords(kept))
    return kept


def _positioned_words(text: str, lang: Lang) -> Iterator[tuple[int, str]]:
    """(offset, word) for every word, numbers whole: jieba or Latin words between numbers."""
    position = 0
    for start, end in [*number_spans(text), (len(text), len(text))]:
        yield from _plain_words(text[position:start], position, lang)
        if end > start:
            yield start, text[start:end]
        position = end


def _plain_words(piece: str, offset: int, lang: Lang) -> Iterator[tuple[int, str]]:
    if lang == "en":
        for match in _LATIN_WORD.finditer(piece):
            yield offset + match.start(), match.group()
        return
    for word, start, _ in tokenizer().tokenize(piece):
        if _WORDLIKE.search(word) and word.strip():
            yield offset + start, word
