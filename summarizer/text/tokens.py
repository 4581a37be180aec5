"""Words for ranking and keywords: jieba's segmentation for Chinese, stemmed words for English.

Input: one string. Output: lower-cased content tokens (stopwords and
punctuation removed; numbers kept whole, e.g. "5.3亿", "1,234.5", "23.4%").

Chinese is cut by rjieba, the maintained binding of jieba-rs: the same
dictionary and HMM as jieba, measured 11–25× faster per sentence, 0.15 s to
load instead of ~1 s, and the same Chinese words on the CLTS and LCSTS texts once numbers
are cut out first (the only differences are runs of Latin letters, digits and
dots such as "82.35mmx18.5mm" or "Mr.Number", never a Chinese word —
`tests/summarizer/text/test_tokens.py` checks this on the corpora). rjieba has
no frequency table, and keywords need jieba's dictionary frequencies: `warm_up`
reads them from jieba's own `dict.txt` once into a SQLite table in the cache
directory (opened at once; jieba's pickled prefix dictionary took 1.0 s to load,
and importing jieba itself pulls in `pkg_resources`). jieba is never imported.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
import sqlite3
import threading
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import rjieba
import Stemmer

from summarizer.figures.numbers import number_spans
from summarizer.models import Lang

__all__ = [
    "Cut",
    "Frequencies",
    "content_tokens",
    "content_words_each",
    "cut_each",
    "frequencies",
    "pos_tags",
    "stem",
    "stem_all",
    "stopwords",
    "warm_up",
    "words",
]

DEFAULT_CACHE_DIR = Path.home() / ".cache" / "digestbot"
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_WORDLIKE = re.compile(r"\w", re.UNICODE)
_lock = threading.Lock()
_frequencies: Frequencies | None = None
_local = threading.local()


class Frequencies:
    """jieba's dictionary counts, looked up in a SQLite table built once from its `dict.txt`.

    A dict of its 349,045 words took 0.4 s to unmarshal at every start; the
    table opens at once and a digest asks for its few hundred words in one query.
    """

    def __init__(self, path: Path, total: int) -> None:
        self.path = path
        self.total = total
        self._local = threading.local()
        self._known: dict[str, int] = {}  # word → count, _ABSENT when not in the dictionary

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        """{word: count} for those of `words` in the dictionary.

        Words asked before are answered from memory (the table never changes): the
        query for a Chinese article's ~280 words was 0.7 ms, 7 % of its digest, and
        news repeats its vocabulary. The memory is bounded by `_KNOWN_LIMIT` words.
        """
        wanted = list(dict.fromkeys(words))
        known = self._known  # replaced, never cleared, when full: safe to read from threads
        found = self._look_up([w for w in wanted if w not in known])
        counts = ((w, found.get(w, known.get(w, _ABSENT))) for w in wanted)
        return {w: count for w, count in counts if count != _ABSENT}

    def _look_up(self, words: list[str]) -> dict[str, int]:
        if len(self._known) + len(words) > _KNOWN_LIMIT:
            self._known = {}
        found: dict[str, int] = dict.fromkeys(words, _ABSENT)
        for i in range(0, len(words), _SQL_BATCH):
            batch = words[i : i + _SQL_BATCH]
            marks = ",".join("?" * len(batch))
            rows = self._connection().execute(
                f"SELECT word, count FROM freq WHERE word IN ({marks})", batch
            )
            found.update(rows)
        self._known.update(found)
        return found

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            uri = f"{self.path.as_uri()}?mode=ro"
            connection = self._local.connection = sqlite3.connect(uri, uri=True)
        return connection


_SQL_BATCH = 500  # SQLite's host-parameter limit is 999 on older builds
_KNOWN_LIMIT = 200_000  # words kept in memory (~20 MB at most); then it starts afresh
_ABSENT = -1


def warm_up(cache_dir: Path | None = None) -> Frequencies:
    """Load the Chinese cutter and the word frequencies once, caching them in `cache_dir`.

    Called by entry points at start-up so the first digest is not slowed;
    later calls return the same table.
    """
    global _frequencies
    with _lock:
        if _frequencies is None:
            rjieba.cut("预热")  # loads rjieba's built-in dictionary
            _frequencies = _load_frequencies(cache_dir or DEFAULT_CACHE_DIR)
        return _frequencies


def frequencies() -> Frequencies:
    """The shared frequency table, loaded with the default cache directory if needed."""
    return _frequencies or warm_up()


def pos_tags(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) in jieba's tag set ("nr" person, "nt" organisation, "v" verb…)."""
    return list(rjieba.tag(text, hmm=True))  # already (word, tag) tuples


def _load_frequencies(directory: Path) -> Frequencies:
    """The table of jieba's `dict.txt`, built on first use, named by the file's stamp."""
    source = _jieba_dictionary()
    stamp = source.stat()
    path = directory / f"jieba-freq-{stamp.st_size}-{int(stamp.st_mtime)}.sqlite3"
    if not path.exists():
        _build_table(source, path)
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        (total,) = connection.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()
    return Frequencies(path, int(total))


def _build_table(source: Path, path: Path) -> None:
    """Write the table beside its final name, then rename: concurrent workers never see half."""
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        word, count, *_ = line.split(" ")
        rows.append((word, int(count)))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with closing(sqlite3.connect(temporary)) as connection, connection:
        connection.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, count INTEGER) WITHOUT ROWID")
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER)")
        connection.executemany("INSERT OR REPLACE INTO freq VALUES (?, ?)", rows)
        total = sum(count for _, count in rows)
        connection.execute("INSERT INTO meta VALUES ('total', ?)", (total,))
    temporary.replace(path)


def _jieba_dictionary() -> Path:
    """jieba's dictionary file, found without importing jieba (its import costs ~0.3 s)."""
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed: its dictionary gives the keyword frequencies")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _stemmer() -> Stemmer.Stemmer:
    """One Snowball (PyStemmer, C) stemmer per thread: instances are not thread-safe."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer


def stem(word: str) -> str:
    """The English stem of a lower-cased word ("figures" → "figur")."""
    return str(_stemmer().stemWord(word))


def stem_all(words: list[str]) -> list[str]:
    """`stem` of each word, in one call into the C stemmer."""
    return list(_stemmer().stemWords(words))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words of either language, lower-cased."""
    data = resources.files("summarizer.data")
    words: set[str] = set()
    for name in ("stopwords-zh.txt", "stopwords-en.txt"):
        text = data.joinpath(name).read_text(encoding="utf-8")
        words.update(line.strip() for line in text.splitlines() if line.strip())
    return frozenset(words)


def words(text: str, lang: Lang) -> list[str]:
    """All word tokens of `text` in order (numbers whole), punctuation dropped."""
    return [word for _, word, _ in _positioned_words(text, lang)]


def content_tokens(text: str, lang: Lang) -> list[str]:
    """Tokens that carry meaning: no stopwords; English stemmed and lower-cased."""
    return _content(words(text, lang), lang)


@dataclass(frozen=True, slots=True)
class Cut:
    """The words of several texts, cut in one pass, and which texts hold a number."""

    words: list[list[str]]
    numbers: list[bool]


def cut_each(texts: list[str], lang: Lang) -> Cut:
    """`words` of each text, and whether a number starts in it, tokenising all in one pass.

    One jieba call over the joined texts instead of one per sentence: the
    per-call overhead was a fifth of the whole digest's time. Ranking, its
    figure signal and English keywords all read this one cut: cutting again
    for each was 17 % of an English digest (number scans per sentence 0.6 ms,
    keywords re-tokenising the text 0.8 ms of 8.0, CNN/DailyMail and BBC).
    """
    joined = "\n".join(texts)
    if lang == "en":
        return _cut_latin(joined, [len(t) for t in texts])
    ends = list(itertools.accumulate(len(t) + 1 for t in texts))
    words: list[list[str]] = [[] for _ in texts]
    numbers = [False] * len(texts)
    for start, word, number in _positioned_words(joined, lang):
        index = bisect.bisect_right(ends, start)
        words[index].append(word)
        numbers[index] = numbers[index] or number
    return Cut(words, numbers)


def _cut_latin(joined: str, lengths: list[int]) -> Cut:
    """`cut_each` for English: each text's words between the joined text's numbers.

    A word never crosses the line break between two texts, so each text's gaps are
    searched in place with `findall` (no Python step per word): 0.83 → 0.55 ms per
    CNN/DailyMail or BBC article, the same words. A number belongs to the text it
    starts in, and the next text's words start after it, as in `_positioned_words`.
    """
    spans = number_spans(joined)
    words: list[list[str]] = []
    numbers: list[bool] = []
    cursor, k, begin = 0, 0, 0
    for length in lengths:
        end = begin + length + 1  # the text and the line break after it
        found: list[str] = []
        cursor = max(cursor, begin)
        numbers.append(k < len(spans) and spans[k][0] < end)
        while k < len(spans) and spans[k][0] < end:
            start, stop = spans[k]
            found += _LATIN_WORD.findall(joined, cursor, start)
            found.append(joined[start:stop])
            cursor, k = stop, k + 1
        found += _LATIN_WORD.findall(joined, cursor, end)
        words.append(found)
        begin = end
    return Cut(words, numbers)


def content_words_each(cuts: list[list[str]], lang: Lang) -> list[list[str]]:
    """The `content_tokens` among each list of already cut words.

    English words of all lists are stemmed in one call into the C stemmer: one
    call per sentence was 6 % of an English digest.
    """
    stop = stopwords()
    kept = [
        [w for w in map(str.lower, words) if w not in stop and (len(w) > 1 or not w.isascii())]
        for words in cuts
    ]
    if lang != "en":
        return kept
    stems = iter(_stemmer().stemWords(list(itertools.chain.from_iterable(kept))))
    return [list(itertools.islice(stems, len(words))) for words in kept]


def _content(tokens: list[str], lang: Lang) -> list[str]:
    stop = stopwords()
    lowered = (w.lower() for w in tokens)
    kept = [w for w in lowered if w not in stop and (len(w) > 1 or not w.isascii())]
    if lang == "en":
        return list(_stemmer().stemWords(kept))
    return kept


def _positioned_words(text: str, lang: Lang) -> list[tuple[int, str, bool]]:
    """(offset, word, is a number) for every word, numbers whole: jieba or Latin words
    between numbers."""
    found: list[tuple[int, str, bool]] = []
    position = 0
    for start, end in [*number_spans(text), (len(text), len(text))]:
        found += _plain_words(text, position, start, lang)
        if end > start:
            found.append((start, text[start:end], True))
        position = end
    return found


def _plain_words(text: str, start: int, end: int, lang: Lang) -> list[tuple[int, str, bool]]:
    """The words of text[start:end]; English ones found in place (the pattern has no
    lookaround, so searching within bounds finds what searching a slice would)."""
    if lang == "en":
        return [(m.start(), m.group(), False) for m in _LATIN_WORD.finditer(text, start, end)]
    return [  # most words are letters alone (isalnum): no pattern to try (0.33 → 0.16 ms)
        (start + at, word, False)
        for word, at, _ in rjieba.tokenize(text[start:end], hmm=True)
        if word.isalnum() or (_WORDLIKE.search(word) and word.strip())
    ]
