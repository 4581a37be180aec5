"""How well the extractor's candidate choice carries to pages it was not tuned on.

`summarizer.extraction.choose` picks among candidates with weighted features.
Here every page's candidates and features are computed once; then the
preferred method per script (`prior`) is chosen, and the weights fitted by
coordinate ascent (each weight in turn tried at `GRID`, `ROUNDS` rounds,
keeping what raises the mean of the set scores), and:

- the **2-fold** score: pages are split into two halves (alternating within
  each group, in corpus order), weights fitted on one half choose the text of
  every page of the other half, and the set metric is computed over those
  out-of-fold choices — what unseen pages should get;
- `--fit` prints the parameters fitted on all pages (what `WEIGHTS` and
  `PREFERRED` ship).

The laziness of the real extractor is kept: on Chinese pages trafilatura's
candidate only counts when no cheaper one fits the title.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bench.extraction_metrics import Stat, aggregate, page_stat
from bench.extraction_sets import Page
from summarizer.errors import FetchError
from summarizer.extraction.candidates import Candidate
from summarizer.extraction.choose import FEATURES, WEIGHTS, Scored, agreed, pick, scored
from summarizer.extraction.extractor import read_page
from summarizer.fetching.charset import decode_html

GRID = (0.0, 0.5, 1.0, 2.0)
ROUNDS = 2
# A change of parameters must raise the objective by more than this: on halves
# of a few dozen pages, smaller gains are noise (unit weights stay otherwise).
MIN_GAIN = 0.002
# The methods `prior` may prefer, per "page is mostly Han" (trafilatura is not
# asked first on Chinese pages, so it cannot be their prior).
PRIOR_CHOICES = {
    True: ("readability", "density", "headline"),
    False: ("trafilatura", "readability", "density", "headline"),
}


@dataclass(frozen=True)
class Params:
    """What the fit chooses: the feature weights and the preferred method per script."""

    weights: dict[str, float]
    preferred: dict[bool, str]


@dataclass(frozen=True)
class PageChoices:
    """One page's candidate tables (cheap only, and with trafilatura) and their scores."""

    page: Page
    cheap: list[Scored]
    full: list[Scored]
    han: bool
    stats: dict[str, Stat]
    cheap_stats: dict[str, Stat]


def collect(pages: Sequence[Page]) -> list[PageChoices]:
    """Candidates, features and per-candidate page statistics for every page."""
    out = []
    for page in pages:
        try:
            read = read_page(decode_html(page.raw), page.url)
        except FetchError:
            out.append(PageChoices(page, [], [], False, {}, {}))
            continue
        slow = read.slow()
        full = [*read.cheap, *([slow] if slow else [])]
        cheap = scored(read.cheap, read.view)
        both = scored(full, read.view)
        stats, cheap_stats = _stats(page, full), _stats(page, read.cheap)
        out.append(PageChoices(page, cheap, both, read.chinese, stats, cheap_stats))
    return out


def _stats(page: Page, offered: Sequence[Candidate]) -> dict[str, Stat]:
    """Each candidate's page statistics as the extractor would output it among `offered`."""
    return {c.name: page_stat(page, agreed(c, offered).text) for c in offered}


def chosen_stat(choices: PageChoices, params: Params) -> Stat:
    """The page's metric share for the text `params` choose (a refusal scores as empty)."""
    preferred = params.preferred[choices.han]
    if choices.han and (cheap := pick(choices.cheap, preferred, params.weights)):
        return choices.cheap_stats[cheap.name]
    best = pick(choices.full, preferred, params.weights)
    return choices.stats[best.name] if best else page_stat(choices.page, "")


def set_score(items: Sequence[PageChoices], params: Params) -> float:
    """The set metric over `items` (one set) with the texts `params` choose."""
    return aggregate(items[0].page.set_name, [chosen_stat(c, params) for c in items])


def fit(items: Sequence[PageChoices], groups: Mapping[str, list[int]]) -> Params:
    """The preferred methods, then coordinate ascent on the weights, for the best
    mean of the groups' set scores."""
    parts = [[items[i] for i in idx] for idx in groups.values() if idx]

    def objective(p: Params) -> float:
        return statistics.mean(set_score(part, p) for part in parts)

    options = [
        Params(dict(WEIGHTS), {True: han, False: other})
        for han in PRIOR_CHOICES[True]
        for other in PRIOR_CHOICES[False]
    ]
    best_params, best = options[0], objective(options[0])
    for option in options[1:]:
        if (got := objective(option)) > best + MIN_GAIN:
            best, best_params = got, option
    for _ in range(ROUNDS):
        for name in FEATURES:
            for value in GRID:
                trial = Params({**best_params.weights, name: value}, best_params.preferred)
                if (got := objective(trial)) > best + MIN_GAIN:
                    best, best_params = got, trial
    return best_params


def two_fold(items: Sequence[PageChoices], groups: Mapping[str, list[int]]) -> dict[str, float]:
    """Per group: the set score of out-of-fold choices (see module doc)."""
    halves = [
        {g: [i for n, i in enumerate(idx) if n % 2 == k] for g, idx in groups.items()}
        for k in (0, 1)
    ]
    fitted = [fit(items, halves[k]) for k in (0, 1)]
    scores = {}
    for group, idx in groups.items():
        # each page scored with the weights chosen on the other half
        stats = [chosen_stat(items[i], fitted[1 - n % 2]) for n, i in enumerate(idx)]
        scores[group] = aggregate(items[idx[0]].page.set_name, stats)
    return scores
