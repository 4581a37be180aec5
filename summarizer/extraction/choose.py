"""Choose the article among the candidates, per page, with one score.

Every candidate gets the same eight features, each in [0, 1]:

- `title`: share of the title's content terms in its opening paragraphs;
- `position`: how close after the headline it starts (1 right after it,
  falling with every character of page text in between; 0 when it starts
  before the headline and does not hold it; ½ when the page has no headline);
- `punctuation`: prose punctuation per character, against a typical share
  (Chinese prose is dense in 。，, English in ., — menus and lists are not);
- `links`: 1 − the share of its characters inside links;
- `density`: characters per paragraph, against a typical paragraph;
- `length`: its characters against the longest candidate's (recall);
- `agreement`: its mean character-bag F1 with the other candidates — text
  that several methods find is article, text only one finds is usually not;
- `prior`: 1 for the method that is best alone on pages of the same script
  (`PREFERRED`: readability-lxml on Chinese pages, trafilatura on the others —
  also chosen per fold by the benchmark), 0 for the rest.

The score is their weighted sum (`WEIGHTS`), and the best-scoring candidate
(a site rule's, when there is one, see `pick`) that shares at least one
content term with the title in its opening is the article. A pick that
shares none is what a related-stories feed or a comment thread looks like;
when no candidate fits, the page is refused rather than summarised under the
wrong headline.

`WEIGHTS` were chosen on the development pages by `python -m bench
extraction --fit`; the benchmark's 2-fold column (weights chosen on one half,
scored on the other) is the estimate of how they do on unseen pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from summarizer.extraction.candidates import MIN_CANDIDATE_CHARS, Candidate
from summarizer.extraction.headline import opening, title_overlap
from summarizer.extraction.html_text import TextBlock, visible_chars

FEATURES = (
    "title",
    "position",
    "punctuation",
    "links",
    "density",
    "length",
    "agreement",
    "prior",
)
WEIGHTS: Mapping[str, float] = {
    "title": 1.0,
    "position": 1.0,
    "punctuation": 1.0,
    "links": 1.0,
    "density": 1.0,
    "length": 1.0,
    "agreement": 1.0,
    "prior": 1.0,
}
# The method best alone on each script's development pages, keyed by "the
# page is mostly Han" (see `prior`).
PREFERRED = {True: "readability", False: "trafilatura"}
# A typical share of punctuation in prose (Chinese ~0.08, English ~0.03) and a
# typical paragraph length: at or above them a feature is 1.
PROSE_PUNCTUATION_SHARE = 0.04
PROSE_PARAGRAPH_CHARS = 80
# Share of the title's terms the whole text must hold when its opening holds none.
MIN_TEXT_OVERLAP = 0.25
# A title needs this many content terms before a text can be judged off-topic.
MIN_TITLE_TERMS = 3
# Characters of page text between headline and candidate that halve `position`.
POSITION_HALF_CHARS = 300
# Our own candidates (`density`, `headline`) draw their boundary by element; when
# the other methods hold at least this share of the chosen one's characters,
# they agree on the body, and what only ours keeps is dropped (see `agreed`).
MIN_AGREED_SHARE = 0.25
OWN_METHODS = frozenset(("density", "headline"))
_PUNCTUATION = re.compile(r"[。，、；：！？,.;:!?]")
_NON_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageView:
    """What the score needs to know about the page itself."""

    blocks: Sequence[TextBlock]
    headline: int | None
    terms: frozenset[str]
    index: Mapping[str, int]
    declared: bool = False


def page_view(
    blocks: Sequence[TextBlock], headline: int | None, terms: frozenset[str], *, declared: bool
) -> PageView:
    """Index the page's paragraphs by their text, so candidates can be placed on it.

    `declared`: the page's og:title is shown as a heading (see `fits_title`).
    """
    index: dict[str, int] = {}
    for i, block in enumerate(blocks):
        index.setdefault(page_key(block.text), i)
    return PageView(blocks, headline, terms, index, declared)


def features(candidate: Candidate, page: PageView, longest: int) -> dict[str, float]:
    """The features of one candidate but `agreement` (see module doc)."""
    text = candidate.text
    chars = max(1, visible_chars(text))
    found = [page.index.get(page_key(p)) for p in candidate.paragraphs]
    links = sum(page.blocks[i].link_chars for i in found if i is not None)
    punctuation = len(_PUNCTUATION.findall(text)) / chars
    per_paragraph = chars / len(candidate.paragraphs)
    return {
        "title": title_overlap(page.terms, opening(_body(candidate, page))),
        "position": _position(page, next((i for i in found if i is not None), None), found),
        "punctuation": min(1.0, punctuation / PROSE_PUNCTUATION_SHARE),
        "links": 1.0 - min(1.0, links / chars),
        "density": min(1.0, per_paragraph / PROSE_PARAGRAPH_CHARS),
        "length": min(1.0, chars / max(1, longest)),
    }


def score(values: Mapping[str, float], weights: Mapping[str, float] = WEIGHTS) -> float:
    """The weighted sum of a candidate's features but `prior` (added by `pick`)."""
    return sum(weights[name] * values[name] for name in FEATURES if name in values)


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate with its features and whether it fits the title."""

    candidate: Candidate
    values: Mapping[str, float]
    fits: bool


def scored(candidates: Sequence[Candidate], page: PageView) -> list[Scored]:
    """Features of every candidate (`length` and `agreement` are relative to the others)."""
    longest = max((visible_chars(c.text) for c in candidates), default=1)
    bags = [Counter("".join(c.text.split())) for c in candidates]
    out = []
    for n, candidate in enumerate(candidates):
        values = features(candidate, page, longest)
        others = [_bag_f1(bags[n], bag) for m, bag in enumerate(bags) if m != n]
        values["agreement"] = sum(others) / len(others) if others else 1.0
        out.append(Scored(candidate, values, fits_title(candidate, page)))
    return out


def _bag_f1(a: Counter[str], b: Counter[str]) -> float:
    overlap = sum((a & b).values())
    return 2 * overlap / (a.total() + b.total()) if overlap else 0.0


def pick(
    table: Sequence[Scored], preferred: str, weights: Mapping[str, float] = WEIGHTS
) -> Candidate | None:
    """The best-scoring candidate that fits the title (ties: the earlier, more specific one).

    A site rule's candidate that fits is taken as it is: a rule exists for a
    page shape the general methods misread, so outscoring it defeats it.
    """
    fitting = [s for s in table if s.fits]
    if not fitting:
        return None
    if rule := next((s for s in fitting if s.candidate.name == "rule"), None):
        return rule.candidate
    prior = weights["prior"]
    return max(
        fitting,
        key=lambda s: score(s.values, weights) + prior * (s.candidate.name == preferred),
    ).candidate


def fits_title(candidate: Candidate, page: PageView) -> bool:
    """False when the candidate's opening shares no content term with the title
    and the whole text shares few (a feature's opening may not restate its
    title: measured, 3 of 174 trafilatura-eval pages refused on the opening alone).

    Only a headline the page both declares (og:title) and shows as a heading
    is one to judge by (a blog's `<title>` and top heading are often the
    blog's name: measured, 1 of 35 GB2312 pages refused without this), and a title of fewer than
    `MIN_TITLE_TERMS` terms ("标题", "Home") says too little to refuse anything.
    """
    if not page.declared or len(page.terms) < MIN_TITLE_TERMS:
        return True
    body = _body(candidate, page)
    if title_overlap(page.terms, opening(body)) > 0:
        return True
    return title_overlap(page.terms, "\n".join(body).lower()) >= MIN_TEXT_OVERLAP


def _body(candidate: Candidate, page: PageView) -> list[str]:
    """The candidate's paragraphs without the headline itself (which trivially matches)."""
    if page.headline is None:
        return list(candidate.paragraphs)
    headline = page_key(page.blocks[page.headline].text)
    return [p for p in candidate.paragraphs if page_key(p) != headline]


def _position(page: PageView, start: int | None, found: Sequence[int | None]) -> float:
    if page.headline is None or start is None:
        return 0.5
    lo, hi = sorted((start, page.headline))
    between = sum(visible_chars(b.text) for b in page.blocks[lo + 1 : hi])
    if start < page.headline and page.headline not in found:
        return 0.0
    return 1.0 / (1.0 + between / POSITION_HALF_CHARS)


def page_key(paragraph: str) -> str:
    """A paragraph's text without whitespace: how a candidate's paragraph is found on the page."""
    return _NON_SPACE.sub("", paragraph)


@dataclass(frozen=True, slots=True)
class Choice:
    """The article's candidate (None when none fits the title) and every candidate weighed."""

    article: Candidate | None
    offered: tuple[Candidate, ...]


def choose(
    cheap: Sequence[Candidate],
    slow: Callable[[], Candidate | None],
    page: PageView,
    *,
    han: bool,
    weights: Mapping[str, float] = WEIGHTS,
) -> Choice:
    """The best-scoring candidate that fits the title.

    `slow` (trafilatura) is asked at once on pages that are not mostly Han
    (`han`), else only when no cheap candidate fits: on Chinese pages the
    cheap ones settle almost every page (issue 15: its extraction was 64 % of
    the time, mostly thrown away).
    """
    preferred = PREFERRED[han]
    offered = list(cheap)
    if not han:
        offered += [c for c in (slow(),) if c is not None]
    article = pick(scored(offered, page), preferred, weights)
    if article is None and han:
        offered += [c for c in (slow(),) if c is not None]
        article = pick(scored(offered, page), preferred, weights)
    return Choice(article and agreed(article, offered), tuple(offered))


def agreed(article: Candidate, offered: Sequence[Candidate]) -> Candidate:
    """Our own candidate without the paragraphs no other method finds, when the
    others find most of its body (`MIN_AGREED_SHARE`).

    Density draws the article's boundary at an element, which on a page of one
    big container takes the date line, the author's bio or the site's footer
    too; readability-lxml and trafilatura each drop those by their own means,
    so a paragraph neither finds is furniture. Chosen on one half of the
    development pages (trafilatura-eval segment F1 0.917 → 0.929 there, on 4
    pages where the others hold 0.49–0.98 of our text) and checked on the
    other (scrapinghub 0.952 → 0.954, the rest unchanged); the share
    `MIN_AGREED_SHARE` leaves alone a related-stories page where only our
    `headline` candidate finds the story (the others hold 0.0 of it).
    """
    if article.name not in OWN_METHODS:
        return article
    others = [page_key(c.text) for c in offered if c.name not in OWN_METHODS]
    held = [p for p in article.paragraphs if any(page_key(p) in text for text in others)]
    total = visible_chars(article.text)
    kept = visible_chars("".join(held))
    if kept < MIN_AGREED_SHARE * total or kept < MIN_CANDIDATE_CHARS:
        return article
    return Candidate(article.name, tuple(held))
