"""A channel's roundup: everything shared in a window, grouped, from stored digests only.

Input: the window's shares, oldest first, each with its stored digest (or
None when it could not be read or is no longer cached). Output: a `Roundup`
— stories grouped by topic (the same story from several sources merged into
one entry that lists them all), each with the TL;DR of its first digest,
verbatim; the key figures across all stories with their source; who shared
what; and how many links could not be read. Nothing is written here that a
digest did not say: titles, TL;DRs, figures and topic keywords are copied.
Pure and total: an empty list gives an empty roundup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from itertools import chain, zip_longest

from summarizer.figures.find import key_figures
from summarizer.models import Digest, Lang
from summarizer.roundup.clusters import STORY_THRESHOLD, TOPIC_THRESHOLD, cluster, digest_tokens
from summarizer.roundup.model import (
    Entry,
    Roundup,
    SharedLink,
    Sharer,
    Source,
    SourcedFigure,
    Topic,
)

__all__ = ["MAX_FIGURES", "build_roundup"]

MAX_FIGURES = 10
FIGURES_PER_STORY = 3
TOPIC_LABEL_WORDS = 3


def build_roundup(
    shared: Sequence[tuple[SharedLink, Digest | None]],
    *,
    since: datetime,
    until: datetime,
    lang: Lang | None = None,
) -> Roundup:
    """The roundup of `shared` (oldest first); `lang` defaults to most digests' language."""
    read = _distinct_read(shared)
    digests = list(read.values())
    stories = _stories(read)
    return Roundup(
        since=since,
        until=until,
        lang=lang or _majority_lang(digests),
        topics=_topics(stories),
        figures=_figures(stories),
        sharers=_sharers(shared, read),
        unread=len({link.url for link, _ in shared} - read.keys()),
    )


_Story = list[tuple[Source, Digest]]


def _distinct_read(shared: Sequence[tuple[SharedLink, Digest | None]]) -> dict[str, Digest]:
    """URL → digest for every readable share, each URL once, in order of first share."""
    return {link.url: digest for link, digest in shared if digest is not None and link.ok}


def _source(url: str, digest: Digest) -> Source:
    return Source(url=digest.url or url, title=digest.title or digest.site or url, site=digest.site)


def _stories(read: dict[str, Digest]) -> list[_Story]:
    items = list(read.items())
    tokens = [digest_tokens(digest) for _, digest in items]
    groups = cluster(tokens, threshold=STORY_THRESHOLD)
    return [[(_source(*items[i]), items[i][1]) for i in group] for group in groups]


def _entry(story: _Story) -> Entry:
    first = story[0][1]
    keywords = dict.fromkeys(chain.from_iterable(d.keywords for _, d in story))
    return Entry(
        title=story[0][0].title,
        tldr=first.tldr,
        sources=tuple(source for source, _ in story),
        keywords=tuple(keywords),
    )


def _topics(stories: list[_Story]) -> tuple[Topic, ...]:
    """Topics of two or more stories first, in order; single stories last, under no label."""
    entries = [_entry(story) for story in stories]
    tokens = [frozenset().union(*(digest_tokens(d) for _, d in story)) for story in stories]
    groups = cluster(tokens, threshold=TOPIC_THRESHOLD)
    topics = [_topic([entries[i] for i in group]) for group in groups if len(group) > 1]
    rest = tuple(entries[group[0]] for group in groups if len(group) == 1)
    return (*topics, Topic(label=(), entries=rest)) if rest else tuple(topics)


def _topic(entries: list[Entry]) -> Topic:
    """Label: keywords found in most of the topic's stories (the first story's if none recur)."""
    counts = Counter(chain.from_iterable(entry.keywords for entry in entries))
    shared = [word for word, count in counts.most_common() if count > 1]
    label = shared or list(entries[0].keywords)
    return Topic(label=tuple(label[:TOPIC_LABEL_WORDS]), entries=tuple(entries))


def _figures(stories: list[_Story]) -> tuple[SourcedFigure, ...]:
    """Each story's best figures, taken in turns so one number-heavy story cannot fill the list."""
    per_story = [_story_figures(story) for story in stories]
    turns = chain.from_iterable(zip_longest(*per_story))
    return tuple(figure for figure in turns if figure is not None)[:MAX_FIGURES]


def _story_figures(story: _Story) -> list[SourcedFigure]:
    """The story's key figures across its sources, a repeated value once, with its source."""
    origin = {id(f): source for source, digest in story for f in digest.figures}
    pooled = [f for _, digest in story for f in digest.figures]
    return [SourcedFigure(f, origin[id(f)]) for f in key_figures(pooled, limit=FIGURES_PER_STORY)]


def _sharers(
    shared: Sequence[tuple[SharedLink, Digest | None]], read: dict[str, Digest]
) -> tuple[Sharer, ...]:
    """Who shared what, busiest first, each link once under its best-known title."""
    names = _titles(shared, read)
    links: dict[str | None, dict[str, None]] = {}
    for link, _ in shared:
        links.setdefault(link.user, {})[link.url] = None
    ranked = sorted(links.items(), key=lambda item: -len(item[1]))
    return tuple(Sharer(user, tuple(names[url] for url in urls)) for user, urls in ranked)


def _titles(
    shared: Sequence[tuple[SharedLink, Digest | None]], read: dict[str, Digest]
) -> dict[str, str]:
    """URL → its digest's title, else a title stored with any of its shares, else the URL."""
    titles = {url: _source(url, digest).title for url, digest in read.items()}
    for link, _ in shared:
        if link.title and link.url not in titles:
            titles[link.url] = link.title
    return {link.url: titles.get(link.url, link.url) for link, _ in shared}


def _majority_lang(digests: list[Digest]) -> Lang:
    counts = Counter(digest.lang for digest in digests)
    return counts.most_common(1)[0][0] if counts else "en"
