"""Alternations of cue patterns, searched as fast as Python's `re` can, with the same answer.

Input: a cue's alternatives (regular expressions) and whether case is ignored;
then texts. Output: whether any alternative is found in a text (`Alternation.search`).

`re` scans a text position by position unless a pattern opens with a literal or a
character class: then it skips in a tight loop to where that can match. One
alternation of many cues rarely opens so, for two reasons, and this module removes both:
- an alternative anchored at the start (`^…`) makes the whole alternation try every
  position; the anchored ones are searched apart, where `re` tries only the start;
- under `re.IGNORECASE` a letter is no literal to skip to. A case-insensitive search
  of a text is a case-sensitive search of the lower-cased pattern in the lower-cased
  text, character for character, except where lower-casing does not match what
  `re.IGNORECASE` matches: "İ" lower-cases to two characters, and "ı" and "ſ" match
  "i" and "s" though they lower-case to themselves (every code point checked,
  `tests/summarizer/text/test_alternations.py`). `fold` gives the lower-cased copy
  only when the text holds none of the three, and the slow search is used otherwise.

On the English sentences of `bench speed` the roles' credit cue took 11 µs per
sentence and all five cues 18 µs (6 % of an English digest); see `text.roles`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["Alternation", "fold"]

# What `str.lower` does not do as `re.IGNORECASE` matches (see the module docstring).
_UNFOLDED = ("ı", "ſ")


def fold(text: str) -> str | None:
    """`text` lower-cased when a case-sensitive search in it is exactly a case-insensitive
    search in `text` (for lower-case ASCII patterns); None when it is not."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(c in text for c in _UNFOLDED):
        return None
    return lowered


class Alternation:
    """Alternatives found anywhere in a text (`re.search` of "a|b|…"), searched fast.

    Case-insensitive alternatives must be written in lower-case ASCII, so that the
    case-sensitive pattern for lower-cased text means the same.
    """

    def __init__(self, alternatives: Sequence[str], *, ignore_case: bool = False) -> None:
        if ignore_case and any(not a.isascii() or a != a.lower() for a in alternatives):
            raise ValueError("case-insensitive alternatives must be lower-case ASCII")
        flags = re.IGNORECASE if ignore_case else 0
        anchored = [a for a in alternatives if a.startswith("^")]
        anywhere = [a for a in alternatives if not a.startswith("^")]
        self._anchored = _joined(anchored, flags)
        self._anywhere = _joined(anywhere, flags)
        self._folded = _joined(anywhere, 0) if ignore_case else None

    def search(self, text: str, folded: str | None = None) -> bool:
        """Whether any alternative is found in `text`; `folded` is `fold(text)`, if known."""
        if self._anchored is not None and self._anchored.search(text):
            return True
        if self._anywhere is None:
            return False
        if self._folded is not None and folded is not None:
            return self._folded.search(folded) is not None
        return self._anywhere.search(text) is not None


def _joined(alternatives: Sequence[str], flags: int) -> re.Pattern[str] | None:
    return re.compile("|".join(alternatives), flags) if alternatives else None
