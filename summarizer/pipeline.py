"""`summarize`: an article (or text, Markdown, HTML) in, one faithful `Digest` out.

Stages: parse source → detect language → split sentences → rank → pick and
condense key points → quotes → figures → keywords. Every string in the digest
is taken from the article text (condensed points and quotes are verbatim
pieces joined by "…"). Failure: the `InputError`s of `summarizer.errors`.
"""

from __future__ import annotations

import math

from summarizer.errors import NoSentences
from summarizer.extraction.source import check_text, parse_source
from summarizer.figures.find import find_figures, key_figures
from summarizer.models import Article, Digest, Lang, Quote
from summarizer.ranking.condense import condense, size
from summarizer.ranking.keywords import extract_keywords
from summarizer.ranking.quotes import find_quotes
from summarizer.ranking.rank import Ranking, rank_sentences, select
from summarizer.text.language import detect_language
from summarizer.text.sentences import split_sentences
from summarizer.text.tokens import content_tokens

__all__ = ["summarize"]

# 80 Chinese characters read in about the time of 45 English words (see
# READING_SPEED); the issue's ~120 is a ceiling, and the long comma-joined
# Chinese sentences score better on ROUGE when cut nearer the English length.
POINT_LIMIT = {"zh": 80, "en": 45}
TLDR_LIMIT = {"zh": 80, "en": 30}
TOTAL_BUDGET = {"zh": 600, "en": 150}
DEFAULT_POINTS = 3
READING_SPEED = {"zh": 400, "en": 230}


def summarize(
    source: str | Article, *, lang: Lang | None = None, max_points: int = DEFAULT_POINTS
) -> Digest:
    """The digest of `source`: plain text, Markdown with front matter, HTML, or an `Article`."""
    article = source if isinstance(source, Article) else parse_source(source)
    check_text(article.text)
    language: Lang = lang or article.lang or detect_language(article.text)
    sentences = split_sentences(article.text, language)
    ranking = rank_sentences(sentences, lang=language, title=article.title)
    if not any(ranking.tokens):
        raise NoSentences()
    chosen, quotes = _points_and_quotes(article.text, ranking, language, max(1, max_points))
    weight = ranking.clause_weight(language)
    best = _most_representative(ranking, chosen, language, article.title)
    tldr = condense(sentences[best].text, language, TLDR_LIMIT[language], weight)
    limit = _point_limit(language, max_points, size(tldr, language))
    return Digest(
        tldr=tldr,
        key_points=[condense(sentences[i].text, language, limit, weight) for i in chosen],
        quotes=quotes,
        figures=key_figures(find_figures(article.text, lang=language)),
        keywords=extract_keywords(ranking, lang=language, title=article.title),
        title=article.title,
        url=article.url,
        site=article.site,
        author=article.author,
        published=article.published,
        lang=language,
        length=len(article.text),
        reading_minutes=max(1, math.ceil(size(article.text, language) / READING_SPEED[language])),
    )


def _points_and_quotes(
    text: str, ranking: Ranking, lang: Lang, points: int
) -> tuple[list[int], list[Quote]]:
    """Key point sentences and quotes, never the same sentence twice.

    In a report, key points come first and quotes from what is left. In a
    text told in the first person (a speech), the speaker's strongest claims
    are its quotes — attributed, which a key point is not — so quotes are
    chosen first and the key points from the rest.
    """
    if not ranking.first_person:
        chosen = select(ranking, points)
        return chosen, find_quotes(text, ranking, lang=lang, key_points=frozenset(chosen))
    quotes = find_quotes(text, ranking, lang=lang, key_points=frozenset())
    quoted = frozenset(
        s.index
        for s in ranking.sentences
        if any(q.start < s.end and s.start < q.end for q in quotes)
    )
    return select(ranking, points, exclude=quoted), quotes


def _most_representative(ranking: Ranking, chosen: list[int], lang: Lang, title: str | None) -> int:
    """The chosen sentence for the TL;DR: the best score, plus how much of the title it says.

    The title is the writer's own one-line summary, so among good sentences the
    one echoing it reads most like a TL;DR.
    """
    title_words = set(content_tokens(title, lang)) if title else set()

    def representativeness(index: int) -> float:
        echoed = len(title_words.intersection(ranking.tokens[index]))
        return ranking.scores[index] + echoed / max(1, len(title_words))

    return max(chosen, key=representativeness)


def _point_limit(lang: Lang, points: int, tldr_size: int) -> int:
    """Per-point size: within the chat budget for a short digest, full length for more points.

    TL;DR plus three points fit ~600 Chinese characters / ~150 English words;
    a user (or a benchmark) asking for more points asks for a longer digest.
    """
    if points > DEFAULT_POINTS:
        return POINT_LIMIT[lang]
    share = (TOTAL_BUDGET[lang] - tldr_size) // max(1, points)
    return max(POINT_LIMIT[lang] // 3, min(POINT_LIMIT[lang], share))
