"""Keywords: the words that say what an article is about.

Input: the ranking (its content tokens per sentence), the language, the title.
Output: 5–8 keywords in the article's own spelling, best first.
Chinese: TF-IDF over the jieba tokens the ranking already cut, with jieba's
dictionary frequencies as IDF (so the text is tokenised once, not twice). English: frequency
of stemmed words shown in their most common written form, with names of two
or three capitalised words ("Hubble Space Telescope") as phrases. Numbers and
single characters are never keywords; title words get a bonus.

No fragments and no near-duplicates (issue 12 found both in real digests):
a Chinese word jieba does not know that mostly follows a numeral is the tail
of a numeral phrase it cut (一次性 → 次性, 一揽子 → 揽子), not a word; and a
keyword inside a better one, or holding it (阿里 / 阿里巴巴, Hubble / Hubble
Space Telescope), is left out for the better-ranked one.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from summarizer.models import Lang
from summarizer.ranking.rank import Ranking
from summarizer.text.tokens import frequencies, is_stopword, stem_all, words

__all__ = ["extract_keywords"]

MAX_KEYWORDS = 8
TITLE_BONUS = 1.5
_DIGIT = re.compile(r"[0-9０-９]")
_ZH_NUMERALS = frozenset("一二三四五六七八九十两几百千万亿零")
_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:\s|$)){2,3}")


def extract_keywords(ranking: Ranking, *, lang: Lang, title: str | None) -> list[str]:
    """Up to eight keywords, best first."""
    scores = _zh_scores(ranking) if lang == "zh" else _en_scores(ranking)
    bonus = {w: TITLE_BONUS if title and _in_title(w, title, lang) else 1.0 for w in scores}
    ranked = sorted(scores, key=lambda w: -scores[w] * bonus[w])
    kept: list[str] = []
    for word in ranked:
        if len(kept) == MAX_KEYWORDS:
            break
        if not any(_overlaps(word, other) for other in kept):
            kept.append(word)
    return kept


def _overlaps(a: str, b: str) -> bool:
    """One keyword inside the other, ignoring case."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


def _zh_scores(ranking: Ranking) -> dict[str, float]:
    """TF × self-information, with jieba's dictionary frequencies standing in for IDF.

    The dictionary is in memory already; jieba.analyse's IDF table would cost
    ~1 s of start-up (it also loads the POS tagger) for no better keywords.
    """
    dictionary = frequencies()
    counts = Counter(t for tokens in ranking.tokens for t in tokens if _keywordish(t))
    known = dictionary.counts(counts)
    text = "".join(s.text for s in ranking.sentences)
    ceiling = math.log(dictionary.total)
    return {
        t: n * (ceiling - math.log(known.get(t) or 1))
        for t, n in counts.items()
        if t in known or not _numeral_tail(t, text)
    }


def _numeral_tail(token: str, text: str) -> bool:
    """At least half of the token's occurrences follow a Chinese numeral (一次性 → 次性)."""
    found = [m.start() for m in re.finditer(re.escape(token), text)]
    after_numeral = sum(1 for at in found if at and text[at - 1] in _ZH_NUMERALS)
    return bool(found) and 2 * after_numeral >= len(found)


def _en_scores(ranking: Ranking) -> dict[str, float]:
    """Stemmed frequency, shown in each stem's commonest spelling, plus repeated names.

    Words are counted first and each distinct word is stemmed once: stemming and
    filtering every occurrence made keywords ~30 % of an English digest.
    """
    text = " ".join(s.text for s in ranking.sentences)
    counts = Counter(word.lower() for word in words(text, "en"))
    kept = [w for w in counts if _keywordish(w) and not is_stopword(w)]
    surface: dict[str, dict[str, int]] = {}
    for word, root in zip(kept, stem_all(kept), strict=True):
        surface.setdefault(root, {})[word] = counts[word]
    scores = {max(f, key=f.__getitem__): float(sum(f.values())) for f in surface.values()}
    for name, count in Counter(m.group().strip() for m in _NAME.finditer(text)).items():
        if count > 1:
            scores[name] = count * 1.5
    return {w: s for w, s in scores.items() if s > 1}


def _keywordish(token: str) -> bool:
    return len(token) > 1 and not _DIGIT.search(token)


def _in_title(word: str, title: str, lang: Lang) -> bool:
    if lang == "zh":
        return word in title
    return word.lower() in title.lower()
