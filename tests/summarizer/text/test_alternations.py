"""Alternations: the same answer as one `re.search` of the whole alternation, on every case."""

from __future__ import annotations

import re

import pytest

from summarizer.text.alternations import Alternation, union
from summarizer.text.caseless import fold

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


@pytest.mark.parametrize("text", _TEXTS)
def test_union_finds_what_any_finds(text: str) -> None:
    cues = [
        Alternation(_ALTERNATIVES, ignore_case=True),
        Alternation(("^Photos?:", "Getty Images", "ok$")),
        Alternation((r"\bdesk\b",)),
    ]
    expected = any(cue.search(text, fold(text)) for cue in cues)
    together = union(cues)
    assert len(together) == 2  # the case-sensitive alternatives, and the others
    assert any(cue.search(text, fold(text)) for cue in together) == expected
