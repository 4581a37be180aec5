"""Showing Markdown on a terminal: rich when interactive, verbatim when piped.

Kept apart from the console adapter so that `digestbot summarize` loads rich
and nothing of the bot machinery (store, HTTP client) — start-up time matters.
Everything printed passes `terminal_safe` first: page text is attacker-written.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["print_markdown", "print_notice", "print_text", "terminal_safe"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@cache
def _console() -> Console | None:
    """rich's console on a terminal, else None: piped output never imports rich (~0.1 s)."""
    if not sys.stdout.isatty():
        return None
    from rich.console import Console

    return Console(soft_wrap=False)


def terminal_safe(text: str) -> str:
    """`text` without control characters (but tab and newline) or bidirectional overrides.

    A page is attacker-written: `ESC ] 0 ; … BEL` would retitle the terminal,
    `ESC [ 2 J` clear it, a carriage return overwrite the line before it.
    """
    return _UNSAFE.sub("", text)


def print_text(text: str) -> None:
    """Plain text, made terminal-safe."""
    sys.stdout.write(terminal_safe(text) + "\n")


def print_markdown(markdown: str) -> None:
    """Show Markdown richly on a terminal, verbatim (but terminal-safe) when piped."""
    markdown = terminal_safe(markdown)
    console = _console()
    if console is None:
        sys.stdout.write(markdown)
        return
    from rich.markdown import Markdown

    console.print(Markdown(markdown))


def print_notice(text: str) -> None:
    """A one-line notice (an error answer), highlighted on a terminal."""
    text = terminal_safe(text)
    console = _console()
    if console is None:
        print(text)
    else:
        console.print(text, style="yellow", markup=False)
