"""What reading gives (a digest, or a failure), and the typed answers of the answer policy.

A reading's failure keeps the error itself, not a sentence: the sentence is
chosen when the reply language is known (`bots.phrasebook.failure_line`), and
becomes a `Failed` answer. Adapters render each answer type their own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bots.phrasebook import Lang
from summarizer.errors import DigestbotError
from summarizer.models import Digest

__all__ = [
    "Answer", "Digested", "Failed", "Failure", "Help", "Note", "Pointer", "Reading", "Reply",
    "RoundupAsked",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Digested:
    """The digest of the article at `url` (None for pasted text); `cached` when from the store."""

    url: str | None
    digest: Digest
    cached: bool = False


@dataclass(frozen=True, slots=True)
class Failure:
    """The article at `url` (None for pasted text) could not be read or summarised."""

    url: str | None
    error: DigestbotError


Reading = Digested | Failure


@dataclass(frozen=True, slots=True)
class Pointer:
    """This link was digested here earlier; `ref` is where (a platform message id or URL)."""

    url: str
    ref: str


@dataclass(frozen=True, slots=True)
class Failed:
    """A link (or the pasted text, `url` None) could not be read; `line` says why."""

    url: str | None
    line: str


@dataclass(frozen=True, slots=True)
class Note:
    """A line for the requester; `public` notes go where the request was made."""

    text: str
    public: bool = False


@dataclass(frozen=True, slots=True)
class Help:
    """The usage help, always private."""

    text: str


@dataclass(frozen=True, slots=True)
class RoundupAsked:
    """`/summarize roundup <args>`: the adapter posts it with `bots.roundups`."""

    args: str


Answer = Digested | Pointer | Failed | Note | Help | RoundupAsked


@dataclass(slots=True)
class Reply:
    """The answers to one request, and the language their lines are in."""

    lang: Lang
    answers: list[Answer] = field(default_factory=list)
