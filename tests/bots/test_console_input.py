"""Console input on a real pseudo-terminal: bracketed paste on and off, one paste one message."""

from __future__ import annotations

import io
import os
import pty
import select
import signal
import subprocess
import sys
import termios
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

import pytest

from bots.config import Settings
from bots.console import run_console
from bots.console_input import bracketed_paste, read_message
from tests.bots.test_console import ENGLISH

ON, OFF = b"\x1b[?2004h", b"\x1b[?2004l"
START, END = b"\x1b[200~", b"\x1b[201~"
# A browser paste: paragraphs apart by blank lines after full stops, and a lone "." line,
# each of which ends a typed message. Terminals send a pasted newline as a carriage return.
PARAGRAPHS = ENGLISH.replace("\n", "\n\n").replace("Roads", ".\nRoads")


@contextmanager
def terminal() -> Iterator[tuple[int, TextIO, TextIO]]:
    """A pty: the master's fd, and the slave opened for reading and for writing."""
    master, slave = pty.openpty()
    try:
        with (
            open(slave, encoding="utf-8", closefd=False) as tty_in,
            open(slave, "w", encoding="utf-8", closefd=False) as tty_out,
        ):
            yield master, tty_in, tty_out
    finally:
        os.close(slave)
        os.close(master)


def pasted(text: str) -> bytes:
    return START + text.replace("\n", "\r").encode() + END + b"\r"


def shown(master: int) -> bytes:
    """Everything written to the terminal so far."""
    out = b""
    while select.select([master], [], [], 0.5)[0]:
        chunk = os.read(master, 4096)
        if not chunk:
            break
        out += chunk
    return out


def test_a_multi_paragraph_paste_is_one_message_and_the_mode_goes_off_after() -> None:
    with terminal() as (master, tty_in, tty_out):
        with bracketed_paste(tty_in, tty_out) as pasting:
            assert pasting
            os.write(master, pasted(PARAGRAPHS) + b"https://example.com/next\r")
            message = read_message(tty_in, tty_out, pasting=True)
            following = read_message(tty_in, tty_out, pasting=True)
        echo_control = termios.tcgetattr(tty_in.fileno())[3] & termios.ECHOCTL
        screen = shown(master)

    assert message == PARAGRAPHS.strip()
    assert following == "https://example.com/next"
    assert screen.startswith(ON) and screen.rstrip().endswith(OFF)
    assert b"a paste is read whole, as one message" in screen
    assert b"^[[200~" not in screen  # the markers do not echo as text
    assert echo_control  # the terminal's own setting is back


def test_ctrl_c_turns_the_mode_off() -> None:
    with terminal() as (master, tty_in, tty_out):
        with pytest.raises(KeyboardInterrupt), bracketed_paste(tty_in, tty_out):
            raise KeyboardInterrupt
        assert shown(master) == ON + OFF


def test_without_a_terminal_nothing_is_sent_and_typed_rules_apply() -> None:
    typed, out = io.StringIO(PARAGRAPHS), io.StringIO()
    with bracketed_paste(typed, out) as pasting:
        first = read_message(typed, out, pasting=pasting)

    assert not pasting
    assert "\x1b" not in out.getvalue() and "Ctrl-D" in out.getvalue()
    assert first == ENGLISH.splitlines()[0]  # a blank line after a sentence ended it


async def test_the_console_reads_a_terminal_paste_as_one_article(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with terminal() as (master, tty_in, tty_out):
        monkeypatch.setattr("sys.stdin", tty_in)
        monkeypatch.setattr("sys.stderr", tty_out)
        os.write(master, pasted(PARAGRAPHS) + b"\x04")  # the paste, then Ctrl-D
        await run_console(Settings())
        screen = shown(master)

    out = capsys.readouterr().out
    assert out.count("**TL;DR:**") == 1  # after the (Chinese) sample: one English digest
    assert "The council approved the city budget" in out
    assert ON in screen and screen.rstrip().endswith(OFF)


_WAITING_CONSOLE = """
import asyncio, signal, sys
# Ctrl-C as from a terminal: a launcher in the background (`cmd &` in a script) leaves SIGINT
# ignored, the child inherits that, and this test hung waiting for it to quit.
signal.signal(signal.SIGINT, signal.default_int_handler)
from bots.console_input import bracketed_paste, next_message

async def main():
    with bracketed_paste(sys.stdin, sys.stderr) as pasting:
        print("waiting", pasting, flush=True)
        await next_message(sys.stdin, sys.stderr, pasting=pasting)

asyncio.run(main())
"""


def test_ctrl_c_at_the_prompt_quits_at_once_with_the_mode_off() -> None:
    """Asyncio's executor used to be joined at Ctrl-C, waiting for the blocked read (a hang)."""
    master, slave = pty.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _WAITING_CONSOLE],
            stdin=slave, stderr=slave, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert child.stdout is not None
        assert child.stdout.readline().split() == ["waiting", "True"]
        screen = b""
        while b"quits:" not in screen and child.poll() is None:  # the prompt is up: reading
            screen += shown(master)
        child.send_signal(signal.SIGINT)
        child.wait(timeout=60)  # a bound for a broken build, not a measurement
        screen += shown(master)
    finally:
        os.close(slave)
        os.close(master)

    assert screen.startswith(ON) and OFF in screen
    assert screen.index(OFF) > screen.index(b"quits:")
