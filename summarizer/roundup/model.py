"""What a roundup is: plain data, built by `summarizer.roundup.build`, drawn by the renderers.

Apart from the building so that the adapters, the scheduler and the renderers can
name these types without importing the clustering and the figures (jieba's
dictionary among them): the bot's main process builds a roundup only when one is
asked for (README, Load).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from summarizer.models import Figure, Lang

__all__ = ["Entry", "Roundup", "SharedLink", "Sharer", "Source", "SourcedFigure", "Topic"]


class SharedLink(Protocol):
    """What a roundup needs of a share (the store's `Share` fits it)."""

    @property
    def url(self) -> str: ...
    @property
    def user(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def ok(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Source:
    """One article of a story: its link, title and site, as its digest gives them."""

    url: str
    title: str
    site: str | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One story: its first digest's title and TL;DR, and every source that reported it."""

    title: str
    tldr: str
    sources: tuple[Source, ...]
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    """Stories about the same thing; `label` holds keywords they share (empty: the rest)."""

    label: tuple[str, ...]
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class SourcedFigure:
    """A figure, verbatim, with the article it came from."""

    figure: Figure
    source: Source


@dataclass(frozen=True, slots=True)
class Sharer:
    """Someone (None: not known) and the titles of what they shared."""

    user: str | None
    titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Roundup:
    """The window, its topics, key figures, sharers, and the count of unreadable links."""

    since: datetime
    until: datetime
    lang: Lang
    topics: tuple[Topic, ...]
    figures: tuple[SourcedFigure, ...]
    sharers: tuple[Sharer, ...]
    unread: int

    @property
    def articles(self) -> int:
        """How many distinct articles were read (sources across all stories)."""
        return sum(len(entry.sources) for topic in self.topics for entry in topic.entries)

    @property
    def empty(self) -> bool:
        """Nothing shared at all in the window."""
        return not self.topics and not self.unread
