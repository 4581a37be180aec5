"""One command for every benchmark: `python -m bench [NAME] [options]`.

NAME is quality, speed, figures, extraction, digest, pipeline, load or hostile; with no
name it runs all of them in that order, each printing its own tables. `identity`
(the same digests before and after a speed change) takes a file, so it runs only by name.
Options after a name go to that benchmark (`python -m bench quality --limit 50`).
Each benchmark module exposes `main(argv) -> int | None`; if one is not there
yet, it is skipped with a note rather than failing the rest. The exit status is non-zero
when any benchmark reports a failed bar.
"""

from __future__ import annotations

import importlib
import logging
import sys
import warnings
from collections.abc import Callable, Sequence

BENCHMARKS = ("quality", "speed", "figures", "extraction", "digest", "pipeline", "load", "hostile")
BY_NAME_ONLY = ("identity",)


def _quiet_libraries() -> None:
    """Keep library chatter (jieba's dictionary log, pkg_resources notices) out of the tables."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    warnings.filterwarnings("ignore", category=UserWarning, module=r"jieba\._compat")
    warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"sumy\.")
    import jieba  # its import sets its own logger to DEBUG, so lower it afterwards

    jieba.setLogLevel(logging.WARNING)


def _entry(name: str) -> Callable[[list[str]], int | None] | None:
    try:
        module = importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"bench.{name}":
            raise
        return None
    main: Callable[[list[str]], int | None] = module.main
    return main


def run(name: str, argv: Sequence[str]) -> int:
    """Run one benchmark by name; 0 when it passed or was skipped."""
    entry = _entry(name)
    if entry is None:
        print(f"{name}: SKIP (bench/{name}.py is not there yet)")
        return 0
    print(f"\n=== {name} ===")
    status = entry(list(argv))
    return int(status or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to one benchmark, or run them all."""
    args = list(sys.argv[1:] if argv is None else argv)
    _quiet_libraries()
    if args and args[0] in BENCHMARKS + BY_NAME_ONLY:
        return run(args[0], args[1:])
    if args:
        names = "|".join(BENCHMARKS + BY_NAME_ONLY)
        print(f"usage: python -m bench [{names}] [options]", file=sys.stderr)
        return 2
    return max(run(name, []) for name in BENCHMARKS)


if __name__ == "__main__":
    sys.exit(main())
