"""Alternations: the same answer as one `re.search` of the whole alternation, on every case."""

from __future__ import annotations

import re
import string
import sys

import pytest

from summarizer.text.alternations import Alternation, fold

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


_ALTERNATIVES = (r"^(?:photo|image)s?:", r"getty images", r"reuters/", r"\bap photo\b", r"ok$")
_TEXTS = (
    "Photos: John Smith",
    "  photo: x",
    "(John Smith/GETTY IMAGES)",
    "A REUTERS/Jane picture",
    "CHAP PHOTO album",
    "the AP Photo desk",
    "Getty İmages",  # İ matches i when case is ignored
    "REUTERſ/",
    "all ok",
    "all ok.",
    "OK",
    "nothing here",
    "",
)


@pytest.mark.parametrize("text", _TEXTS)
def test_search_is_one_caseless_search_of_the_alternation(text: str) -> None:
    expected = re.search("|".join(_ALTERNATIVES), text, re.IGNORECASE) is not None
    cue = Alternation(_ALTERNATIVES, ignore_case=True)
    assert cue.search(text, fold(text)) == expected
    assert cue.search(text) == expected


@pytest.mark.parametrize("text", _TEXTS)
def test_search_heeds_case_unless_told(text: str) -> None:
    alternatives = ("^Photos?:", "Getty Images", "ok$")
    expected = re.search("|".join(alternatives), text) is not None
    assert Alternation(alternatives).search(text) == expected


def test_caseless_alternatives_must_be_lower_case_ascii() -> None:
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Alternation(["Getty Images"], ignore_case=True)
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Alternation([r"\S+ photo"], ignore_case=True)
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Alternation(["摄影"], ignore_case=True)
