"""Hostile inputs, built at any size: shared by `bench/hostile.py` and the tests.

Each builder returns the bytes or text an attacker would paste or serve; each
case runs one stage of digestbot on it (`run_case`). Nothing here is fitted to
a page: the shapes are the ones issue 16 measured (runs of one character
class, a tag with many attributes, many paragraphs, a YAML alias bomb, a PDF
of many short lines).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.errors import DigestbotError

__all__ = ["CASES", "RUNS", "Case", "alias_bomb", "run_case", "text_pdf"]

RUNS: dict[str, str] = {
    "digits": "1",
    "letters": "a",
    "capitals": "A",
    "dots": ".",
    "bangs": "!",
    "commas": ",",
    "at-signs": "@",
    "zh-numerals": "三",
    "quotes": '"',
    "zh-quotes": "“",
    "initials": "A. ",
    "indian-groups": "11,",
    "e-mail-ish": "a.b@",
}
"""Runs of each character class (and a few two-class runs) that broke a stage once."""


def run_of(unit: str, size: int) -> str:
    """`unit` repeated to exactly `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def alias_bomb(levels: int) -> str:
    """Front matter whose aliases expand to 9**levels strings ("billion laughs")."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        ref = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{','.join([ref] * 9)}]")
    return "---\n" + "\n".join(lines) + f"\ntitle: *a{levels}\n---\nThe body is one sentence.\n"


def attribute_page(count: int) -> str:
    """One tag with `count` attributes (libxml2's duplicate check is quadratic in them)."""
    attributes = " ".join(f'a{i}="x"' for i in range(count))
    return f"<html><body><div {attributes}>hi</div><p>{'A sentence here. ' * 40}</p></body></html>"


def paragraph_page(size: int) -> str:
    """About `size` characters of short paragraphs."""
    paragraph = "<p>Paragraph with a few words in it.</p>"
    return (
        "<html><body><article>" + paragraph * (size // len(paragraph)) + "</article></body></html>"
    )


def text_page(size: int) -> str:
    """About `size` characters of prose in one paragraph."""
    return (
        f"<html><body><article><p>{run_of('The council met. ', size)}</p></article></body></html>"
    )


def text_pdf(lines: list[str], *, title: str | None = None) -> bytes:
    """A one-page Helvetica PDF showing `lines` (a compressed content stream), with `title`
    in its document info when given; hand-written bytes, xref offsets computed. The one PDF
    builder of the benchmarks and the tests."""
    shown = " T* ".join(f"({line}) Tj" for line in lines)
    content = zlib.compress(f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    info = b""
    if title is not None:
        objects.append(b"<< /Title (%s) >>" % title.encode())
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _summarize(text: str) -> object:
    from summarizer.pipeline import summarize

    return summarize(text)


def _extract(page: str) -> object:
    from summarizer.extraction.extractor import extract

    return extract(page)


def _read_pdf(body: bytes) -> object:
    from summarizer.fetching.pdf import read_pdf

    return read_pdf(body)


def _split(text: str) -> object:
    from summarizer.text.sentences import split_sentences

    return split_sentences(text, "en")


@dataclass(frozen=True)
class Case:
    """A hostile input at a given size and the stage that must stay bounded on it."""

    name: str
    build: Callable[[int], object]
    run: Callable[[object], object]
    sizes: tuple[int, ...] = (10_000, 100_000)
    unit: str = "chars"


def _run_cases() -> list[Case]:
    cases = [
        Case(f"summarize {name}", lambda n, u=unit: run_of(u, n), _summarize)  # type: ignore[misc]
        for name, unit in RUNS.items()
    ]
    cases += [
        Case("split dots (issue: 405 s)", lambda n: run_of(".", n), _split),
        Case("extract paragraphs", paragraph_page, _extract, (100_000, 1_000_000)),
        Case("extract prose", text_page, _extract, (200_000, 2_000_000)),
        Case("extract text over the limit", text_page, _extract, (5_000_000,)),
        Case("extract HTML over the limit", text_page, _extract, (10_000_000,)),
        Case("extract attributes in a tag", attribute_page, _extract, (900, 100_000), "attrs"),
        Case("front matter alias bomb", alias_bomb, _summarize, (6, 9), "levels"),
        Case(
            "pdf short lines", lambda n: text_pdf(["ab"] * n), _read_pdf, (1_000, 10_000), "lines"
        ),
    ]
    return cases


CASES: list[Case] = _run_cases()


def run_case(case: Case, value: object) -> str:
    """Run `case` on a built input; the outcome: "ok" or the refusal's class name."""
    try:
        case.run(value)
    except DigestbotError as exc:
        return type(exc).__name__
    return "ok"
