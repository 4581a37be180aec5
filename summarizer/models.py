"""The one data model every stage reads and returns.

All types are frozen: a stage never mutates its input, it returns a new object.
Offsets (`start`, `end`) index into `Article.text`, so anything the digest
shows can be traced back to the source — the faithfulness check relies on it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any, Literal

Lang = Literal["zh", "en"]
FigureKind = Literal["money", "percent", "count", "quantity"]
# What a paragraph of the main text is. Only "prose" may become a TL;DR, a key
# point, a quote or a figure; a "heading" may inform ranking (topic words) but
# is never shown as a point. The rest is page furniture.
Role = Literal["prose", "heading", "caption", "credit", "byline", "dateline", "note", "promo"]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of `Article.text` and what it is on the page.

    `start`/`end` index `Article.text` (the paragraph without its blank-line
    separator). Extraction sets roles from the DOM (`<figcaption>`, class names,
    an image's neighbour); pasted text gets them from textual cues.
    """

    start: int
    end: int
    role: Role = "prose"


@dataclass(frozen=True, slots=True)
class Article:
    """An article's main text and what is known about it.

    `text` holds paragraphs separated by blank lines. Metadata is `None` when
    the source does not say; nothing is guessed. `blocks` gives the role of
    each paragraph where extraction knew it; empty means "not known yet" and
    the digest then reads roles from textual cues.
    """

    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None
    lang: Lang | None = None
    blocks: tuple[Block, ...] = ()
    decoded_from: str | None = None
    """The encoding the text was guessed to be in, when no declaration said (else None)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of `Article.text`, verbatim, with its position."""

    text: str
    index: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """Words a person said (or the speaker's strongest claim), verbatim.

    `start`/`end` span the sentence (or quotation) of `Article.text` it is from.
    """

    text: str
    speaker: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit, as written, with its normalised value.

    `text` is verbatim ("5.3亿人民币"); `value` is exact (Decimal("530000000"));
    `unit` is an ISO currency code for money, "%" for percentages, or the
    counted noun/measure as written ("用户", "部", "km"); `context` is the
    clause the number stands in, verbatim.
    """

    text: str
    value: Decimal
    unit: str | None
    kind: FigureKind
    context: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Digest:
    """What digestbot posts: metadata, TL;DR, key points, quotes, figures, keywords."""

    tldr: str
    key_points: list[str]
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None
    lang: Lang = "en"
    length: int = 0
    reading_minutes: int = 1
    decoded_from: str | None = None
    """Set when the article's encoding was guessed, so the reader is told."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; figure values become exact strings and numbers."""
        data = asdict(self)
        data["figures"] = [_figure_dict(f) for f in self.figures]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """Rebuild a digest from `to_dict()` output (the store's cache format)."""
        fields = dict(data)
        fields["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
        fields["figures"] = [
            Figure(**{**f, "value": Decimal(str(f["value"]))}) for f in data.get("figures", [])
        ]
        return cls(**fields)


# JSON numbers up to here; beyond, an exact string. Python's int→str conversion refuses
# over 4,300 digits, so a huge value once made every store write fail (issue 16).
_JSON_NUMBER_LIMIT = Decimal(10) ** 30


def _figure_dict(figure: Figure) -> dict[str, Any]:
    """Figure as JSON-ready data: `value` an int, a float, or an exact string when huge."""
    data = asdict(figure)
    value = figure.value
    if not value.is_finite() or abs(value) >= _JSON_NUMBER_LIMIT:
        data["value"] = str(value)
    else:
        data["value"] = int(value) if value == value.to_integral_value() else float(value)
    return data
