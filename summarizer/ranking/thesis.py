"""The TL;DR sentence: the one that states the article's point.

Input: a `Ranking` (with sentence roles) and the title. Output: the index of
the sentence to condense into the TL;DR. Only prose qualifies.

- A report (third person) puts its news in its lede: among its first
  `LEDE_WINDOW` prose sentences that are full clauses (not damped as
  fragments), the one echoing the title most, salience breaking near ties —
  a hard-news lede echoes its headline, a feature's scene-setting opening
  does not, its "nut graf" a sentence or three later does. Without a title
  there is nothing to echo, and the first full clause is the lede (on
  CNN/DailyMail, untitled, any wider window loses ROUGE to Lead-3). Captions,
  datelines, bylines and headings are furniture (`summarizer.text.roles`)
  and never qualify. On the labelled pages the editors' thesis is the first
  or second sentence of the page in 33 of 67 (`python -m bench digest`).
- A text told in the first person (a speech, an interview, an essay) opens
  with greetings and anecdotes, not its point. Its headline and subheads are
  the editor's statement of that point, so the TL;DR is the prose sentence
  that echoes the title and the headings most, with salience breaking near
  ties (for the bundled sample: 互联网+电影的主语是电影).

Either way a sentence that cannot stand alone as the point — a question, a
lead-in quote, a hook to the reader, an opener pointing back ("可这几天…"),
a sign-off — is passed over while another qualifies
(`summarizer.ranking.standalone`; the editor's reading, defect class 4). An
additive or contrastive opener ("但是，…") is no such pointer: the sentence is
judged, and shown, from after it (`peel`).
"""

from __future__ import annotations

from collections.abc import Iterator

from summarizer.models import Lang
from summarizer.ranking.rank import Ranking
from summarizer.ranking.standalone import peel, states_a_point
from summarizer.text.tokens import content_tokens

__all__ = ["the_point"]

FULL_CLAUSE = 1.0  # damping of a sentence that is no fragment
SALIENCE_SHARE = 0.5
# How many opening full-clause sentences may hold a report's point: a feature
# opens with a scene and states its news a sentence or three later. Chosen on
# half A of the digest labels (thesis %: window 1 → 49, 2…6 → 57, a plateau;
# 4 is its middle) and checked on half B (1 → 47, 2 → 56, 4 → 62, 6 → 59).
LEDE_WINDOW = 4
# Within this much of the strongest, the earlier sentence wins: a lede that
# echoes the title nearly as well as a later sentence is still the lede.
# Chosen on half A (thesis %: margin 0 → 57, 0.1…0.4 → 60, a plateau; 0.25 is
# its middle), checked on half B (0 → 59, 0.2 and 0.3 → 66).
EARLIER = 0.25  # how much salience counts beside the echo, both in [0, 1]


def the_point(ranking: Ranking, lang: Lang, title: str | None) -> int:
    """Index of the sentence the TL;DR is made from."""
    prose = [i for i in range(len(ranking.sentences)) if ranking.is_prose(i) and ranking.tokens[i]]
    if not prose:
        return 0
    standalone = (i for i in prose if states_a_point(peel(ranking.sentences[i].text, lang), lang))
    if ranking.first_person:
        return _claim(ranking, list(standalone) or prose, lang, title)
    window = LEDE_WINDOW if title and content_tokens(title, lang) else 1
    return _claim(ranking, _lede(ranking, prose, standalone, window), lang, title)


def _lede(ranking: Ranking, prose: list[int], standalone: Iterator[int], window: int) -> list[int]:
    """A report's first `window` standalone full clauses (else standalone sentences, else
    prose), testing sentences only until the window is full: testing every sentence of
    the article was 2 % of an English digest, and the sentences are the same."""
    stands: list[int] = []
    full: list[int] = []
    for index in standalone:
        stands.append(index)
        if ranking.damping[index] >= FULL_CLAUSE:
            full.append(index)
            if len(full) == window:
                return full
    candidates = stands or prose
    return ([i for i in candidates if ranking.damping[i] >= FULL_CLAUSE] or candidates)[:window]


def _claim(ranking: Ranking, prose: list[int], lang: Lang, title: str | None) -> int:
    """The prose sentence echoing the title and its best-matching subhead most (earliest on ties).

    Echo is the share of the title's (or the subhead's) words the sentence
    repeats; a subhead is matched on its own, not pooled with the others, so
    the sentence that restates one subhead's claim wins over one touching
    each a little. Salience breaks near ties.
    """
    title_words = set(content_tokens(title, lang)) if title else set()
    headings = [set(ranking.tokens[i]) for i, role in enumerate(ranking.roles) if role == "heading"]
    top = max((ranking.salience[i] for i in prose), default=0.0) or 1.0

    def strength(index: int) -> float:
        words = set(ranking.tokens[index])
        echo = _echo(words, title_words) + max((_echo(words, h) for h in headings), default=0.0)
        return (echo + SALIENCE_SHARE * ranking.salience[index] / top) * ranking.damping[index]

    strengths = {i: strength(i) for i in prose}
    best = max(strengths.values())
    return next(i for i in prose if strengths[i] >= best - EARLIER)


def _echo(words: set[str], said: set[str]) -> float:
    return len(words & said) / len(said) if said else 0.0
