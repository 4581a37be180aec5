"""Alternations of cue patterns, searched as fast as Python's `re` can, with the same answer.

Input: a cue's alternatives (regular expressions) and whether case is ignored;
then texts. Output: whether any alternative is found in a text (`Alternation.search`).

`re` scans a text position by position unless a pattern opens with a literal or a
character class: then it skips in a tight loop to where that can match. One
alternation of many cues rarely opens so, for two reasons, and this module removes both:
- an alternative anchored at the start (`^…`) makes the whole alternation try every
  position; the anchored ones are searched apart, where `re` tries only the start;
- under `re.IGNORECASE` a letter is no literal to skip to; case-insensitive
  alternatives are searched in a lower-cased copy of the text (`text.caseless`).

On the English sentences of `bench speed` the roles' credit cue took 11 µs per
sentence and all five cues 18 µs (6 % of an English digest); see `text.roles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.text.caseless import Caseless

__all__ = ["Alternation", "union"]


class Alternation:
    """Alternatives found anywhere in a text (`re.search` of "a|b|…"), searched fast.

    Case-insensitive alternatives are written in lower case (see `text.caseless`).
    """

    def __init__(self, alternatives: Sequence[str], *, ignore_case: bool = False) -> None:
        self.alternatives, self.ignore_case = tuple(alternatives), ignore_case
        flags = re.IGNORECASE if ignore_case else 0
        anchored = "|".join(a for a in alternatives if a.startswith("^"))
        anywhere = "|".join(a for a in alternatives if not a.startswith("^"))
        self._anchored = re.compile(anchored, flags) if anchored else None
        self._anywhere = re.compile(anywhere) if anywhere and not ignore_case else None
        self._caseless = Caseless(anywhere) if anywhere and ignore_case else None

    def search(self, text: str, folded: str | None = None) -> bool:
        """Whether any alternative is found in `text`; `folded` is `caseless.fold(text)`."""
        if self._anchored is not None and self._anchored.search(text):
            return True
        if self._caseless is not None:
            return self._caseless.search(text, folded)
        return self._anywhere is not None and self._anywhere.search(text) is not None


def union(alternations: Iterable[Alternation]) -> tuple[Alternation, ...]:
    """Alternations that find what any of `alternations` finds, in one or two searches (the
    case-sensitive alternatives together, the case-insensitive ones together)."""
    by_case: dict[bool, list[str]] = {}
    for alternation in alternations:
        by_case.setdefault(alternation.ignore_case, []).extend(alternation.alternatives)
    return tuple(Alternation(found, ignore_case=case) for case, found in by_case.items())
