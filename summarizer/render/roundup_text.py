"""A `Roundup` as titled sections of lines, in a platform's markup, and packed into pages.

Input: a roundup and a `Markup` (how the platform writes bold, links and
mentions, and how it neutralises article text). Output: `Section`s whose
lines the platform renderers pack into messages with `pack_lines`. Every
line shows only what the digests said: titles, TL;DRs and figures verbatim
(cut visibly with "…" when a line would pass a limit), and the bot's own labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from summarizer.render.text import label, truncate
from summarizer.roundup.model import Entry, Roundup, Sharer, Source, SourcedFigure, Topic

__all__ = ["TLDR_LIMIT", "Markup", "Section", "outline", "pack_lines", "roundup_label", "title"]

TLDR_LIMIT = 400
"""A TL;DR is one or two sentences; a longer one is cut visibly to keep the roundup scannable."""
TITLE_LIMIT = 150
FIGURE_CONTEXT_LIMIT = 200
SHARED_TITLES = 5

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "roundup": "Roundup",
        "articles": "{n} articles",
        "article": "1 article",
        "other": "Other links",
        "all": "Links shared",
        "sources": "Also reported by",
        "sharers": "Who shared what",
        "someone": "someone",
        "unread": "Shared links that could not be read: {n}",
        "empty": "Nothing was shared in this window.",
        "from": "from",
    },
    "zh": {
        "roundup": "频道汇总",
        "articles": "{n} 篇文章",
        "article": "1 篇文章",
        "other": "其他链接",
        "all": "分享的链接",
        "sources": "其他来源",
        "sharers": "分享者",
        "someone": "某人",
        "unread": "无法读取的分享链接：{n} 个",
        "empty": "这段时间内没有分享任何链接。",
        "from": "来自",
    },
}


def roundup_label(name: str, lang: str, **values: object) -> str:
    """A roundup label in the roundup's language (English unless "zh")."""
    return _LABELS["zh" if lang == "zh" else "en"][name].format(**values)


@dataclass(frozen=True, slots=True)
class Markup:
    """How one platform writes the few things a roundup needs."""

    clean: Callable[[str], str]
    """Neutralise article text (escape control characters, break mentions)."""
    bold: Callable[[str], str]
    link: Callable[[str, str], str]
    """(already-clean text, URL) → a link."""
    user: Callable[[str], str]
    """A platform user id → how to show that person."""


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its lines."""

    heading: str
    lines: tuple[str, ...]


def title(roundup: Roundup) -> str:
    """ "Roundup · 2026-03-02 09:00 – 2026-03-09 09:00 UTC · 12 articles"."""
    start, end = roundup.since, roundup.until
    zone = end.tzname() or ""
    window = f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M} {zone}".strip()
    count = roundup_label(
        "article" if roundup.articles == 1 else "articles", roundup.lang, n=roundup.articles
    )
    return f"{roundup_label('roundup', roundup.lang)} · {window} · {count}"


def outline(roundup: Roundup, markup: Markup) -> list[Section]:
    """Topics, key figures, who shared what, and the unreadable-link count, in that order."""
    lang = roundup.lang
    rest = "other" if len(roundup.topics) > 1 else "all"
    rest_label = roundup_label(rest, lang)
    sections = [_topic(topic, markup, lang, rest_label) for topic in roundup.topics]
    if roundup.figures:
        lines = tuple(_figure(item, markup, lang) for item in roundup.figures)
        sections.append(Section(markup.bold(label("figures", lang)), lines))
    if roundup.sharers:
        lines = tuple(_sharer(sharer, markup, lang) for sharer in roundup.sharers)
        sections.append(Section(markup.bold(roundup_label("sharers", lang)), lines))
    if roundup.unread:
        sections.append(Section("", (roundup_label("unread", lang, n=roundup.unread),)))
    if roundup.empty:
        sections.append(Section("", (roundup_label("empty", lang),)))
    return sections


def _topic(topic: Topic, markup: Markup, lang: str, rest: str) -> Section:
    """A topic under its keywords; the stories that fit no topic under `rest`."""
    words = " · ".join(topic.label) if topic.label else rest
    heading = markup.bold(markup.clean(truncate(words, TITLE_LIMIT)))
    return Section(heading, tuple(_entry(entry, markup, lang) for entry in topic.entries))


def _entry(entry: Entry, markup: Markup, lang: str) -> str:
    first, *others = entry.sources
    name = markup.bold(_link(markup, truncate(entry.title, TITLE_LIMIT), first.url))
    site = f" ({markup.clean(first.site)})" if first.site else ""
    line = f"• {name}{site} — {markup.clean(truncate(entry.tldr, TLDR_LIMIT))}"
    if others:
        links = ", ".join(_source_link(source, markup) for source in others)
        line += f"\n    {roundup_label('sources', lang)}: {links}"
    return line


def _source_link(source: Source, markup: Markup) -> str:
    return _link(markup, truncate(source.site or source.title, TITLE_LIMIT), source.url)


def _link(markup: Markup, text: str, url: str) -> str:
    """A link to a web page; just the text for anything else (pasted text has no page)."""
    clean = markup.clean(text)
    return markup.link(clean, url) if url.startswith(("http://", "https://")) else clean


def _figure(item: SourcedFigure, markup: Markup, lang: str) -> str:
    figure, source = item.figure, item.source
    context = truncate(" ".join(figure.context.split()), FIGURE_CONTEXT_LIMIT)
    text = f"{markup.bold(markup.clean(figure.text))} — {markup.clean(context)}"
    return f"• {text} ({roundup_label('from', lang)} {_source_link(source, markup)})"


def _sharer(sharer: Sharer, markup: Markup, lang: str) -> str:
    who = markup.user(sharer.user) if sharer.user else roundup_label("someone", lang)
    shown = [markup.clean(truncate(t, TITLE_LIMIT)) for t in sharer.titles[:SHARED_TITLES]]
    hidden = len(sharer.titles) - len(shown)
    more = f" +{hidden} {label('more', lang)}" if hidden else ""
    return f"• {who}: {'; '.join(shown)}{more}"


def pack_lines(lines: list[str], limit: int) -> Iterator[str]:
    """Lines joined by newlines into chunks of at most `limit` characters, in order.

    A single line longer than `limit` is cut visibly; lines are never split or
    reordered, so a story and its sources stay together.
    """
    chunk = ""
    for raw in lines:
        line = truncate(raw, limit)
        if chunk and len(chunk) + 1 + len(line) > limit:
            yield chunk
            chunk = ""
        chunk = f"{chunk}\n{line}" if chunk else line
    if chunk:
        yield chunk
