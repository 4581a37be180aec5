"""Identity: the same digests before and after a speed change, on every benchmark text.

A speed change must not change a digest. This digests every text that
`bench speed` and `bench quality` read — the bundled sample, every document of
every corpus set present (CNN/DailyMail, BBC, CLTS, LCSTS) and the
chinese-news-sites main texts — and either writes the digests to a JSON-lines
file (`--write FILE`, one line per text: set, id and the whole `Digest` —
TL;DR, points, quotes, figures with their values and offsets, keywords, …) or
compares them with such a file written by another checkout (`--against FILE`),
printing how many texts were compared and every field that differs. It exits
1 when any digest differs or a text is missing, so "identical output" is a
measurement rather than a claim. Compare against main at the same commit:
other changes on main move the digests too.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench import corpora
from bench.corpora import Document

MAX_SHOWN = 20


def documents() -> Iterator[tuple[str, Document]]:
    """Every text the speed and quality benchmarks read, with the name of its set."""
    yield "sample", corpora.load_sample()
    for name in corpora.available():
        for doc in corpora.load(name):
            yield name, doc
    for doc in corpora.news_site_texts():
        yield "chinese-news-sites", doc


def _plain(value: Any) -> Any:
    """A digest field as JSON: Decimal values as their exact string."""
    return str(value) if isinstance(value, Decimal) else value


def digest_record(set_name: str, doc: Document) -> dict[str, Any]:
    """The whole digest of one text (default points), keyed by its set and id."""
    from summarizer import summarize
    from summarizer.models import Article

    article = Article(text=doc.text, title=doc.title, lang=doc.lang)
    try:
        fields = dataclasses.asdict(summarize(article, lang=doc.lang))
    except Exception as exc:  # an input error is an output too: it must not change either
        fields = {"error": f"{type(exc).__name__}: {exc}"}
    return {"key": f"{set_name}/{doc.id}", "digest": json.loads(json.dumps(fields, default=_plain))}


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The digest fields that differ between two records of one text."""
    names = dict.fromkeys([*before, *after])
    return [n for n in names if before.get(n) != after.get(n)]


def compare(reference: Path, records: dict[str, dict[str, Any]]) -> tuple[int, list[str]]:
    """How many texts were compared with `reference`, and one line per difference."""
    expected = {r["key"]: r["digest"] for r in map(json.loads, reference.open(encoding="utf-8"))}
    problems = [f"{key}: missing here" for key in expected.keys() - records.keys()]
    problems += [f"{key}: not in the reference" for key in records.keys() - expected.keys()]
    compared = 0
    for key in expected.keys() & records.keys():
        compared += 1
        fields = differences(expected[key], records[key])
        if fields:
            problems.append(f"{key}: {', '.join(fields)} differ")
    return compared, sorted(problems)


def main(argv: Sequence[str] | None = None) -> int:
    """Write this checkout's digests, or compare them with a reference file."""
    parser = argparse.ArgumentParser(prog="python -m bench identity", description=__doc__)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", type=Path, help="write every digest to this JSON-lines file")
    what.add_argument("--against", type=Path, help="compare every digest with this file")
    args = parser.parse_args(argv)
    records = {r["key"]: r["digest"] for r in (digest_record(s, d) for s, d in documents())}
    if args.write is not None:
        with args.write.open("w", encoding="utf-8") as out:
            for key, fields in records.items():
                out.write(json.dumps({"key": key, "digest": fields}, ensure_ascii=False) + "\n")
        print(f"identity: wrote {len(records)} digests to {args.write.name}")
        return 0
    compared, problems = compare(args.against, records)
    print(f"identity: {compared} texts compared, {len(problems)} differences")
    for line in problems[:MAX_SHOWN]:
        print(f"  {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
