"""The `digestbot` command, run as a user runs it: a subprocess, its exit status and output."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.shared_data import CORPUS, needs_shared

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "bots" / "samples" / "huxiu-118050-internet-plus-film.md"
DIGESTBOT = Path(sys.executable).with_name("digestbot")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One data directory for the module, so jieba's cache is built once, not per run."""
    return tmp_path_factory.mktemp("cli-data")


def digestbot(
    *args: str, data_dir: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DIGESTBOT_DATA_DIR": str(data_dir)}
    env.pop("DIGESTBOT_LOG_LEVEL", None)
    return subprocess.run(
        [str(DIGESTBOT), *args],
        input=stdin.decode() if stdin is not None else None,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_summarize_the_sample(data_dir: Path) -> None:
    result = digestbot("summarize", str(SAMPLE), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "5.3亿人民币" in result.stdout and "主语是电影" in result.stdout
    assert result.stderr == ""


def test_json_from_standard_input_with_language_and_points(data_dir: Path) -> None:
    """One run covers `-`, `--json`, `--lang` (overriding detection) and `--points`."""
    text = SAMPLE.read_text(encoding="utf-8")
    result = digestbot(
        "summarize",
        "-",
        "--json",
        "--lang",
        "en",
        "--points",
        "5",
        data_dir=data_dir,
        stdin=text.encode(),
    )
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert {"key_points", "quotes", "figures", "keywords", "tldr", "title"} <= set(digest)
    assert digest["lang"] == "en" and digest["title"].startswith("阿里CEO张勇")
    assert len(digest["key_points"]) == 5
    assert all(part in text for point in digest["key_points"] for part in point.split("…"))


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


BAD_SOURCES: dict[str, tuple[Callable[[Path], str], str]] = {
    "empty": (lambda d: _write(d / "empty.txt", b""), "no text"),
    "blank": (lambda d: _write(d / "blank.md", b"  \n\n\t\n"), "no text"),
    "binary": (lambda d: _write(d / "a.txt", b"\x89PNG\r\n\x00" + bytes(range(256)) * 8), "binary"),
    "missing": (lambda d: str(d / "missing.md"), "no such file"),
    "10MB": (lambda d: _write(d / "huge.txt", "很长的句子。".encode() * 600_000), "too long"),
    "no-sentences": (
        lambda d: _write(d / "p.txt", "。。。！！！😀😀😀\n……🎉".encode()),
        "no sentences",
    ),
    "loopback-url": (lambda d: "http://127.0.0.1:9/article", "not allowed"),
}


@pytest.fixture(scope="module")
def bad_runs(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> dict[str, subprocess.CompletedProcess[str]]:
    """Every bad input, run a few at a time: most fail in well under a second of CPU."""
    folder = tmp_path_factory.mktemp("bad")
    sources = {name: make(folder) for name, (make, _) in BAD_SOURCES.items()}
    with ThreadPoolExecutor(max_workers=3) as pool:
        runs = {
            n: pool.submit(digestbot, "summarize", s, data_dir=data_dir) for n, s in sources.items()
        }
        return {name: run.result() for name, run in runs.items()}


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_failures_are_one_human_line(
    name: str, bad_runs: dict[str, subprocess.CompletedProcess[str]]
) -> None:
    result = bad_runs[name]
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("digestbot: ") and BAD_SOURCES[name][1] in lines[0].lower()
    assert "Traceback" not in result.stderr


@needs_shared
def test_extract_a_corpus_page(tmp_path: Path, data_dir: Path) -> None:
    items = CORPUS / "chinese-web-content-extraction" / "items.jsonl"
    item = json.loads(items.read_text(encoding="utf-8").splitlines()[0])
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress((items.parent / item["html_file"]).read_bytes()))
    result = digestbot("extract", str(page), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    expected = item["text"].split("\n")[0].strip()
    assert expected and expected in result.stdout


def test_run_with_stdin_closed_prints_the_sample_digest(data_dir: Path) -> None:
    result = digestbot("run", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "5.3亿人民币" in result.stdout and "张勇" in result.stdout
    assert "Traceback" not in result.stderr and '"level"' not in result.stderr
