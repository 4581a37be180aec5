"""Showing Markdown on a terminal: rich when interactive, verbatim when piped.

Kept apart from the console adapter so that `digestbot summarize` loads rich
and nothing of the bot machinery (store, HTTP client) — start-up time matters.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["print_markdown", "print_notice"]


@cache
def _console() -> Console | None:
    """rich's console on a terminal, else None: piped output never imports rich (~0.1 s)."""
    if not sys.stdout.isatty():
        return None
    from rich.console import Console

    return Console(soft_wrap=False)


def print_markdown(markdown: str) -> None:
    """Show Markdown richly on a terminal, verbatim when piped."""
    console = _console()
    if console is None:
        sys.stdout.write(markdown)
        return
    from rich.markdown import Markdown

    console.print(Markdown(markdown))


def print_notice(text: str) -> None:
    """A one-line notice (an error answer), highlighted on a terminal."""
    console = _console()
    if console is None:
        print(text)
    else:
        console.print(text, style="yellow", markup=False)
