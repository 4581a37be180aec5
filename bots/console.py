"""The console adapter: a terminal chat that shows digests the way a chat would.

With no platform tokens, `digestbot run` starts here: it digests the bundled
huxiu.com sample at once, then reads what the user pastes — a link, a file
path, or text (ended by an empty line) — and answers through the same
`DigestService` the Slack and Discord adapters use. `roundup` (or 汇总)
prints a roundup of what was pasted in the session. End of input quits.
"""

from __future__ import annotations

import asyncio
import sys
from importlib import resources
from pathlib import Path

from bots.config import Settings
from bots.console_session import ROUNDUP_WORDS, Session
from bots.service import DigestService, Outcome
from bots.terminal import print_markdown, print_notice
from summarizer.render.markdown import render_markdown
from summarizer.render.roundup_markdown import render_roundup_markdown

__all__ = ["SAMPLE", "run_console", "show"]

SAMPLE = "huxiu-118050-internet-plus-film.md"
PROMPT = (
    "Paste a link, a file path, or text (end text with an empty line); "
    "`roundup` sums up this session; Ctrl-D quits:"
)


def show(outcomes: list[Outcome]) -> None:
    """Print each digest, or its friendly error."""
    for outcome in outcomes:
        if outcome.digest is not None:
            print_markdown(render_markdown(outcome.digest))
        else:
            print_notice(outcome.error or "")


async def run_console(settings: Settings) -> None:
    """Digest the sample, then answer pasted input until end of input."""
    service = DigestService(settings)
    await service.start()
    try:
        sample = resources.files("bots.samples").joinpath(SAMPLE).read_text(encoding="utf-8")
        show([await service.digest_text(sample)])
        session = Session()
        while (message := await asyncio.to_thread(_read_message)) is not None:
            if message.strip().lower() in ROUNDUP_WORDS:
                print_markdown(render_roundup_markdown(session.roundup()))
            elif message.strip():
                outcomes = await service.digest_request(_inline_file(message))
                session.remember(outcomes)
                show(outcomes)
    finally:
        await service.close()


def _read_message() -> str | None:
    """One pasted message: a single line that is a link or path, or lines up to a blank one."""
    print(PROMPT, file=sys.stderr)
    lines: list[str] = []
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not lines and (line.startswith(("http://", "https://")) or _is_file(line)):
            return line
        if not lines and line.strip().lower() in ROUNDUP_WORDS:
            return line
        if not line.strip():
            if lines:
                return "\n".join(lines)
            continue
        lines.append(line)
    return "\n".join(lines) if lines else None


def _inline_file(message: str) -> str:
    if "\n" not in message.strip() and _is_file(message):
        return Path(message.strip()).read_text(encoding="utf-8", errors="replace")
    return message


def _is_file(text: str) -> bool:
    """Whether `text` names a file; a pasted sentence too long for a file name is not one."""
    try:
        return Path(text.strip()).is_file()
    except OSError:
        return False
