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

from summarizer.condense import condense, size
from summarizer.models import Lang, Quote
from summarizer.rank import Ranking

__all__ = ["find_quotes"]

MAX_QUOTES = 3
QUOTE_LIMIT = {"zh": 90, "en": 40}
_MIN_QUOTE = {"zh": 8, "en": 6}
_ZH_VERBS = (
    "说道|说|表示|称|指出|强调|认为|坦言|透露|介绍|直言|回应|提到|写道|解释|补充|告诉|宣布|承认|提出"
)
_EN_VERBS = (
    "said|says|told|added|explained|noted|warned|claimed|insisted|admitted|wrote|according to"
)
_ZH_QUOTE = re.compile(r"[“「『]([^“”「」『』]{4,400})[”」』]")
_EN_QUOTE = re.compile(r"[\"“]([^\"“”]{10,600})[\"”]")
_ZH_BEFORE = re.compile(
    rf"([\u4e00-\u9fffA-Za-z·]{{1,24}}?)(?:{_ZH_VERBS})(?:了|道|到)?[：:，,]?\s*$"
)
_ZH_AFTER = re.compile(rf"^[，,。]?\s*([\u4e00-\u9fffA-Za-z·]{{1,24}}?)(?:{_ZH_VERBS})")
_EN_BEFORE = re.compile(
    rf"((?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*|[Hh]e|[Ss]he|[Tt]hey)\s(?:{_EN_VERBS})[^\"“]{{0,40}}[,:]?\s*$"
)
_EN_AFTER = re.compile(
    rf"^[,.]?\s*(?:(?:{_EN_VERBS})\s((?:[A-Z][\w.'’-]*\s?){{1,4}})|((?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w.'’-]*|he|she|they)\s(?:{_EN_VERBS}))"
)
_EN_NAME_VERB = re.compile(r"((?:[A-Z][\w'’-]*\s){0,3}[A-Z][\w'’-]*)\s(?:said|says|told)\b")
_PRONOUNS = frozenset(
    ["他", "她", "他们", "她们", "其", "对方", "he", "she", "they", "He", "She", "They"]
)
_ZH_NAME_VERB = re.compile(
    rf"([\u4e00-\u9fff]{{2,3}})(?:再次|也|还|一再|进一步|曾)?(?:{_ZH_VERBS})"
)
_ZH_LEADING = re.compile(r"^(?:但|而|并|同时|此外|对此|他还|她还|还|也|随后|最后)")
_FIRST_PERSON = {"zh": re.compile(r"我们|我"), "en": re.compile(r"\b(?:I|we|We|our|Our)\b")}
_CLAIM = {
    "zh": re.compile(r"的[\u4e00-\u9fff]{1,4}是|不是|最关键|根本|一定|必须|不在于|而在于|本质"),
    "en": re.compile(r"\b(?:is|must|will|key|need|believe)\b"),
}


@dataclass(frozen=True, slots=True)
class _Candidate:
    quote: Quote
    sentence: int
    score: float


def find_quotes(
    text: str, ranking: Ranking, *, lang: Lang, key_points: frozenset[int]
) -> list[Quote]:
    """Up to three quotes, best first, none overlapping a key point."""
    direct = [c for c in _direct(text, ranking, lang) if c.sentence not in key_points]
    chosen = sorted(direct, key=lambda c: -c.score)[:MAX_QUOTES]
    if len(chosen) < MAX_QUOTES:
        used = key_points | {c.sentence for c in chosen}
        chosen += _claims(ranking, lang, used)[: MAX_QUOTES - len(chosen)]
    return [c.quote for c in chosen]


def _direct(text: str, ranking: Ranking, lang: Lang) -> Iterator[_Candidate]:
    pattern = _ZH_QUOTE if lang == "zh" else _EN_QUOTE
    last_speaker: str | None = None
    for match in pattern.finditer(text):
        words = match.group(1).strip()
        if size(words, lang) < _MIN_QUOTE[lang]:
            continue
        found, speaker = _speaker(text, match.start(), match.end(), lang)
        if not found:
            continue
        if speaker in _PRONOUNS or speaker is None:
            speaker = last_speaker
        else:
            last_speaker = speaker
        index = _sentence_at(ranking, match.start())
        quoted = condense(words, lang, QUOTE_LIMIT[lang], lambda part: float(len(part)))
        yield _Candidate(Quote(quoted, speaker), index, ranking.scores[index] + 0.5)


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


def _sentence_at(ranking: Ranking, offset: int) -> int:
    for sentence in ranking.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return len(ranking.sentences) - 1


def _claims(ranking: Ranking, lang: Lang, used: frozenset[int]) -> list[_Candidate]:
    """A transcript's strongest first-person claims, attributed to its one speaker."""
    speaker = _dominant_speaker(ranking, lang)
    if speaker is None:
        return []
    weight = _claim_weight(ranking, lang)
    spoken = [
        s for s in ranking.sentences if s.index not in used and _FIRST_PERSON[lang].search(s.text)
    ]
    spoken.sort(key=lambda s: -ranking.scores[s.index] * _claim_bonus(s.text, lang))
    candidates = []
    for sentence in spoken[: MAX_QUOTES * 2]:
        text = condense(sentence.text, lang, QUOTE_LIMIT[lang] * 2 // 3, weight)
        score = ranking.scores[sentence.index] * _claim_bonus(text, lang)
        candidates.append(_Candidate(Quote(text, speaker), sentence.index, score))
    return sorted(candidates, key=lambda c: -c.score)


def _claim_bonus(text: str, lang: Lang) -> float:
    return 1 + 0.2 * min(len(_CLAIM[lang].findall(text)), 4)


def _claim_weight(ranking: Ranking, lang: Lang) -> Callable[[str], float]:
    """Clause weight for condensing a claim: assertion markers plus topical words."""
    topical = ranking.clause_weight(lang)
    return lambda part: 2.0 * len(_CLAIM[lang].findall(part)) + topical(part)


def _dominant_speaker(ranking: Ranking, lang: Lang) -> str | None:
    first_person = sum(bool(_FIRST_PERSON[lang].search(s.text)) for s in ranking.sentences)
    if first_person < max(3, len(ranking.sentences) // 4):
        return None
    text = "\n".join(s.text for s in ranking.sentences[:12])
    if lang == "zh":
        names = Counter(m.group(1) for m in _ZH_NAME_VERB.finditer(text))
    else:
        names = Counter(m.group(1) for m in _EN_NAME_VERB.finditer(text))
    names = Counter({n: c for n, c in names.items() if n not in _PRONOUNS})
    return names.most_common(1)[0][0] if names else None
