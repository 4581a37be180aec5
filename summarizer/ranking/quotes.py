"""Key quotes: what people said, verbatim, with the speaker the text names.

Input: the article text, its ranked sentences and the sentences already used
as key points. Output: up to three `Quote`s, best first.

Direct quotes are spans inside “”「」『』 or "…" that an attribution verb
(说、表示、称、指出…; said, told, added…) touches, before or after
("X说：“…”", "“…”，X说", "“…,” said X", "X said: “…”", "according to X").
In Chinese, reported speech counts too when its sentence opens by naming the
speaker ("X表示，…", "据X介绍，…"): that is how Chinese news quotes people,
and a third of the labelled quotes of the digest-judgments set are of this
kind. The speaker is the subject of the attribution, validated as a name
(`summarizer.ranking.speakers`); pronouns and short forms are resolved by
`summarizer.ranking.coreference`. An attribution whose speaker cannot be
told keeps its quote without a speaker: better none than a wrong one.
A speech transcript has no quote marks at all, so when an article is told in
the first person and attributes it to one dominant speaker, that speaker's
strongest claims (short first-person clauses with assertion markers, ranked
by the sentence scores) become quotes. Quotes come from prose only: a
caption, credit or byline (`Ranking.roles`) is never quoted, and a person
named only there is no one a pronoun can mean. A quote never repeats a key point.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from summarizer.models import Lang, Quote
from summarizer.ranking.attribution import ZH_REPORTED, ZH_VERB, attribution
from summarizer.ranking.condense import ELLIPSIS, best_run, condense, size
from summarizer.ranking.coreference import People
from summarizer.ranking.rank import Ranking
from summarizer.ranking.speakers import Mention, mention
from summarizer.ranking.voice import speaks_in_first_person

__all__ = ["find_quotes"]

MAX_QUOTES = 3
QUOTE_LIMIT = {"zh": 90, "en": 40}
_MIN_QUOTE = {"zh": 8, "en": 6}
# A quote whose speaker the text does not name must say something on its own:
# short unattributed remarks ("没错，我们就是写字楼", a bare question) were the one
# new defect an editor found in 9 of 46 digests once wrong speakers were dropped.
_MIN_UNATTRIBUTED = {"zh": 16, "en": 10}
# A direct quotation outranks reported speech of the same sentence score.
DIRECT_BONUS = 0.5
REPORTED_BONUS = 0.25
# Starts only at a word's start and takes each word whole (possessive): otherwise a
# long capitalised run is re-scanned from each of its letters (20 KB: 13 s, quadratic).
_EN_NAME_VERB = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*+\s){0,3}[A-Z][\w'’-]*+)\s(?:said|says|told)\b"
)
_ZH_NAME_VERB = re.compile(rf"([\u4e00-\u9fff]{{2,3}})(?:再次|也|还|一再|进一步|曾)?{ZH_VERB}")
# "我国", "我省", "我市"… are how Chinese news says "the country", not a speaker's "I".
_CLAIM = {
    "zh": re.compile(r"的[\u4e00-\u9fff]{1,4}是|不是|最关键|根本|一定|必须|不在于|而在于|本质"),
    "en": re.compile(r"\b(?:is|must|will|key|need|believe)\b"),
}


# Straight quotes pair up in order within a paragraph, however short the
# quote: skipping a short one ("Star Trek") would pair every later mark wrongly.
_ZH_QUOTE = re.compile(r"[“「『]([^“”「」『』\n]+)[”」』]")
_EN_QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^“”\n]+)”")
_MAX_QUOTE_CHARS = 600
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

    A quote whose speaker the text names comes before any whose speaker it
    does not: "who said it" is half of what a quote tells the reader.

    Claims stand in for quotes only when the text quotes nobody: in a news
    story, first-person sentences are someone's quoted words already.
    """
    candidates = list(_attributed(text, ranking, lang)) or _claims(ranking, lang)
    kept = [c for c in candidates if c.sentence not in key_points]
    ranked = sorted(kept, key=lambda c: (c.quote.speaker is None, -c.score))
    return [c.quote for c in ranked[:MAX_QUOTES]]


def _attributed(text: str, ranking: Ranking, lang: Lang) -> Iterator[_Candidate]:
    """Direct quotations, then (in Chinese) reported speech, with their speakers.

    Every attribution is read before any is resolved, so a short form ("金所长")
    finds its full name (金明岸) wherever the text introduced it.
    """
    starts = [s.start for s in ranking.sentences]
    pending = list(_direct(text, ranking, lang, starts))
    if lang == "zh":
        pending += _reported(ranking, {p.sentence for p in pending})
    furniture = [(s.start, s.end) for s in ranking.sentences if not ranking.is_prose(s.index)]
    people = People(text, lang, sentences=starts, hidden=furniture)
    people.learn(p.said_by.text for p in pending if p.said_by and p.said_by.kind == "name")
    for item in pending:
        speaker = people.resolve(item.said_by, item.quote.start) if item.said_by else None
        if speaker is None and (item.reported or _slight(item.quote.text, lang)):
            continue  # reported speech, or a short remark, is a quote only when we know whose
        if item.continued and _slight(item.quote.text, lang):
            continue  # a speaker read from the sentence before is a guess: say something
        yield _Candidate(replace(item.quote, speaker=speaker), item.sentence, item.score)


def _slight(words: str, lang: Lang) -> bool:
    """Too short to stand as a quote without a speaker."""
    return size(words, lang) < _MIN_UNATTRIBUTED[lang]


@dataclass(frozen=True, slots=True)
class _Pending:
    quote: Quote
    sentence: int
    score: float
    said_by: Mention | None
    reported: bool = False
    continued: bool = False


def _direct(text: str, ranking: Ranking, lang: Lang, starts: list[int]) -> Iterator[_Pending]:
    pattern = _ZH_QUOTE if lang == "zh" else _EN_QUOTE
    for match in pattern.finditer(text):
        words = (match.group(1) or match.group(match.lastindex or 1)).strip(_EDGES)
        if size(words, lang) < _MIN_QUOTE[lang] or len(words) > _MAX_QUOTE_CHARS:
            continue
        index = _sentence_at(starts, match.start())
        previous = _sentence_before(ranking, index, match.start())
        found = attribution(text, match.start(), match.end(), lang, previous=previous)
        if found is None or not ranking.is_prose(index):
            continue
        quoted = condense(words, lang, QUOTE_LIMIT[lang])
        quote = Quote(quoted, None, match.start(), match.end())
        said_by = mention(found.subject, lang) if found.subject else None
        score = ranking.scores[index] + DIRECT_BONUS
        yield _Pending(quote, index, score, said_by, continued=found.continued)


def _sentence_before(ranking: Ranking, index: int, start: int) -> str | None:
    """The prose sentence before a quotation that opens sentence `index`, in its paragraph."""
    here = ranking.sentences[index]
    if index == 0 or here.start != start or not ranking.is_prose(index - 1):
        return None
    before = ranking.sentences[index - 1]
    return before.text if before.paragraph == here.paragraph else None


def _reported(ranking: Ranking, quoted: set[int]) -> list[_Pending]:
    """ "X表示，…": a sentence that opens by naming its speaker is what that speaker said."""
    found = []
    for sentence in ranking.sentences:
        match = ZH_REPORTED.match(sentence.text)
        if not match or sentence.index in quoted or not ranking.is_prose(sentence.index):
            continue
        said = sentence.text[match.end() :].strip()
        said_by = mention(match.group(1), "zh")
        if said_by is None or size(said, "zh") < _MIN_QUOTE["zh"]:
            continue
        text = condense(said, "zh", QUOTE_LIMIT["zh"])
        quote = Quote(text, None, sentence.start + match.end(), sentence.end)
        score = ranking.scores[sentence.index] + REPORTED_BONUS
        found.append(_Pending(quote, sentence.index, score, said_by, reported=True))
    return found


def _sentence_at(starts: list[int], offset: int) -> int:
    """The sentence holding `offset`, by binary search over sentence starts (issue 16)."""
    return max(0, bisect.bisect_right(starts, offset) - 1)


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
        if ranking.is_prose(sentence.index) and speaks_in_first_person(sentence.text, lang):
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
    named = Counter({n: c for n, c in names.items() if _is_named(n, lang)})
    return named.most_common(1)[0][0] if named else None


def _is_named(subject: str, lang: Lang) -> bool:
    found = mention(subject, lang)
    return found is not None and found.kind == "name"
