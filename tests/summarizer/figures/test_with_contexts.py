"""Clauses given afterwards, to the few figures shown, are the clauses found with them."""

from __future__ import annotations

import pytest

from summarizer.figures.find import find_figures, with_contexts
from summarizer.models import Lang

TEXTS = [
    ("zh", "每年双十一，去年570亿的数字让人吃惊。公司营收增长了23.4%，达到5.3亿元，员工3000人。"),
    (
        "en",
        "Revenue rose 12% to $2.1 billion, the company said. It has 3,200 staff.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_contexts_given_later_are_the_same(lang: Lang, text: str) -> None:
    whole = find_figures(text, lang=lang)
    bare = find_figures(text, lang=lang, contexts=False)
    assert whole and all(f.context for f in whole)
    assert not any(f.context for f in bare)
    assert with_contexts(text, bare, lang) == whole
