"""Hostile-input benchmark: `python -m bench hostile`.

Every case of `bench.hostile_cases` runs in a fresh subprocess per size (so the
peak resident memory is that job's alone, imports and the jieba dictionary
included), and the table shows time, peak RSS and outcome beside the size,
plus the growth ratio from the smaller to the larger size (10 KB → 100 KB for
the character runs). Bars (issue 16): each job ≤ 10 s and ≤ 300 MB; time
grows at most 12× for 10× input (judged only when the larger run takes over
0.5 s, below which start-up noise dominates the ratio). A job that runs past
`TIMEOUT` seconds is killed and shows as "> 60".
Exit status 1 when a bar is missed.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence

from bench.hostile_cases import CASES, Case, run_case

TIMEOUT = 60.0
MAX_SECONDS = 10.0
MAX_PEAK_MB = 300.0
MAX_GROWTH = 12.0
GROWTH_FLOOR_SECONDS = 0.5


def _child(index: int, size: int) -> None:
    """Run one case once and print its measurements as JSON (in the subprocess)."""
    from summarizer.pipeline import summarize
    from summarizer.text.tokens import warm_up

    warm_up()
    summarize("Warm-up text. It has two sentences.")  # imports and first-call caches
    case = CASES[index]
    value = case.build(size)
    started = time.perf_counter()
    outcome = run_case(case, value)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}))


def measure(index: int, size: int) -> dict[str, object]:
    """One case at one size, in its own process; a timeout is reported, not raised."""
    command = [sys.executable, "-m", "bench.hostile", "--one", str(index), str(size)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return {"outcome": "killed", "seconds": None, "peak_mb": None}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"outcome": f"crashed: {tail[:60]}", "seconds": None, "peak_mb": None}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def _cell(value: object, fmt: str) -> str:
    return f"> {TIMEOUT:.0f}" if value is None else format(value, fmt)


def _check(case: Case, rows: list[dict[str, object]]) -> list[str]:
    misses = []
    for size, row in zip(case.sizes, rows, strict=True):
        seconds, peak = row["seconds"], row["peak_mb"]
        if not isinstance(seconds, float) or seconds > MAX_SECONDS:
            misses.append(f"{case.name} @ {size}: time")
        if not isinstance(peak, float) or peak > MAX_PEAK_MB:
            misses.append(f"{case.name} @ {size}: memory")
    growth = _growth(rows)
    if growth is not None and growth > MAX_GROWTH and _last_seconds(rows) > GROWTH_FLOOR_SECONDS:
        misses.append(f"{case.name}: growth {growth:.1f}×")
    return misses


def _growth(rows: list[dict[str, object]]) -> float | None:
    if len(rows) < 2:
        return None
    first, last = rows[0]["seconds"], rows[-1]["seconds"]
    if not isinstance(first, float) or not isinstance(last, float):
        return None
    return last / max(first, 1e-3)


def _last_seconds(rows: list[dict[str, object]]) -> float:
    last = rows[-1]["seconds"]
    return last if isinstance(last, float) else float("inf")


def main(argv: Sequence[str] = ()) -> int:
    """Print the table; 1 when a case misses a bar."""
    args = list(argv)
    if args[:1] == ["--one"]:
        _child(int(args[1]), int(args[2]))
        return 0
    print("| case | size | outcome | seconds | peak MB | growth |")
    print("|---|---|---|---|---|---|")
    misses: list[str] = []
    for index, case in enumerate(CASES):
        rows = [measure(index, size) for size in case.sizes]
        growth = _growth(rows)
        for number, (size, row) in enumerate(zip(case.sizes, rows, strict=True)):
            shown = f"{growth:.1f}×" if number == len(rows) - 1 and growth is not None else ""
            print(
                f"| {case.name} | {size:,} {case.unit} | {row['outcome']} | "
                f"{_cell(row['seconds'], '.2f')} | {_cell(row['peak_mb'], '.0f')} | {shown} |",
                flush=True,
            )
        misses += _check(case, rows)
    bars = f"≤ {MAX_SECONDS:g} s, ≤ {MAX_PEAK_MB:g} MB, growth ≤ {MAX_GROWTH:g}× per 10×"
    print(f"\nbars: {bars}; missed: {', '.join(misses) if misses else 'none'}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
