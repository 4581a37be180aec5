"""`Digest` → Markdown, for the terminal (rendered by rich) and plain-text channels.

Pure and total: never fails, leaves out what is missing. Figures read as
"5.3亿人民币 — 一共帮产业筹了5.3亿人民币"; quotes as block quotes with the speaker.
"""

from __future__ import annotations

from summarizer.models import Digest, Figure
from summarizer.render.text import label, meta_parts, shown_points

__all__ = ["render_markdown"]


def render_markdown(digest: Digest) -> str:
    """The whole digest as Markdown."""
    lang = digest.lang
    title = digest.title or label("untitled", lang)
    link_text = title.replace("[", "\\[").replace("]", "\\]")  # a stray "]" would end the link
    lines = [f"## [{link_text}]({digest.url})" if digest.url else f"## {title}"]
    lines += ["", "*" + " · ".join(meta_parts(digest)) + "*", ""]
    lines += [f"**{label('tldr', lang)}:** {digest.tldr}"]
    if points := shown_points(digest):
        lines += ["", f"**{label('key_points', lang)}**", ""]
        lines += [f"- {point}" for point in points]
    if digest.quotes:
        lines += ["", f"**{label('quotes', lang)}**", ""]
        for quote in digest.quotes:
            speaker = f" — {quote.speaker}" if quote.speaker else ""
            lines += [f"> {quote.text}{speaker}", ">"]
        lines.pop()
    if digest.figures:
        lines += ["", f"**{label('figures', lang)}**", ""]
        lines += [f"- **{f.text}** — {_figure_context(f)}" for f in digest.figures]
    if digest.keywords:
        lines += ["", f"**{label('keywords', lang)}:** " + " · ".join(digest.keywords)]
    return "\n".join(lines) + "\n"


def _figure_context(figure: Figure) -> str:
    return figure.context if figure.context != figure.text else figure.kind
