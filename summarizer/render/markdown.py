"""`Digest` → Markdown, for the terminal (rendered by rich) and plain-text channels.

Pure and total: never fails, leaves out what is missing. Article text is
escaped (`summarizer.render.escape`): a page's `[text](url)`, raw HTML or code
stays text, and only an http(s) URL becomes the title's link. Figures read as
"5.3亿人民币 — 一共帮产业筹了5.3亿人民币"; quotes as block quotes with the speaker.
"""

from __future__ import annotations

from summarizer.fetching.urls import public_link
from summarizer.models import Digest, Figure
from summarizer.render.escape import escape_markdown
from summarizer.render.text import label, meta_parts, shown_points

__all__ = ["render_markdown"]


def render_markdown(digest: Digest) -> str:
    """The whole digest as Markdown."""
    lang = digest.lang
    title = _text(digest.title or label("untitled", lang))
    url = public_link(digest.url)
    lines = [f"## [{title}]({_link_target(url)})" if url else f"## {title}"]
    lines += ["", "*" + _text(" · ".join(meta_parts(digest))) + "*", ""]
    lines += [f"**{label('tldr', lang)}:** {_text(digest.tldr)}"]
    if points := shown_points(digest):
        lines += ["", f"**{label('key_points', lang)}**", ""]
        lines += [f"- {_text(point)}" for point in points]
    if digest.quotes:
        lines += ["", f"**{label('quotes', lang)}**", ""]
        for quote in digest.quotes:
            speaker = f" — {_text(quote.speaker)}" if quote.speaker else ""
            lines += [f"> {_text(quote.text)}{speaker}", ">"]
        lines.pop()
    if digest.figures:
        lines += ["", f"**{label('figures', lang)}**", ""]
        lines += [f"- **{_text(f.text)}** — {_text(_figure_context(f))}" for f in digest.figures]
    if digest.keywords:
        lines += ["", f"**{label('keywords', lang)}:** " + _text(" · ".join(digest.keywords))]
    return "\n".join(lines) + "\n"


def _text(article_text: str) -> str:
    """Article text inert in Markdown (no links, HTML or code from the page), one line."""
    return escape_markdown(" ".join(article_text.splitlines()))


def _link_target(url: str) -> str:
    """The URL with parentheses and spaces encoded, so it cannot end the link early."""
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def _figure_context(figure: Figure) -> str:
    return figure.context if figure.context != figure.text else figure.kind
