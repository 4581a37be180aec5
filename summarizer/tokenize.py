"""Words for ranking and keywords: jieba for Chinese, stemmed words for English.

Input: one string. Output: lower-cased content tokens (stopwords and
punctuation removed; numbers kept whole, e.g. "5.3亿", "1,234.5", "23.4%").
jieba's global tokenizer is hidden state (lazy dictionary build, a log handler
installed at import), so digestbot owns one `jieba.Tokenizer`, built by
`warm_up()` at start-up with its cache file in a directory the app chooses.
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from functools import lru_cache
from importlib import resources
from pathlib import Path

import Stemmer

with warnings.catch_warnings():
    # jieba 0.42 imports pkg_resources, which warns on every start-up.
    warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
    import jieba

from summarizer.models import Lang
from summarizer.numbers import number_spans

__all__ = ["content_tokens", "is_stopword", "stem", "tokenizer", "warm_up", "words"]

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
    if lang == "zh":
        return _zh_words(text)
    return _en_words(text)


def content_tokens(text: str, lang: Lang) -> list[str]:
    """Tokens that carry meaning: no stopwords; English stemmed and lower-cased."""
    stop = _stopwords()
    tokens = [w.lower() for w in words(text, lang)]
    kept = [w for w in tokens if w not in stop and (len(w) > 1 or not w.isascii())]
    if lang == "en":
        return list(_stemmer().stemWords(kept))
    return kept


def _zh_words(text: str) -> list[str]:
    cut = tokenizer().cut
    out: list[str] = []
    position = 0
    for start, end in number_spans(text):
        out.extend(w for w in cut(text[position:start]) if _WORDLIKE.search(w) and w.strip())
        out.append(text[start:end])
        position = end
    out.extend(w for w in cut(text[position:]) if _WORDLIKE.search(w) and w.strip())
    return out


def _en_words(text: str) -> list[str]:
    out: list[str] = []
    position = 0
    for start, end in number_spans(text):
        out.extend(_LATIN_WORD.findall(text[position:start]))
        out.append(text[start:end])
        position = end
    out.extend(_LATIN_WORD.findall(text[position:]))
    return out
