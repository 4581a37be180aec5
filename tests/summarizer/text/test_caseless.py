"""Case-insensitive patterns searched in a lower-cased copy: the same matches, per code point."""

from __future__ import annotations

import re
import string
import sys

import pytest

from summarizer.text.caseless import Caseless, fold

# Every code point that is a character on its own (no surrogates).
_EVERY = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_lower_casing_matches_as_ignorecase_does_but_for_three_characters() -> None:
    """For every printable ASCII character a pattern may hold, `re.IGNORECASE` matches
    exactly the characters that lower-case to it, except İ, ı and ſ (which `fold` refuses)."""
    literals = {c for c in string.printable if not c.isupper()}
    any_literal = re.compile("[" + "".join(re.escape(c) for c in literals) + "]", re.IGNORECASE)
    matched = set(any_literal.findall(_EVERY))  # one scan; then each literal on these alone
    to_ascii = [c for c in _EVERY if c.lower() in literals]
    for literal in literals:
        caseless = {c for c in matched if re.fullmatch(re.escape(literal), c, re.IGNORECASE)}
        lowered = {c for c in to_ascii if c.lower() == literal}
        assert caseless ^ lowered <= {"İ", "ı", "ſ"}, literal


def test_no_character_lower_cases_to_an_uncased_one() -> None:
    """An uncased character in a pattern (a digit, 元, $) matches itself alone under
    `re.IGNORECASE`; in folded text no other character turned into it."""
    for char in _EVERY:
        lowered = char.lower()
        if lowered != char and len(lowered) == 1:
            assert lowered.upper() != lowered, hex(ord(char))


def test_lower_casing_keeps_length_and_classes_but_for_one_character() -> None:
    """Lower-casing keeps each character one character and in the same `\\w`, `\\s`, `\\d`
    class, so positions, word boundaries and classes mean the same in the folded text."""
    assert [c for c in _EVERY if len(c.lower()) != 1] == ["İ"]
    text = _EVERY.replace("İ", "")
    for name in (r"\w", r"\s", r"\d"):
        pattern = re.compile(name)
        assert [m.start() for m in pattern.finditer(text)] == [
            m.start() for m in pattern.finditer(text.lower())
        ]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Getty Images", "getty images"),
        ("“Quoted” – Getty", "“quoted” – getty"),
        ("İstanbul", None),
        ("Shutterſtock", None),
        ("ıStock", None),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str | None) -> None:
    assert fold(text) == folded


_SOURCES = (r"(?<![a-z0-9])[a-z0-9._%+-]*+[@/]", r"\bhttps?://\S+", r"[nsew]\s?\d", r"\d+\s?元")
_TEXTS = ("Mail JOHN@EXAMPLE.COM", "see HTTPS://X.ORG/A", "N24 39", "s 5", "30 元", "İ@x", "ſ5")


@pytest.mark.parametrize("source", _SOURCES)
@pytest.mark.parametrize("text", _TEXTS)
def test_spans_and_search_are_those_of_ignorecase(source: str, text: str) -> None:
    expected = [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
    pattern = Caseless(source)
    assert list(pattern.spans(text, fold(text))) == expected
    assert list(pattern.spans(text, None)) == expected
    assert pattern.search(text, fold(text)) == bool(expected)


@pytest.mark.parametrize(
    "source", ["Getty Images", r"[A-Z]\d", r"\x41", r"\N{LATIN SMALL LETTER A}", "(?-i:L)", "μg"]
)
def test_patterns_that_would_not_fold_are_refused(source: str) -> None:
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Caseless(source)
