"""Speed: digestbot against sumy LexRank per article, interleaved; cold start; peak memory.

Per article: every system summarises the same texts for 3 points — the
bundled huxiu.com sample, English articles (CNN/DailyMail and BBC) and Chinese
articles (CLTS, and the main texts of the chinese-news-sites pages). Systems
are **interleaved**: for each document and each repeat, every system runs once,
in an order rotated per repeat, so a slow spell of this shared machine falls
on all of them alike. The ratio digestbot / LexRank is taken per (document,
repeat) pair and reported as its median with the 10th–90th percentile spread;
timing one system after the other made the same ratio swing 0.66–1.38 between
runs. digestbot gets the raw text and splits it itself; LexRank gets the
benchmark's pre-split sentences, so its splitting is not counted (the stricter
comparison). Each system is called once first (dictionaries, models, numpy).

Cold start: a fresh `digestbot summarize SAMPLE` process (the console script,
or `python -m bots.cli` when it is not installed) with its caches warm, timed
from spawn until its output is complete, interleaved with `python -c pass`
and `python -c "import jieba; jieba.lcut('测试')"` as yardsticks of this
machine. Peak RSS is the child's own `ru_maxrss` from `os.wait4`, taken by a
small launcher process (see `_LAUNCHER` for why). Targets (issue 15) are
printed beside the numbers; not asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from rich.console import Console
from rich.table import Table

from bench import corpora
from bench.baselines import Summarizer, systems_for
from bench.corpora import Document

SPEED_SYSTEMS = ("digestbot", "sumy-lexrank")
POINTS = 3
MAX_RATIO_TO_LEXRANK = 0.5
MAX_COLD_START_S = 1.0
MAX_PEAK_RSS_MB = 250
REPO = Path(__file__).resolve().parents[1]
YARDSTICKS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import jieba; jieba.lcut": [
        sys.executable,
        "-c",
        "import jieba; jieba.setLogLevel(60); jieba.lcut('测试')",
    ],
}


def _millis(system: Summarizer, doc: Document) -> float:
    started = time.perf_counter()
    system(doc, POINTS)
    return 1000 * (time.perf_counter() - started)


@dataclass(frozen=True, slots=True)
class GroupTimes:
    """Per system, every run's ms; and digestbot / LexRank for each (document, repeat)."""

    millis: dict[str, list[float]]
    ratios: list[float]


def interleaved(docs: Sequence[Document], repeat: int) -> GroupTimes:
    """Time every system on every document `repeat` times, rotating their order each time."""
    systems = list(systems_for(docs[0].lang, SPEED_SYSTEMS).items())
    for _, system in systems:
        _millis(system, docs[0])
    millis: dict[str, list[float]] = {name: [] for name, _ in systems}
    ratios: list[float] = []
    for doc in docs:
        for turn in range(repeat):
            order = systems[turn % len(systems) :] + systems[: turn % len(systems)]
            run = {name: _millis(system, doc) for name, system in order}
            for name, ms in run.items():
                millis[name].append(ms)
            if {"digestbot", "sumy-lexrank"} <= run.keys():
                ratios.append(run["digestbot"] / run["sumy-lexrank"])
    return GroupTimes(millis, ratios)


def _spread(values: Sequence[float]) -> tuple[float, float, float]:
    """Median and 10th–90th percentiles."""
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return median(ordered), pick(0.1), pick(0.9)


def speed_table(results: dict[str, GroupTimes]) -> Table:
    """Median ms per article per system, then the median ratio and its spread, with the target."""
    table = Table(title=f"median ms per article ({POINTS} points), systems interleaved")
    table.add_column("system", no_wrap=True)
    for group in results:
        table.add_column(group, justify="right")
    names = dict.fromkeys(n for r in results.values() for n in r.millis)
    for name in names:
        cells = [results[g].millis.get(name) for g in results]
        table.add_row(name, *(f"{median(c):.1f}" if c else "-" for c in cells))
    cells = []
    for times in results.values():
        if not times.ratios:
            cells.append("-")
            continue
        mid, low, high = _spread(times.ratios)
        verdict = "ok" if mid <= MAX_RATIO_TO_LEXRANK else "MISS"
        cells.append(f"{mid:.2f} ({low:.2f}–{high:.2f}) {verdict}")
    table.add_row(f"digestbot / LexRank, p10–p90 (target ≤ {MAX_RATIO_TO_LEXRANK})", *cells)
    return table


def _verdict(value: float | None, ok: bool) -> str:
    return "-" if value is None else f"{value:.2f} {'ok' if ok else 'MISS'}"


@dataclass(frozen=True, slots=True)
class ChildRun:
    """One CLI process: wall and CPU seconds, peak RSS, exit status, output."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: bytes
    stderr: str


def cli_command(sample: Path) -> list[str] | None:
    """How to run `digestbot summarize SAMPLE`, or None when the CLI is not there yet."""
    if importlib.util.find_spec("bots.cli") is None:
        return None
    script = Path(sys.executable).with_name("digestbot")
    if script.is_file():
        return [str(script), "summarize", str(sample)]
    return [sys.executable, "-m", "bots.cli", "summarize", str(sample)]


# A parent's peak RSS leaks into a directly spawned child's ru_maxrss (Linux keeps the
# pre-exec high-water mark), and the benchmark process is large after loading the
# libraries; a small launcher process spawns the command and reports its rusage instead.
_LAUNCHER = """
import os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
elapsed = time.perf_counter() - started
cpu = usage.ru_utime + usage.ru_stime
report = f"{elapsed} {cpu} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}"
os.write(int(sys.argv[1]), report.encode())
"""


def run_child(command: list[str]) -> ChildRun:
    """Run the command under the launcher: its wall time, peak RSS, exit status, output."""
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as errors:
        launcher = [sys.executable, "-c", _LAUNCHER, str(write_end), *command]
        proc = subprocess.Popen(
            launcher, stdout=subprocess.PIPE, stderr=errors, cwd=REPO, pass_fds=(write_end,)
        )
        os.close(write_end)
        output, _ = proc.communicate()
        with os.fdopen(read_end, "rb") as report:
            seconds, cpu, rss_kb, returncode = report.read().split()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    return ChildRun(float(seconds), float(cpu), int(rss_kb) / 1024, int(returncode), output, stderr)


def cold_start(sample: Path, runs: int, console: Console) -> None:
    """Print the CLI's median cold start and peak RSS beside two yardsticks, interleaved."""
    command = cli_command(sample)
    if command is None:
        console.print("cold start: SKIP (no digestbot CLI yet)")
        return
    commands = {"digestbot summarize SAMPLE": command, **YARDSTICKS}
    for each in commands.values():
        run_child(each)  # caches warm, files in the page cache
    results: dict[str, list[ChildRun]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, each in commands.items():
            results[name].append(run_child(each))
    failed = next((r for r in results["digestbot summarize SAMPLE"] if r.returncode), None)
    if failed is not None:
        first = (failed.stderr.strip().splitlines() or ["no output"])[-1]
        console.print(f"cold start: FAILED (exit {failed.returncode}: {first})")
        return
    table = Table(title=f"cold start, {runs} interleaved runs (medians, min–max)")
    for column in ("command", "wall s", "CPU s", "peak RSS MB", "target"):
        table.add_column(column, justify="left" if column == "command" else "right")
    for name, runs_of in results.items():
        walls = sorted(r.seconds for r in runs_of)
        ours = name.startswith("digestbot")
        wall = f"{median(walls):.2f} ({walls[0]:.2f}–{walls[-1]:.2f})"
        if ours:
            wall += " ok" if median(walls) < MAX_COLD_START_S else " MISS"
        cpu = f"{median(r.cpu_seconds for r in runs_of):.2f}"
        rss = f"{max(r.peak_rss_mb for r in runs_of):.0f}"
        table.add_row(name, wall, cpu, rss, f"< {MAX_COLD_START_S}" if ours else "")
    console.print(table)


def article_groups(limit: int) -> dict[str, list[Document]]:
    """The texts timed: the sample, English articles and Chinese articles (present sets)."""
    groups = {"sample": [corpora.load_sample()]}
    present = corpora.available()
    english = [d for s in ("cnndm", "bbc") if s in present for d in corpora.load(s, limit=limit)]
    chinese = corpora.load("clts", limit=limit) if "clts" in present else []
    chinese += corpora.news_site_texts(limit=limit)
    groups |= {f"en ({len(english)})": english, f"zh ({len(chinese)})": chinese}
    return {name: docs for name, docs in groups.items() if docs}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the speed benchmark and print its tables; targets are reported, not enforced."""
    parser = argparse.ArgumentParser(prog="python -m bench speed", description=__doc__)
    parser.add_argument("--limit", type=int, default=20, help="articles per corpus set")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per text")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs")
    args = parser.parse_args(argv)
    console = Console(width=max(Console().width, 110))
    groups = article_groups(args.limit)
    results = {
        name: interleaved(docs, args.repeat * (5 if len(docs) == 1 else 1))
        for name, docs in groups.items()
    }
    console.print(speed_table(results))
    cold_start(corpora.SAMPLE_ARTICLE, args.runs, console)
    return 0
