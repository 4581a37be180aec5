"""Showing Markdown on a terminal: rich when interactive, verbatim when piped.

Kept apart from the console adapter so that `digestbot summarize` loads rich
and nothing of the bot machinery (store, HTTP client) — start-up time matters.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markdown import Markdown

__all__ = ["print_markdown", "print_notice"]

_console = Console(soft_wrap=False)


def print_markdown(markdown: str) -> None:
    """Show Markdown richly on a terminal, verbatim when piped."""
    if _console.is_terminal:
        _console.print(Markdown(markdown))
    else:
        sys.stdout.write(markdown)


def print_notice(text: str) -> None:
    """A one-line notice (an error answer), highlighted on a terminal."""
    if _console.is_terminal:
        _console.print(text, style="yellow", markup=False)
    else:
        print(text)
