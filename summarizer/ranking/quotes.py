"""Key quotes: what people said, verbatim, with the speaker the text names.

Input: the article text, its ranked sentences and the sentences already used
as key points. Output: up to three `Quote`s, best first.

Direct quotes are spans inside “”「」『』 or "…" that an attribution verb
(说、表示、称、指出…; said, told, added…) touches, before or after. The
speaker is the name standing next to that verb; a pronoun ("他", "she")
inherits the last speaker named, as a reader would read it.
A speech transcript has no quote marks at all, so when an article is told in
the first person and attributes it to one dominant speaker, that speaker's
strongest claims (short first-person clauses with assertion markers, ranked
by the sentence scores) become quotes. A quote never repeats a key point.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from summarizer.models import Lang, Quote
from summarizer.ranking.condense import ELLIPSIS, best_run, condense, size
from summarizer.ranking.rank import Ranking
from summarizer.ranking.voice import speaks_in_first_person
from summarizer.text.tokens import is_stopword

__all__ = ["find_quotes"]

MAX_QUOTES = 3
QUOTE_LIMIT = {"zh": 90, "en": 40}
_MIN_QUOTE = {"zh": 8, "en": 6}
_ZH_VERBS = (
    "说道|说|表示|称|指出|强调|认为|坦言|透露|介绍|直言"
    "|回应|提到|写道|解释|补充|告诉|宣布|承认|提出"
    "|說道|說|稱|強調|認為|介紹|回應|寫道|解釋|補充|告訴|宣佈|承認"  # Traditional
)
_EN_VERBS = (
    "said|says|told|added|explained|noted|warned|claimed|insisted|admitted|wrote|according to"
)
# Straight quotes pair up in order within a paragraph, however short the
# quote: skipping a short one ("Star Trek") would pair every later mark wrongly.
_ZH_QUOTE = re.compile(r"[“「『]([^“”「」『』\n]+)[”」』]")
_EN_QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^“”\n]+)”")
_MAX_QUOTE_CHARS = 600
_ZH_BEFORE = re.compile(
    rf"([\u4e00-\u9fffA-Za-z·]{{1,24}}?)(?:{_ZH_VERBS})(?:了|道|到)?[：:，,]?\s*$"
)
_ZH_AFTER = re.compile(rf"^[，,。]?\s*([\u4e00-\u9fffA-Za-z·]{{1,24}}?)(?:{_ZH_VERBS})")
# A name: up to four capitalised words or initials; never runs over a full stop.
_EN_NAME = r"(?:(?:[A-Z]\.|[A-Z][\w'’-]*)\s){0,3}[A-Z][\w'’-]*"
_EN_BEFORE = re.compile(
    rf"({_EN_NAME}|[Hh]e|[Ss]he|[Tt]hey)\s(?:{_EN_VERBS})[^\"“]{{0,40}}[,:]?\s*$"
)
_EN_AFTER = re.compile(
    rf"^[,.]?\s*(?:(?:{_EN_VERBS})\s({_EN_NAME})|({_EN_NAME}|he|she|they)\s(?:{_EN_VERBS}))"
)
_EN_NAME_VERB = re.compile(r"((?:[A-Z][\w'’-]*\s){0,3}[A-Z][\w'’-]*)\s(?:said|says|told)\b")
_PRONOUNS = frozenset(
    ["他", "她", "他们", "她们", "其", "对方", "he", "she", "they", "He", "She", "They"]
)
_ZH_NAME_VERB = re.compile(
    rf"([\u4e00-\u9fff]{{2,3}})(?:再次|也|还|一再|进一步|曾)?(?:{_ZH_VERBS})"
)
_ZH_LEADING = re.compile(r"^(?:但|而|并|同时|此外|对此|他还|她还|还|也|随后|最后)")
# "我国", "我省", "我市"… are how Chinese news says "the country", not a speaker's "I".
_CLAIM = {
    "zh": re.compile(r"的[\u4e00-\u9fff]{1,4}是|不是|最关键|根本|一定|必须|不在于|而在于|本质"),
    "en": re.compile(r"\b(?:is|must|will|key|need|believe)\b"),
}


_EDGES = " ,，-—–"


@dataclass(frozen=True, slots=True)
class _Candidate:
    quote: Quote
    sentence: int
    score: float


def find_quotes(
    text: str, ranking: Ranking, *, lang: Lang, key_points: frozenset[int]
) -> list[Quote]:
    """Up to three quotes, best first, none overlapping a key point.

    Claims stand in for quotes only when the text quotes nobody directly: in
    a news story, first-person sentences are someone's quoted words already.
    """
    direct = list(_direct(text, ranking, lang))
    candidates = direct or _claims(ranking, lang)
    kept = [c for c in candidates if c.sentence not in key_points]
    return [c.quote for c in sorted(kept, key=lambda c: -c.score)[:MAX_QUOTES]]


def _direct(text: str, ranking: Ranking, lang: Lang) -> Iterator[_Candidate]:
    pattern = _ZH_QUOTE if lang == "zh" else _EN_QUOTE
    last_speaker: str | None = None
    previous = 0
    for match in pattern.finditer(text):
        words = (match.group(1) or match.group(match.lastindex or 1)).strip(_EDGES)
        if size(words, lang) < _MIN_QUOTE[lang] or len(words) > _MAX_QUOTE_CHARS:
            continue
        found, speaker = _speaker(text, match.start(), match.end(), lang)
        if not found:
            continue
        if speaker in _PRONOUNS or speaker is None:
            speaker = _named_between(text, previous, match.start(), lang) or last_speaker
        last_speaker, previous = speaker, match.end()
        index = _sentence_at(ranking, match.start())
        quoted = condense(words, lang, QUOTE_LIMIT[lang], lambda part: float(len(part)))
        quote = Quote(quoted, speaker, match.start(), match.end())
        yield _Candidate(quote, index, ranking.scores[index] + 0.5)


def _speaker(text: str, start: int, end: int, lang: Lang) -> tuple[bool, str | None]:
    before, after = text[max(0, start - 60) : start], text[end : end + 60]
    if lang == "zh":
        match = _ZH_BEFORE.search(before) or _ZH_AFTER.search(after)
        if not match:
            return False, None
        name = _ZH_LEADING.sub("", match.group(1)).strip("，,：: ")
        return True, name or None
    match_before = _EN_BEFORE.search(before)
    if match_before:
        return True, match_before.group(1).strip()
    match_after = _EN_AFTER.search(after)
    if match_after:
        return True, (match_after.group(1) or match_after.group(2) or "").strip() or None
    return False, None


def _named_between(text: str, start: int, end: int, lang: Lang) -> str | None:
    """The last person the text says something of ("John Grunsfeld said") in a span."""
    pattern = _ZH_NAME_VERB if lang == "zh" else _EN_NAME_VERB
    names = [m.group(1) for m in pattern.finditer(text, max(start, end - 600), end)]
    return next((n for n in reversed(names) if _is_name(n)), None)


def _is_name(word: str) -> bool:
    return word not in _PRONOUNS and not word.startswith(("他", "她")) and not is_stopword(word)


def _sentence_at(ranking: Ranking, offset: int) -> int:
    for sentence in ranking.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return len(ranking.sentences) - 1


def _claims(ranking: Ranking, lang: Lang) -> list[_Candidate]:
    """A transcript's strongest first-person claims, attributed to its one speaker.

    Each claim is the sentence's densest run of assertion clauses ("互联网+电影的
    主语是电影", "不在于…而在于…"): a clause without a marker costs half what one
    with a marker earns, so a run bridges one plain clause but never pads
    itself out to the length limit. A run with no marker, or a question, is no claim;
    the others rank by their score times the markers the claim kept.
    """
    speaker = _dominant_speaker(ranking, lang)
    if speaker is None:
        return []
    candidates = []
    for sentence in ranking.sentences:
        if speaks_in_first_person(sentence.text, lang):
            text = best_run(sentence.text, lang, QUOTE_LIMIT[lang], _claim_weight(lang))
            if not _CLAIM[lang].search(text) or text.rstrip(ELLIPSIS).endswith(("？", "?")):
                continue  # no assertion, or a question: not a claim
            score = ranking.scores[sentence.index] * _claim_bonus(text, lang)
            quote = Quote(text, speaker, sentence.start, sentence.end)
            candidates.append(_Candidate(quote, sentence.index, score))
    return candidates


def _claim_bonus(text: str, lang: Lang) -> float:
    return 1 + 0.5 * min(len(_CLAIM[lang].findall(text)), 3)


def _claim_weight(lang: Lang) -> Callable[[str], float]:
    return lambda part: 1.0 if _CLAIM[lang].search(part) else -0.5


def _dominant_speaker(ranking: Ranking, lang: Lang) -> str | None:
    if not ranking.first_person:
        return None
    text = "\n".join(s.text for s in ranking.sentences[:12])
    if lang == "zh":
        names = Counter(m.group(1) for m in _ZH_NAME_VERB.finditer(text))
    else:
        names = Counter(m.group(1) for m in _EN_NAME_VERB.finditer(text))
    names = Counter({n: c for n, c in names.items() if _is_name(n)})
    return names.most_common(1)[0][0] if names else None
