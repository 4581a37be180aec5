"""Case-insensitive patterns searched as case-sensitive ones in a lower-cased copy: same matches.

Input: a pattern written in lower case, and texts. Output: what
`re.compile(source, re.IGNORECASE)` finds in a text — whether it matches, or its
`finditer` spans — found faster.

Under `re.IGNORECASE` every letter the engine meets is lower-cased first, and a
pattern that opens with letters cannot be skipped to in `re`'s tight loop. A
case-insensitive search of a text is a case-sensitive search of the lower-case
pattern in the lower-cased text, character for character, except where
lower-casing does not do what `re.IGNORECASE` does: "İ" lower-cases to two
characters, and "ı" and "ſ" match "i" and "s" though they lower-case to
themselves. `fold` gives the lower-cased copy only when a text holds none of the
three, and the case-insensitive pattern is used otherwise. Lower-casing keeps
every other character one character in the same `\\w`, `\\s` and `\\d` classes,
and an uncased character (digits, Chinese, "$") is never what another character
lower-cases to; all of this is checked on every code point by
`tests/summarizer/text/test_caseless.py`. So a pattern qualifies when it holds no
upper-case or other cased non-ASCII letter (outside the case-free escapes \\S \\W
\\D \\B \\A \\Z), no escape naming a character by number or name, and no inline
flags or named groups; `Caseless` refuses any other at import.

Measured on the English texts of `bench speed`: the number scan 330 → 218 µs per
article, the mask scan 380 → 287 µs (see `figures.numbers`, `figures.masks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

__all__ = ["Caseless", "fold"]

# What `str.lower` does not do as `re.IGNORECASE` matches (see the module docstring).
_UNFOLDED = ("ı", "ſ")
_CASE_FREE_ESCAPE = re.compile(r"\\[SWDBAZ]")
_REFUSED = re.compile(r"\\[0-9xuUN]|\(\?[A-Za-z-]")  # characters by number or name; flags


def fold(text: str) -> str | None:
    """`text` lower-cased when a case-sensitive search in it is exactly a case-insensitive
    search in `text` (for patterns `Caseless` accepts); None when it is not."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(c in text for c in _UNFOLDED):
        return None
    return lowered


class Caseless:
    """A case-insensitive pattern (`pattern`), searched in folded text when there is one."""

    def __init__(self, source: str, flags: int = 0) -> None:
        bare = _CASE_FREE_ESCAPE.sub("", source)
        cased = (c for c in bare if c.lower() != c or c.upper() != c)
        if _REFUSED.search(source) or any(c != c.lower() or not c.isascii() for c in cased):
            raise ValueError(f"not a lower-case ASCII pattern: {source[:60]!r}")
        self._source, self._flags = source, flags
        self._folded = re.compile(source, flags & ~re.IGNORECASE)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The case-insensitive pattern itself: compiled when first needed, since a text
        that cannot be folded is rare and compiling at import delays every start."""
        return re.compile(self._source, self._flags | re.IGNORECASE)

    def search(self, text: str, folded: str | None) -> bool:
        """Whether the pattern is found in `text`; `folded` is `fold(text)`."""
        if folded is None:
            return self.pattern.search(text) is not None
        return self._folded.search(folded) is not None

    def spans(self, text: str, folded: str | None) -> Iterator[tuple[int, int]]:
        """The spans of `pattern.finditer(text)`; `folded` is `fold(text)`."""
        if folded is None:
            return (m.span() for m in self.pattern.finditer(text))
        return (m.span() for m in self._folded.finditer(folded))
