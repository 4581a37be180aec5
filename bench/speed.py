"""Speed: milliseconds per article, cold start and peak memory of the CLI.

Per article: every system summarises the same texts for 3 points — the
bundled huxiu.com sample (median of `--repeat` runs), English articles
(CNN/DailyMail and BBC) and Chinese articles (CLTS), each median over the
documents — after one warm-up call each (jieba's dictionary, SnowNLP's model
and numpy load once per process, not per article). digestbot gets the raw
text and splits it itself; the libraries get the benchmark's pre-split
sentences, so their sentence splitting is not counted: the ratio uses that
stricter row. A second LexRank row includes the benchmark's splitting (pysbd
for English is slow, so this row flatters digestbot; shown for context).

Cold start: a fresh `digestbot summarize SAMPLE` process (the console script,
or `python -m bots.cli` when it is not installed), timed from spawn until its
output is complete, median of `--runs` after one untimed run that leaves
jieba's cache warm. Peak RSS is the child's own `ru_maxrss` from `os.wait4`,
taken by a small launcher process (see `_LAUNCHER` for why).
CPU seconds are printed too: on a busy shared machine they move less than
wall time. Targets (issue 2) are printed beside the numbers; not asserted.
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
from summarizer.models import Lang

SPEED_SYSTEMS = ("digestbot", "sumy-lexrank", "textrank4zh", "snownlp")
POINTS = 3
LEXRANK_WITH_SPLIT = "sumy-lexrank + our split"
MAX_RATIO_TO_LEXRANK = 0.5
MAX_COLD_START_S = 1.5
MAX_PEAK_RSS_MB = 250
REPO = Path(__file__).resolve().parents[1]


def _millis(system: Summarizer, doc: Document) -> float:
    started = time.perf_counter()
    system(doc, POINTS)
    return 1000 * (time.perf_counter() - started)


def _with_split(system: Summarizer) -> Summarizer:
    """The system timed with the benchmark's sentence splitting included."""

    def run(doc: Document, budget: int) -> list[str]:
        return system(corpora.make_document(doc.id, doc.lang, doc.text), budget)

    return run


def _timed_systems(lang: Lang) -> dict[str, Summarizer]:
    systems = systems_for(lang, SPEED_SYSTEMS)
    if "sumy-lexrank" in systems:
        systems[LEXRANK_WITH_SPLIT] = _with_split(systems["sumy-lexrank"])
    return systems


def per_article(groups: dict[str, list[Document]], repeat: int) -> dict[str, dict[str, float]]:
    """Median ms per article for each system (rows) and group of texts (columns).

    A group of one text (the sample) is timed `repeat` times; larger groups once per text.
    """
    medians: dict[str, dict[str, float]] = {}
    for group, docs in groups.items():
        times = repeat if len(docs) == 1 else 1
        for name, system in _timed_systems(docs[0].lang).items():
            _millis(system, docs[0])
            runs = [_millis(system, doc) for doc in docs for _ in range(times)]
            medians.setdefault(name, {})[group] = median(runs)
    return medians


def speed_table(medians: dict[str, dict[str, float]], groups: Sequence[str]) -> Table:
    """Median ms per article, then digestbot / LexRank per group against its target."""
    table = Table(title=f"median ms per article ({POINTS} points)")
    table.add_column("system", no_wrap=True)
    for group in groups:
        table.add_column(group, justify="right")
    for name, row in medians.items():
        table.add_row(name, *(f"{row[g]:.1f}" if g in row else "-" for g in groups))
    ours, lexrank = medians.get("digestbot", {}), medians.get("sumy-lexrank", {})
    ratios = [ours[g] / lexrank[g] if g in ours and g in lexrank else None for g in groups]
    table.add_row(
        f"digestbot / LexRank (target ≤ {MAX_RATIO_TO_LEXRANK})",
        *(_verdict(r, r is not None and r <= MAX_RATIO_TO_LEXRANK) for r in ratios),
    )
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
    """Print the CLI's median cold start and peak RSS against their targets."""
    command = cli_command(sample)
    if command is None:
        console.print("cold start: SKIP (no digestbot CLI yet)")
        return
    run_child(command)
    results = [run_child(command) for _ in range(runs)]
    failed = next((r for r in results if r.returncode or not r.stdout.strip()), None)
    if failed is not None:
        first = (failed.stderr.strip().splitlines() or ["no output"])[-1]
        console.print(f"cold start: FAILED (exit {failed.returncode}: {first})")
        return
    seconds = median(r.seconds for r in results)
    cpu = median(r.cpu_seconds for r in results)
    rss = max(r.peak_rss_mb for r in results)
    program = " ".join(Path(part).name for part in command[:2])
    table = Table(title=f"cold start: {program} … ({runs} runs)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_row("median s to output", _verdict(seconds, seconds < MAX_COLD_START_S), "< 1.5")
    table.add_row("median CPU s (user+sys)", f"{cpu:.2f}", "-")
    table.add_row("peak RSS MB", _verdict(rss, rss < MAX_PEAK_RSS_MB), "< 250")
    console.print(table)


def article_groups(limit: int) -> dict[str, list[Document]]:
    """The texts timed: the sample, English articles and Chinese articles (present sets)."""
    groups = {"sample": [corpora.load_sample()]}
    present = corpora.available()
    english = [d for s in ("cnndm", "bbc") if s in present for d in corpora.load(s, limit=limit)]
    chinese = corpora.load("clts", limit=limit) if "clts" in present else []
    groups |= {f"en ({len(english)})": english, f"zh ({len(chinese)})": chinese}
    return {name: docs for name, docs in groups.items() if docs}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the speed benchmark and print its tables; targets are reported, not enforced."""
    parser = argparse.ArgumentParser(prog="python -m bench speed", description=__doc__)
    parser.add_argument("--limit", type=int, default=20, help="articles per corpus set")
    parser.add_argument("--repeat", type=int, default=9, help="timed runs per sample text")
    parser.add_argument("--runs", type=int, default=3, help="cold-start runs")
    args = parser.parse_args(argv)
    console = Console(width=max(Console().width, 110))
    groups = article_groups(args.limit)
    medians = per_article(groups, args.repeat)
    console.print(speed_table(medians, list(groups)))
    cold_start(corpora.SAMPLE_ARTICLE, args.runs, console)
    return 0
