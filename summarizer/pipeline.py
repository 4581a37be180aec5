"""`summarize`: an article (or text, Markdown, HTML) in, one faithful `Digest` out.

Stages: parse source → detect language → split sentences → roles (prose or
furniture) → rank → the TL;DR (the article's point) → key points (never the
TL;DR again) → quotes → figures (from prose only) → keywords. Every string in the digest
is taken from the article text (condensed points and quotes are verbatim
pieces joined by "…"). Failure: the `InputError`s of `summarizer.errors`.
"""

from __future__ import annotations

import math

from summarizer.errors import NoSentences, UnsupportedLanguage
from summarizer.extraction.source import check_text, parse_source
from summarizer.figures.find import find_figures, key_figures, with_contexts
from summarizer.models import Article, Digest, Figure, Lang, Quote
from summarizer.ranking.condense import condense, size
from summarizer.ranking.keywords import extract_keywords
from summarizer.ranking.quotes import find_quotes
from summarizer.ranking.rank import Ranking, rank_sentences, select, short_digest
from summarizer.ranking.standalone import can_be_a_point, opens_with_quote, peel
from summarizer.ranking.thesis import the_point
from summarizer.text.language import detect_language, is_foreign
from summarizer.text.roles import furniture_spans, label_sentences
from summarizer.text.sentences import split_sentences

__all__ = ["summarize"]

# 80 Chinese characters read in about the time of 45 English words (see
# READING_SPEED); the issue's ~120 is a ceiling, and the long comma-joined
# Chinese sentences score better on ROUGE when cut nearer the English length.
POINT_LIMIT = {"zh": 80, "en": 45}
# The TL;DR gets a point's length: it is a whole lede, not a fragment of one
# (30 English words cut half the CNN/DailyMail ledes; measured −0.5 ROUGE-1).
TLDR_LIMIT = POINT_LIMIT
TOTAL_BUDGET = {"zh": 600, "en": 150}
DEFAULT_POINTS = 3
READING_SPEED = {"zh": 400, "en": 230}


def summarize(
    source: str | Article, *, lang: Lang | None = None, max_points: int = DEFAULT_POINTS
) -> Digest:
    """The digest of `source`: plain text, Markdown with front matter, HTML, or an `Article`.

    The TL;DR states the article's point (`summarizer.ranking.thesis`); the
    `max_points` key points beside it are other sentences, so a default digest
    says four distinct things. Text in neither Chinese nor English, unless `lang`
    (or the source's front matter) says which to read it as, raises
    `UnsupportedLanguage`: the tokenizers know no other language.
    """
    article = source if isinstance(source, Article) else parse_source(source)
    check_text(article.text)
    if not (lang or article.lang) and is_foreign(article.text):
        raise UnsupportedLanguage()
    language: Lang = lang or article.lang or detect_language(article.text)
    sentences, roles = label_sentences(
        article.text,
        split_sentences(article.text, language),
        language,
        blocks=article.blocks,
        title=article.title,
    )
    ranking = rank_sentences(sentences, lang=language, title=article.title, roles=roles)
    if not any(ranking.tokens):
        raise NoSentences()
    best = the_point(ranking, language, article.title)
    tldr = condense(peel(sentences[best].text, language), language, TLDR_LIMIT[language])
    limit = _point_limit(language, max_points, size(tldr, language))
    chosen, quotes = _points_and_quotes(article.text, ranking, language, (max_points, limit), best)
    return Digest(
        tldr=tldr,
        key_points=[condense(peel(sentences[i].text, language), language, limit) for i in chosen],
        quotes=quotes,
        figures=_prose_figures(
            article.text,
            language,
            furniture_spans(sentences, roles),
            [(sentences[i].start, sentences[i].end) for i in (best, *chosen)],
            article.title,
        ),
        keywords=extract_keywords(ranking, lang=language, title=article.title),
        title=article.title,
        url=article.url,
        site=article.site,
        author=article.author,
        published=article.published,
        lang=language,
        length=len(article.text),
        reading_minutes=max(1, math.ceil(size(article.text, language) / READING_SPEED[language])),
        decoded_from=article.decoded_from,
    )


def _points_and_quotes(
    text: str, ranking: Ranking, lang: Lang, budget: tuple[int, int], tldr: int
) -> tuple[list[int], list[Quote]]:
    """Key point sentences and quotes, never the TL;DR's sentence nor the same sentence twice.

    In a report, key points come first and quotes from what is left. In a
    text told in the first person (a speech), the speaker's strongest claims
    are its quotes — attributed, which a key point is not — so quotes are
    chosen first and the key points from the rest. `budget` is how many points and the
    size each is cut to.
    """
    points, limit = budget
    leaning = _leaning(ranking, lang, points, tldr)
    if not ranking.first_person:
        chosen = select(ranking, points, exclude=leaning, shown=(tldr,), limit=limit)
        return chosen, find_quotes(text, ranking, lang=lang, key_points=frozenset([tldr, *chosen]))
    quotes = find_quotes(text, ranking, lang=lang, key_points=frozenset([tldr]))
    quoted = frozenset(
        s.index
        for s in ranking.sentences
        if any(q.start < s.end and s.start < q.end for q in quotes)
    )
    chosen = select(ranking, points, exclude=quoted | leaning, shown=(tldr,), limit=limit)
    return chosen, quotes


def _leaning(ranking: Ranking, lang: Lang, points: int, tldr: int) -> frozenset[int]:
    """Sentences that cannot stand alone as a point ("但是，…", "which…", a question, a
    sign-off; `summarizer.ranking.standalone`), unless too few others are left to fill
    the digest.

    In a short digest of a long article (`short_digest`: TL;DR + 3 points) a sentence
    opening with a quoted remark ("“一闸之隔，…”他说。") is a quote, shown among the
    quotes with its speaker, not a point: on the digest labels coverage half B 53.9 →
    56.2, half A unchanged at 60.4 (`python -m bench digest`). A lead digest is the top
    of the report and a coverage digest covers the article, quotes too: refusing them in
    every digest cost 1.1 ROUGE-1 on BBC, below sumy-textrank, and put digestbot under
    Lead-3 on the first 30 CNN/DailyMail texts (`python -m bench quality`).
    """
    prose = [i for i in range(len(ranking.sentences)) if ranking.is_prose(i) and i != tldr]
    quotes_apart = short_digest(ranking, points + 1)
    leaning = [
        i
        for i in prose
        if not can_be_a_point(text := peel(ranking.sentences[i].text, lang), lang)
        or (quotes_apart and opens_with_quote(text))
    ]
    return frozenset(leaning) if len(prose) - len(leaning) >= points else frozenset()


def _prose_figures(
    text: str,
    lang: Lang,
    furniture: list[tuple[int, int]],
    shown: list[tuple[int, int]],
    title: str | None = None,
) -> list[Figure]:
    """Key figures read from prose only: a caption's or dateline's numbers are not the story's.

    `shown` spans the TL;DR and point sentences, and `title` is the headline: figures there
    rank first.
    """
    found = find_figures(text, lang=lang, skip=furniture, contexts=False)
    return with_contexts(text, key_figures(found, key_spans=shown, title=title), lang)


def _point_limit(lang: Lang, points: int, tldr_size: int) -> int:
    """Per-point size: within the chat budget for a short digest, full length for more points.

    TL;DR plus three points fit ~600 Chinese characters / ~150 English words;
    a user (or a benchmark) asking for more points asks for a longer digest.
    """
    if points > DEFAULT_POINTS:
        return POINT_LIMIT[lang]
    share = (TOTAL_BUDGET[lang] - tldr_size) // max(1, points)
    return max(POINT_LIMIT[lang] // 3, min(POINT_LIMIT[lang], share))
