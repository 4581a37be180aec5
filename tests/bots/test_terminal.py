"""Page text never drives the terminal: control sequences are removed before printing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bots.terminal import terminal_safe

DIGESTBOT = Path(sys.executable).with_name("digestbot")
TITLE_ESCAPE = "\x1b]0;pwned\x07"
CLEAR_SCREEN = "\x1b[2J"
SENTENCE = "The council approved the new budget after a long debate about schools and roads. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"a{TITLE_ESCAPE}b", "a]0;pwnedb"),
        (f"{CLEAR_SCREEN}text", "[2Jtext"),
        ("line\rover", "lineover"),
        ("C1\x9b31m and bidi \u202eevil", "C131m and bidi evil"),
        ("tab\tand\nnewline 中文", "tab\tand\nnewline 中文"),
    ],
)
def test_terminal_safe_removes_controls(text: str, expected: str) -> None:
    assert terminal_safe(text) == expected


def _digestbot(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DIGESTBOT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [str(DIGESTBOT), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_extract_prints_no_escape_sequences(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Budget{TITLE_ESCAPE}</title></head><body><article>"
        f"<h1>Budget</h1><p>{SENTENCE * 4}{CLEAR_SCREEN}{SENTENCE * 4}</p></article></body></html>",
        encoding="utf-8",
    )
    result = _digestbot("extract", str(page), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "approved the new budget" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_summarize_reads_a_utf16_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_bytes((SENTENCE * 5).encode("utf-16"))
    result = _digestbot("summarize", str(source), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "approved the new budget" in result.stdout
