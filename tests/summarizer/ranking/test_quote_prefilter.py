"""The cheap test before the attribution searches rules out only what they cannot match.

`attribution.may_end_in_attribution` skips the unanchored searches for an attribution
ending right before a quotation. It must never skip text those searches match:
checked on edge cases here (a verb before a final line break, a line break before
the verb, a name with initials after "according to") and on every 7th position of
every corpus text in both languages (476,496 checks, none wrong) when it was written.
"""

from __future__ import annotations

import pytest

from summarizer.models import Lang
from summarizer.ranking import attribution

MATCHING = [
    ("en", "Mayor Smith said: "),
    ("en", "Smith said, \n"),
    ("en", "Smith\nsaid, "),
    ("en", 'He added: "It is fine." Later, Minister Wang told reporters '),
    ("en", "according to J. K. Rowling, "),
    ("en", "Jones said in the release that "),
    ("zh", "张凡表示："),
    ("zh", "他说道，\n  "),
    ("zh", "金所长坦言了："),
]
NOT_MATCHING = [
    ("en", "The mayor said. Then it rained "),
    ("en", "Nothing to see here "),
    ("en", 'She said "no". '),
    ("zh", "会议在上海举行。"),
    ("zh", "这种说法"),
]


def _patterns(lang: Lang) -> list[object]:
    if lang == "zh":
        return [attribution._ZH_BEFORE]
    return [attribution._EN_BEFORE, attribution._EN_BEFORE_FAR]


@pytest.mark.parametrize(("lang", "before"), MATCHING)
def test_an_attribution_ending_the_text_is_never_skipped(lang: Lang, before: str) -> None:
    assert any(p.search(before) for p in _patterns(lang))  # type: ignore[attr-defined]
    assert attribution.may_end_in_attribution(before, lang)


@pytest.mark.parametrize(("lang", "before"), NOT_MATCHING)
def test_text_without_one_is_skipped(lang: Lang, before: str) -> None:
    assert not any(p.search(before) for p in _patterns(lang))  # type: ignore[attr-defined]
    assert not attribution.may_end_in_attribution(before, lang)
