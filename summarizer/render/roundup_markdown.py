"""`Roundup` → one Markdown document, for the console (rich renders it) and plain text.

Pure and total; no length limit applies on a terminal, so nothing is split.
"""

from __future__ import annotations

from summarizer.render.roundup_embed import markdown_link
from summarizer.render.roundup_text import Markup, outline, title
from summarizer.roundup.model import Roundup

__all__ = ["render_roundup_markdown"]

MARKDOWN_MARKUP = Markup(
    clean=lambda text: text,
    bold=lambda text: f"**{text}**",
    link=markdown_link,
    user=lambda user: user,
)


def render_roundup_markdown(roundup: Roundup) -> str:
    """The whole roundup as Markdown: a title, then each section under its heading."""
    parts = [f"## {title(roundup)}"]
    for section in outline(roundup, MARKDOWN_MARKUP):
        lines = "\n".join(_list_item(line) for line in section.lines)
        parts.append(f"{section.heading}\n\n{lines}" if section.heading else lines)
    return "\n\n".join(parts) + "\n"


def _list_item(line: str) -> str:
    """A "• " line as a Markdown list item; its sources line as a hard break inside it."""
    if not line.startswith("• "):
        return line
    return "- " + line[2:].replace("\n    ", "  \n  ")
