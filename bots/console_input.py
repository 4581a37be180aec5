"""One console message from stdin: a link or a path on its own line, or a pasted article.

Typed (or pasted where the terminal cannot mark pastes):
- a single line that is a link, a path to an existing file, or `roundup` is a
  message at once;
- other text ends with a line holding only `.`, with Ctrl-D, or with an empty
  line right after a line ending in sentence punctuation (an empty line after a
  heading or a cut line does not end it, so a pasted article stays one article).

**Bracketed paste.** When stdin and the prompt's stream are both a terminal,
`bracketed_paste()` turns on the terminal's bracketed-paste mode (`ESC[?2004h`,
xterm's, also kept by GNOME Terminal, iTerm2, kitty, Windows Terminal, tmux):
the terminal then wraps whatever is pasted in `ESC[200~ … ESC[201~`, so a paste
of many paragraphs, blank lines and lone dots included, is exactly one message
(the prompt says so). The mode is turned off again (`ESC[?2004l`) when the
console ends: end of input, Ctrl-C or an error. While it is on, the terminal's
echo of control characters (ECHOCTL) is off, so the markers never show as
`^[[200~`. A terminal that does not know the mode ignores the sequence and its
pastes follow the typed rules; piped stdin is read exactly as before.

`next_message` reads in a daemon thread, not asyncio's default executor: at
Ctrl-C, `asyncio.run` joins that executor, which waited for the blocked read
(a hang until Enter); a daemon thread is simply left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import termios
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from bots.console_session import ROUNDUP_WORDS
from bots.phrasebook import Phrase, say
from summarizer.fetching.urls import find_links

__all__ = [
    "PASTE_END", "PASTE_START", "bracketed_paste", "file_named", "next_message", "read_message",
]  # fmt: skip

PASTE_ON, PASTE_OFF = "\x1b[?2004h", "\x1b[?2004l"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
_SENTENCE_END = tuple('.!?。！？…"”』」)）')


@contextlib.contextmanager
def bracketed_paste(stdin: TextIO, out: TextIO) -> Iterator[bool]:
    """Bracketed paste on for the body when both streams are a terminal; whether it is on."""
    if not (_is_terminal(stdin) and _is_terminal(out)) or os.environ.get("TERM") == "dumb":
        yield False
        return
    saved = _without_control_echo(stdin)
    out.write(PASTE_ON)
    out.flush()
    try:
        yield True
    finally:
        out.write(PASTE_OFF)
        out.flush()
        with contextlib.suppress(termios.error):
            termios.tcsetattr(stdin.fileno(), termios.TCSANOW, saved)


async def next_message(stdin: TextIO, out: TextIO, *, pasting: bool) -> str | None:
    """`read_message` without blocking the event loop, nor its shutdown at Ctrl-C."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[str | None] = loop.create_future()

    def read() -> None:
        try:
            outcome: str | Exception | None = read_message(stdin, out, pasting=pasting)
        except Exception as exc:
            outcome = exc
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile (Ctrl-C)
            loop.call_soon_threadsafe(_settle, done, outcome)

    threading.Thread(target=read, name="console input", daemon=True).start()
    return await done


def _settle(done: asyncio.Future[str | None], outcome: str | Exception | None) -> None:
    if done.done():  # cancelled meanwhile: nobody waits for it
        return
    if isinstance(outcome, Exception):
        done.set_exception(outcome)
    else:
        done.set_result(outcome)


def read_message(stdin: TextIO, out: TextIO, *, pasting: bool) -> str | None:
    """The next message (see the module's rules); None at end of input."""
    print(say(Phrase.CONSOLE_PASTE_PROMPT if pasting else Phrase.CONSOLE_PROMPT, "en"), file=out)
    lines: list[str] = []
    for raw in stdin:
        line = raw.rstrip("\n")
        if PASTE_START in line:
            return "\n".join([*lines, _pasted(line, stdin)]).strip()
        if not lines and _single(line.strip()):
            return line.strip()
        if line.strip() == "." or (
            not line.strip() and (not lines or lines[-1].rstrip().endswith(_SENTENCE_END))
        ):
            if lines:
                return "\n".join(lines)
            continue
        lines.append(line)
    return "\n".join(lines) if lines else None


def file_named(text: str) -> Path | None:
    """The existing file `text` names; a pasted sentence too long for a file name is not one."""
    if "\n" in text.strip():
        return None
    try:
        path = Path(text.strip()).expanduser()
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


def _pasted(first: str, stdin: TextIO) -> str:
    """Everything between the paste markers, from the line holding the start marker on."""
    text = first.split(PASTE_START, 1)[1]
    while PASTE_END not in text:
        more = stdin.readline()
        if not more:  # input ended inside a paste: keep what came
            break
        text += "\n" + more.rstrip("\n")
    before, _, after = text.partition(PASTE_END)
    return (before + after).strip()


def _single(line: str) -> bool:
    """A line that is a message by itself: `roundup`, a path to a file, or one link."""
    if line.lower() in ROUNDUP_WORDS or file_named(line) is not None:
        return True
    return bool(line) and find_links(line) == [line]


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _without_control_echo(stdin: TextIO) -> list[Any]:
    """Turn ECHOCTL off (the paste markers would echo as `^[[200~`); the settings before."""
    fd = stdin.fileno()
    saved = termios.tcgetattr(fd)
    changed = list(saved)
    changed[3] &= ~termios.ECHOCTL  # lflag
    with contextlib.suppress(termios.error):
        termios.tcsetattr(fd, termios.TCSANOW, changed)
    return saved
