"""Keywords: the words that say what an article is about.

Input: the ranking (its content tokens per sentence), the language, the title.
Output: 5–8 keywords in the article's own spelling, best first.
Chinese: TF-IDF over the jieba tokens the ranking already cut, with jieba's
dictionary frequencies as IDF (so the text is tokenised once, not twice). English: frequency
of stemmed words shown in their most common written form, with names of two
or three capitalised words ("Hubble Space Telescope") as phrases. Numbers and
single characters are never keywords; title words get a bonus.

No fragments and no near-duplicates (issue 12 and an editor's reading of
unlabelled digests found both):
- a Chinese word jieba does not know that mostly follows a numeral is the tail
  of a numeral phrase it cut (一次性 → 次性, 一揽子 → 揽子), not a word;
- only prose counts (`Ranking.is_prose`): 截图 and 微博 came from captions and credits;
- a Chinese keyword is a dictionary word that is no function word (时而, 这种), or
  a name jieba's tagger knows (何建栋, 西吉县): what the segmenter glued across a
  word boundary (粒尘, 座山, 日起) is neither, unless the article keeps using it (种薯);
- an English contraction or possessive (that’s, dakota’s) is no keyword;
- of a word and a longer keyword holding it (star · Star Trek, 价格 · 价格下降,
  阿里 · 阿里巴巴) only the longer is kept, in the better rank of the two.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from summarizer.models import Lang
from summarizer.ranking.rank import Ranking
from summarizer.text.tokens import frequencies, pos_tags, stem_all, stopwords

__all__ = ["extract_keywords"]

MAX_KEYWORDS = 8
TITLE_BONUS = 1.5
_DIGIT_OR_APOSTROPHE = re.compile(r"[0-9０-９'’]")  # numbers and contractions are no keywords
_ZH_NUMERALS = frozenset("一二三四五六七八九十两几百千万亿零")
# Two or three capitalised words. Written to open with a character class (the word
# boundary checked behind its first letter) so the engine skips to capitals in a tight
# loop: the same names on 762 corpus texts, 2.5× faster than r"\b(?:[A-Z][a-z]+(?:\s|$)){2,3}".
_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:\s|$)(?:[A-Z][a-z]+(?:\s|$)){1,2}")


def extract_keywords(ranking: Ranking, *, lang: Lang, title: str | None) -> list[str]:
    """Up to eight keywords, best first."""
    if lang == "zh":
        return _without_parts(_zh_ranked(ranking, title), lang)
    return _without_parts(_by_score(_en_scores(ranking), title, lang), lang)


def _by_score(scores: dict[str, float], title: str | None, lang: Lang) -> list[str]:
    """The words, best first: title words get a bonus."""
    bonus = {w: TITLE_BONUS if title and _in_title(w, title, lang) else 1.0 for w in scores}
    return sorted(scores, key=lambda w: -scores[w] * bonus[w])


# Parts of speech that are never what an article is about: adverbs, prepositions,
# conjunctions, particles, pronouns, numbers, measures, times, directions.
_FUNCTION_FLAGS = ("d", "p", "c", "u", "r", "m", "q", "t", "f", "y", "e", "o")
_NAME_FLAGS = ("nr", "ns", "nt", "nz", "eng")


# A word the dictionary lacks is a term of the article's when it recurs this often.
MIN_TERM_USES = 3


def _zh_word(word: str, count: int, uses: int) -> bool:
    """A dictionary word that is no function word, a name the tagger knows, or an
    unknown noun the article keeps using (种薯)."""
    tags = pos_tags(word)
    if len(tags) != 1:
        return False
    flag = tags[0][1]
    if count:
        return not flag.startswith(_FUNCTION_FLAGS)
    return flag.startswith(_NAME_FLAGS) or (flag.startswith("n") and uses >= MIN_TERM_USES)


def _without_parts(ranked: Iterable[str], lang: Lang) -> list[str]:
    """The best keywords, a word held by a longer keyword replaced by that keyword."""
    kept: list[str] = []
    for word in ranked:
        if any(_part_of(word, k, lang) for k in kept):
            continue
        parts = [i for i, k in enumerate(kept) if _part_of(k, word, lang)]
        if parts:
            kept[parts[0]] = word
            kept = [k for i, k in enumerate(kept) if i not in parts[1:]]
        elif len(kept) < MAX_KEYWORDS:
            kept.append(word)
        else:
            break
    return kept


def _part_of(short: str, long: str, lang: Lang) -> bool:
    if lang == "zh":
        return short in long
    return set(short.lower().split()) <= set(long.lower().split())


def _zh_ranked(ranking: Ranking, title: str | None) -> Iterator[str]:
    """Chinese keyword candidates, best first, by TF × self-information (`_zh_scores`).

    Numeral tails are looked for only among the best words, as they are needed: the
    search through the text for every word was 8 % of a Chinese digest (CLTS and
    news-site texts), and the order of the words kept is the same.
    """
    scores, known = _zh_scores(ranking)
    text = "".join(s.text for s in ranking.sentences)
    whole = (w for w in _by_score(scores, title, "zh") if w in known or not _numeral_tail(w, text))
    best = list(islice(whole, MAX_KEYWORDS * 4))
    uses = Counter(t for tokens in ranking.tokens for t in tokens)
    return (w for w in best if _zh_word(w, known.get(w, 0), uses[w]))


def _zh_scores(ranking: Ranking) -> tuple[dict[str, float], dict[str, int]]:
    """TF × self-information, with jieba's dictionary frequencies standing in for IDF;
    and the dictionary counts of the words it knows.

    The dictionary is in memory already; jieba.analyse's IDF table would cost
    ~1 s of start-up (it also loads the POS tagger) for no better keywords.
    """
    dictionary = frequencies()
    prose = (tokens for i, tokens in enumerate(ranking.tokens) if ranking.is_prose(i))
    counts = {t: n for t, n in Counter(chain.from_iterable(prose)).items() if _keywordish(t)}
    known = dictionary.counts(counts)
    ceiling = math.log(dictionary.total)
    return {t: n * (ceiling - math.log(known.get(t) or 1)) for t, n in counts.items()}, known


def _numeral_tail(token: str, text: str) -> bool:
    """At least half of the token's occurrences follow a Chinese numeral (一次性 → 次性)."""
    found = list(_occurrences(token, text))
    after_numeral = sum(1 for at in found if at and text[at - 1] in _ZH_NUMERALS)
    return bool(found) and 2 * after_numeral >= len(found)


def _occurrences(token: str, text: str) -> Iterator[int]:
    """Where `token` starts in `text`, left to right without overlaps (as `re.finditer`).

    A plain search: compiling one pattern per token made this check 7 % of a
    Chinese digest (2.6 ms of 35.7 on the CLTS and news-site texts).
    """
    at = text.find(token)
    while at >= 0 and token:
        yield at
        at = text.find(token, at + len(token))


def _en_scores(ranking: Ranking) -> dict[str, float]:
    """Stemmed frequency, shown in each stem's commonest spelling, plus repeated names.

    Words are counted first and each distinct word is stemmed once: stemming and
    filtering every occurrence made keywords ~30 % of an English digest. The words
    are the ranking's (`Ranking.words`): cutting the text again was 10 %. Each stem's
    spelling and total are kept in one pass (the first commonest spelling, as `max`
    gives): 0.41 → 0.28 ms per English text of `bench speed`.
    """
    prose = [
        (s, cut)
        for s, cut in zip(ranking.sentences, ranking.words, strict=True)
        if ranking.is_prose(s.index)
    ]
    text = " ".join(s.text for s, _ in prose)
    counts = Counter(map(str.lower, chain.from_iterable(cut for _, cut in prose)))
    stop = stopwords()
    kept = [w for w in counts if w.lower() not in stop and _keywordish(w)]
    spelling: dict[str, str] = {}
    totals: dict[str, int] = {}
    for word, root in zip(kept, stem_all(kept), strict=True):
        if root not in totals:
            spelling[root], totals[root] = word, counts[word]
            continue
        totals[root] += counts[word]
        if counts[word] > counts[spelling[root]]:
            spelling[root] = word
    scores = {spelling[root]: float(total) for root, total in totals.items()}
    for name, count in Counter(map(str.strip, _NAME.findall(text))).items():
        if count > 1:
            scores[name] = count * 1.5
    return {w: s for w, s in scores.items() if s > 1}


def _keywordish(token: str) -> bool:
    return len(token) > 1 and not _DIGIT_OR_APOSTROPHE.search(token)


def _in_title(word: str, title: str, lang: Lang) -> bool:
    if lang == "zh":
        return word in title
    return word.lower() in title.lower()
