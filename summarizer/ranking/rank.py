"""Score sentences and pick the key points.

Input: the article's `Sentence`s, their language and the title. Output: a
`Ranking` (each sentence's salience and budget-free score) and, via `select`,
the best sentences for a given number of points, in article order.

Salience sums four signals, each in [0, 1]:
- centrality (weight 2): TextRank's sentence similarity (shared words over
  the sum of the two sentences' log lengths) summed over every other
  sentence, i.e. the similarity graph's weighted degree. PageRank iterations
  on top changed nothing measurable, so there are none. The log
  normalisation favours informative, longer sentences, which is what ROUGE
  with a sentence budget rewards; this is what makes TextRank the best
  library on BBC;
- significance (1): Luhn's idea, the article's recurring words the sentence
  holds (log-damped frequency);
- title overlap (0.3): the share of title words the sentence repeats;
- figures (0.1): a sentence stating a number is more likely to be news.
Sentences shorter than a clause are damped (bylines, captions, "Photo: …").

Position depends on the budget, because one fixed weight cannot serve both
kinds of digest (measured: the weight that wins on CNN/DailyMail loses ~15
ROUGE-1 points on BBC and the other way round):
- lead: a digest of at most `LEAD_POINTS` sentences that is also at most
  `LEAD_SHARE` of a news report (one sentence always qualifies) is the top of
  the inverted pyramid — but a text told in the first person (a speech, an
  interview, an essay: `summarizer.ranking.voice`) is no pyramid, and gets coverage.
  Lead-3 beats every library on CNN/DailyMail, Lead-1 on LCSTS. The prior
  outweighs salience, so sentences come in article order, except that
  fragments (damped) and repeats (MMR) are skipped;
- short: a default digest (TL;DR + 3 points, at most `SHORT_POINTS`
  sentences) of a long article (the digest at most `SHORT_SHARE` of it) is
  no lead-3, but its points still come mostly from the top: on the 67
  labelled pages (`python -m bench digest`) a key sentence is 55–63 % of
  sentences 0–2, ~30 % of sentences 3–11 and 5 % after. Salience ranks, with
  a prior of `SHORT_WEIGHT` falling off slowly as 1/(1+i/`SHORT_SPREAD`).
  Chosen on half A (coverage 51.8 → 58.3; spread 4 → 56.1, weight 3 → 56.1),
  checked on half B (47.7 → 53.9). The share keeps it off BBC's short
  articles (their references are 40 % of the sentences whatever the place:
  without the share, ROUGE-1 fell 0.6 below the bar). The share was 0.2
  until points counted for the part they show (below); then 0.25 (a
  plateau to 0.3 on half A: coverage 60.4 → 61.9) also gained on half B
  (56.2 → 57.0), with BBC ROUGE-1 76.4 → 76.3 (sumy-textrank 76.2);
- coverage: more points, or points that are a large share of a short
  article, must cover the article. Salience ranks, with a prior that falls
  off as 1/(1+i)², so it lifts mainly the first sentence (on BBC the first
  sentence is in the reference 70% of the time, every later position ~40%).
A point longer than the size it is cut to (`pipeline`: ~80 Chinese characters
or 35–45 English words) shows only its opening clauses, so `select` counts
such a sentence's salience in proportion to the share of it shown: a run-on
sentence is central for words its point never shows. Measured on the digest
labels (`python -m bench digest`), chosen on half A (coverage 59.0 → 60.4;
the short-digest regime alone 59.0), checked on half B (54.7 → 56.2 either way);
BBC ROUGE-1 unchanged (76.4). A point candidate enumerating things (each
"、" costs `LIST_PENALTY`) is a list of details, not a point.
`select` then removes redundancy with maximal marginal relevance (MMR) among
the points, never takes a near-copy of a chosen sentence or of the TL;DR
(word containment ≥ `DUPLICATE`) while another candidate is left, and returns the
winners in article order. Points develop the TL;DR's point, so sharing its
words is no redundancy short of a near-copy (penalising it cost 1.4 coverage
points on half A and 1.5 on half B; BBC ROUGE-1 +0.1). The
weights are few and were chosen on development halves of the benchmark sets
(`python -m bench quality`).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import chain

from summarizer.models import Lang, Role, Sentence
from summarizer.ranking.condense import size
from summarizer.ranking.voice import told_in_first_person
from summarizer.text.tokens import content_tokens, content_words_each, cut_each

__all__ = ["Ranking", "rank_sentences", "select", "short_digest"]

CENTRALITY_WEIGHT = 2.0
SIGNIFICANCE_WEIGHT = 1.0
TITLE_WEIGHT = 0.3
FIGURE_WEIGHT = 0.1
LEAD_POINTS = 3
LEAD_SHARE = 0.3
SHORT_POINTS = 4
SHORT_SHARE = 0.25
SHORT_WEIGHT = 2.0
SHORT_SPREAD = 8.0
REDUNDANCY_PENALTY = 0.3
# A sentence enumerating things ("西藏东部、西南地区大部、黄淮西部、江汉东部、…有小到中雨")
# is a list of details, not a point: each enumeration mark costs a point candidate this
# much salience. Chosen on half A of the digest labels (coverage 61.9 → 63.3; 0.1–0.15 a
# plateau, 0.05 no gain), checked on half B (57.0 → 57.8; `python -m bench digest`).
LIST_PENALTY = 0.1
LIST_MARK = "、"
# A candidate whose content words are this much inside a shown sentence's (or the
# other way round) says it again: "Stadia launches today" twice in other words (the
# editor's reading). Containment, not Jaccard, so a short repeat of a long sentence
# counts; 0.5 cost coverage on half B (53.9 → 50.0), 0.7 and 0.8 changed nothing.
DUPLICATE = 0.7
GRAPH_SAMPLE = 200
SHORT_TOKENS = {"zh": 6, "en": 8}


@dataclass(frozen=True, slots=True)
class Prior:
    """A position prior: `weight` / (1 + place / `spread`) ** `decay`."""

    weight: float
    spread: float = 1.0
    decay: float = 2.0

    def at(self, place: int) -> float:
        return self.weight / math.pow(1.0 + place / self.spread, self.decay)


LEAD = Prior(1000.0)
COVER = Prior(1.0)
SHORT = Prior(SHORT_WEIGHT, SHORT_SPREAD, 1.0)


@dataclass(frozen=True, slots=True)
class Ranking:
    """Per-sentence tokens and scores, indexed like the sentence list.

    `words` are each sentence's words as written (numbers whole) and `tokens`
    their content tokens (stemmed in English): keywords read the first.

    `salience` is what a sentence says and `damping` how much of a clause it
    is (1.0 for a full one); `scores` blends them with the coverage prior and
    is what callers without a budget (TL;DR, quotes) compare. `select`
    blends position for its own budget.
    """

    sentences: list[Sentence]
    tokens: list[list[str]]
    scores: list[float]
    frequencies: Counter[str]
    salience: list[float]
    damping: list[float]
    first_person: bool = False
    roles: list[Role] = field(default_factory=list)
    words: list[list[str]] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)

    def is_prose(self, index: int) -> bool:
        """Whether sentence `index` may be shown (every sentence when roles are unknown)."""
        return not self.roles or self.roles[index] == "prose"

    def order(self) -> list[int]:
        """Sentence indices, best first."""
        return sorted(range(len(self.scores)), key=lambda i: -self.scores[i])

    def blend(self, prior: Prior, limit: int | None = None) -> list[float]:
        """Salience plus a position prior, both damped.

        The prior is damped too, so a short lead fragment does not win on
        position alone. With a `limit` (the size a point is cut to) the scores
        are a point's: a longer sentence's salience counts in proportion to the
        part of it shown, and an enumeration loses `LIST_PENALTY` per item mark.
        """
        salience = self.salience
        if limit is not None and self.sizes:
            shown = [min(1.0, limit / max(1, n)) for n in self.sizes]
            salience = [
                s * share - LIST_PENALTY * sentence.text.count(LIST_MARK)
                for s, share, sentence in zip(salience, shown, self.sentences, strict=True)
            ]
        return _blend(salience, self.damping, prior, self.positions())

    def positions(self) -> list[int]:
        """Each sentence's place among the prose: a dateline or heading first does not
        push the lede out of the lead position."""
        places, seen = [], 0
        for index in range(len(self.sentences)):
            places.append(seen)
            seen += self.is_prose(index)
        return places


def rank_sentences(
    sentences: list[Sentence], *, lang: Lang, title: str | None, roles: list[Role] | None = None
) -> Ranking:
    """Score every sentence; see the module docstring for the blend.

    `roles` (from `summarizer.text.roles`) keep furniture and headings out of
    the points: they still count for centrality and word frequencies (a
    heading says what the article is about), never as a candidate.
    """
    cut = cut_each([s.text for s in sentences], lang)
    tokens = content_words_each(cut.words, lang)
    frequencies: Counter[str] = Counter(chain.from_iterable(tokens))
    centrality = _normalise(_centrality([set(toks) for toks in tokens]))
    significance = _normalise([_significance(toks, frequencies) for toks in tokens])
    title_tokens = set(content_tokens(title, lang)) if title else set()
    salience = [
        CENTRALITY_WEIGHT * central
        + SIGNIFICANCE_WEIGHT * sig
        + TITLE_WEIGHT * _overlap(toks, title_tokens)
        + FIGURE_WEIGHT * number
        for number, toks, central, sig in zip(
            cut.numbers, tokens, centrality, significance, strict=True
        )
    ]
    damping = [min(1.0, len(toks) / SHORT_TOKENS[lang]) for toks in tokens]
    first_person = told_in_first_person(sentences, lang)
    known = list(roles) if roles and "prose" in roles else []  # no prose at all: show what there is
    ranking = Ranking(
        sentences,
        tokens,
        [],
        frequencies,
        salience,
        damping,
        first_person,
        known,
        cut.words,
        [size(s.text, lang) for s in sentences],
    )
    scores = _blend(salience, damping, COVER, ranking.positions())
    return replace(ranking, scores=scores)


def select(
    ranking: Ranking,
    count: int,
    *,
    exclude: frozenset[int] = frozenset(),
    shown: tuple[int, ...] = (),
    limit: int | None = None,
) -> list[int]:
    """The best sentence indices for a `count`-point digest, after MMR, in article order.

    `shown` sentences (the TL;DR) are already in the digest: never chosen
    again, nor a near-copy of them while another candidate is left. `limit`
    is the size each point is cut to (see `Ranking.blend`).
    """
    digest = count + len(shown)  # the whole digest decides lead or coverage
    prior = _prior(digest, len(ranking.sentences), ranking.first_person)
    scores = ranking.blend(prior, limit)
    top = max(scores, default=1.0) or 1.0
    sets = [set(toks) for toks in ranking.tokens]
    candidates = [
        i
        for i in range(len(scores))
        if i not in exclude and i not in shown and sets[i] and ranking.is_prose(i)
    ]
    copies = {i: _max_containment(sets, i, list(shown)) for i in candidates}
    chosen: list[int] = []
    while candidates and len(chosen) < count:
        overlap = {i: _max_similarity(sets, i, chosen) for i in candidates}
        repeats = {i: max(copies[i], _max_containment(sets, i, chosen)) for i in candidates}
        fresh = [i for i in candidates if repeats[i] < DUPLICATE] or candidates
        best = max(fresh, key=lambda i: scores[i] / top - REDUNDANCY_PENALTY * overlap[i])
        chosen.append(best)
        candidates.remove(best)
    return sorted(chosen)


def short_digest(ranking: Ranking, size: int) -> bool:
    """Whether a digest of `size` sentences (TL;DR included) is a short digest of a long
    article: ranked by salience with the slow `SHORT` prior, neither its lead nor coverage."""
    return _prior(size, len(ranking.sentences), ranking.first_person) is SHORT


def _prior(count: int, sentences: int, first_person: bool) -> Prior:
    """Lead for a few points from a long enough news report; a slow prior for a
    default digest of a long article; coverage otherwise (see the module docstring)."""
    if first_person:
        return COVER
    if count <= min(LEAD_POINTS, max(1.0, LEAD_SHARE * sentences)):
        return LEAD
    return SHORT if count <= min(SHORT_POINTS, SHORT_SHARE * sentences) else COVER


def _blend(
    salience: list[float], damping: list[float], prior: Prior, positions: list[int]
) -> list[float]:
    return [(s + prior.at(i)) * d for i, s, d in zip(positions, salience, damping, strict=True)]


def _centrality(sets: list[set[str]]) -> list[float]:
    """Each sentence's summed similarity to the others (to an even sample of them in a long text).

    The sample keeps the cost linear in the sentence count beyond
    `GRAPH_SAMPLE` sentences; below it every pair is compared. Shared words are
    counted through an index from word to sentences, so only pairs that share a
    word cost anything: comparing every pair's sets was 16 % of a Chinese digest
    (5.6 ms of 35.7 on the CLTS and news-site texts). The sum adds the same
    terms in the same order, so the scores are the same floats.
    """
    logs = [math.log(len(s)) if len(s) > 1 else 0.0 for s in sets]
    probes = range(0, len(sets), max(1, math.ceil(len(sets) / GRAPH_SAMPLE)))
    holders: dict[str, list[int]] = {}
    for j in probes:
        for word in sets[j]:
            holders.setdefault(word, []).append(j)
    return [_degree(i, words, holders, logs) for i, words in enumerate(sets)]


def _degree(i: int, words: set[str], holders: dict[str, list[int]], logs: list[float]) -> float:
    """Sentence i's summed similarity to every sampled sentence sharing one of its words."""
    shared = Counter(chain.from_iterable(holders.get(word, ()) for word in words))
    total = 0.0
    for j in sorted(shared):
        if j != i and logs[i] + logs[j] > 0:
            total += shared[j] / (logs[i] + logs[j])
    return total


def _significance(tokens: list[str], frequencies: Counter[str]) -> float:
    return sum(math.log(frequencies[t]) for t in set(tokens) if frequencies[t] > 1)


def _overlap(tokens: list[str], title_tokens: set[str]) -> float:
    if not title_tokens:
        return 0.0
    return len(title_tokens.intersection(tokens)) / len(title_tokens)


def _normalise(values: list[float]) -> list[float]:
    top = max(values, default=0.0)
    return [v / top for v in values] if top > 0 else [0.0 for _ in values]


def _max_containment(sets: list[set[str]], index: int, chosen: list[int]) -> float:
    """The largest share of the smaller word set found in the other, over `chosen`."""
    words = sets[index]
    best = 0.0
    for other in chosen:
        smaller = min(len(words), len(sets[other]))
        if smaller:
            best = max(best, len(words & sets[other]) / smaller)
    return best


def _max_similarity(sets: list[set[str]], index: int, chosen: list[int]) -> float:
    words = sets[index]
    best = 0.0
    for other in chosen:
        union = len(words | sets[other])
        if union:
            best = max(best, len(words & sets[other]) / union)
    return best
