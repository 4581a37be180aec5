"""How one digest scores against one page's editor labels (`digest-judgments/labels.jsonl`).

Every test compares text with white space removed (English also lower-cased),
and a condensed piece is read as its "…"-separated parts, each verbatim:

- says(piece, sentence): containment either way (every part of the piece in the
  sentence, or the sentence in the piece), or F1 ≥ `SAYS_F1` on characters for
  Chinese, on words for English (letters would make any two English sentences alike);
- furniture: a furniture string inside a TL;DR, point or quote, or a part of
  one (≥ `MIN_PART` characters) inside a furniture string;
- false figure / key figure: a shown figure's span overlaps the labelled
  string where it occurs in the article text; where the label cannot be found
  there, its text contains the figure's (or the other way round); or the label
  holds a figure printed exactly as the shown one (with its unit): the digest
  shows a repeated figure once, and "500万元" shown from one sentence is the
  "500万元的巨奖" of another — a reader has it either way;
- a quote matches a labelled quote when one says the other; its speaker is
  right when one name contains the other;
- TL;DR + 3 distinct points: at least three points, none of which says the
  TL;DR or another point (a cut and the whole sentence are one point).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.figures.find import find_figures
from summarizer.models import Digest, Figure

SAYS_F1 = 0.6
TITLE_F1 = 0.8
MIN_PART = 8
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_PARTS = re.compile(r"…+|\.\.\.")


def norm(text: str, lang: str) -> str:
    """White space removed; lower-cased for English."""
    folded = _SPACE.sub("", text)
    return folded.lower() if lang == "en" else folded


def parts(piece: str, lang: str) -> list[str]:
    """The verbatim parts of a (possibly condensed) piece."""
    return [p for p in (norm(x, lang) for x in _PARTS.split(piece)) if p]


def f1(a: str, b: str, lang: str) -> float:
    """Bag-of-units F1: characters for Chinese, words for English."""
    units_a = Counter(_WORD.findall(a.lower()) if lang == "en" else norm(a, lang))
    units_b = Counter(_WORD.findall(b.lower()) if lang == "en" else norm(b, lang))
    common = sum((units_a & units_b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(units_a.values()), common / sum(units_b.values())
    return 2 * precision * recall / (precision + recall)


def says(piece: str, sentence: str, lang: str) -> bool:
    """The piece states the sentence (see the module docstring)."""
    whole, pieces = norm(sentence, lang), parts(piece, lang)
    if not whole or not pieces:
        return False
    if all(p in whole for p in pieces) or whole in "".join(pieces):
        return True
    return f1(piece, sentence, lang) >= SAYS_F1


def says_any(piece: str, sentences: Iterable[str], lang: str) -> bool:
    return any(says(piece, s, lang) for s in sentences)


def is_furniture(piece: str, furniture: Sequence[str], lang: str) -> bool:
    pieces = parts(piece, lang)
    joined = "".join(pieces)
    for item in furniture:
        label = norm(item, lang)
        if label and (label in joined or any(len(p) >= MIN_PART and p in label for p in pieces)):
            return True
    return False


def distinct_points(digest: Digest, lang: str, wanted: int = 3) -> bool:
    """At least `wanted` points, none saying the TL;DR or another point."""
    shown = [digest.tldr, *digest.key_points]
    if len(digest.key_points) < wanted or not digest.tldr:
        return False
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            if _contained(a, b, lang) or _contained(b, a, lang):
                return False
    return True


def _contained(a: str, b: str, lang: str) -> bool:
    whole = norm(b, lang)
    return all(p in whole for p in parts(a, lang))


@dataclass(frozen=True)
class Located:
    """The article text with white space removed, and each kept character's offset."""

    text: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str, lang: str) -> Located:
        kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
        folded = "".join(ch for _, ch in kept)
        return cls(folded.lower() if lang == "en" else folded, [i for i, _ in kept])

    def spans(self, needle: str) -> list[tuple[int, int]]:
        """Offsets in the original text of every occurrence of `needle` (normalised)."""
        found, at = [], self.text.find(needle)
        while needle and at >= 0:
            found.append((self.offsets[at], self.offsets[at + len(needle) - 1] + 1))
            at = self.text.find(needle, at + 1)
        return found


def figure_hits(figure: Figure, label: str, where: Located, lang: str) -> bool:
    """The figure is (part of) the labelled string, or the label prints the same figure."""
    needle = norm(label, lang)
    shown = norm(figure.text, lang)
    if figure.unit and shown in _printed_figures(label, lang):
        return True
    spans = where.spans(needle)
    if spans:
        return any(s < figure.end and figure.start < e for s, e in spans)
    return bool(shown) and (shown in needle or needle in shown)


def _printed_figures(label: str, lang: str) -> set[str]:
    """The figures with a unit in a labelled string, as printed (white space removed)."""
    found = find_figures(label, lang="zh" if lang == "zh" else "en")
    return {norm(f.text, lang) for f in found if f.unit}


def speaker_right(said: str | None, labelled: str, lang: str) -> bool:
    if not said:
        return False
    a, b = norm(said, lang), norm(labelled, lang)
    return a in b or b in a


def title_right(title: str | None, labelled: str, lang: str) -> bool:
    return bool(title) and f1(title or "", labelled, lang) >= TITLE_F1


def author_right(author: str | None, labelled: str | None, lang: str) -> bool:
    """No author where the page names none; else the names overlap."""
    if not labelled or not author:
        return not labelled and not author
    a, b = norm(author, lang), norm(labelled, lang)
    return a in b or b in a or f1(author, labelled, lang) >= SAYS_F1


def label_lang(row: dict[str, Any]) -> str:
    return "zh" if str(row.get("lang", "")).startswith("zh") else "en"
