"""Who tells the text: first-person speech versus a report quoting people."""

from __future__ import annotations

import pytest

from summarizer.ranking.voice import speaks_in_first_person, told_in_first_person
from summarizer.text.sentences import split_sentences

SPEECH = (
    "各位来宾，我非常高兴来到这里。我们一直在思考电影。我认为互联网是工具。我们愿意合作。谢谢大家。"
)
REPORT_QUOTING = (
    'The minister spoke on Monday. "I think we will win. We have the votes. '
    'Our plan works," she said. Critics disagreed. The vote is on Friday.'
)
SINGLE_QUOTES = (
    "Locke was named manager. 'I had a taste of it at Hearts. I really enjoyed it. "
    "I am fortunate,' he said. The club confirmed it. Fans were pleased."
)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("我认为互联网是工具。", "zh", True),
        ("我国经济增长了。", "zh", False),  # 我国 is "our country", said by a reporter
        ("他说：“我们会赢。”", "zh", False),
        ("We will open ten stores.", "en", True),
        ('"We will open ten stores," he said.', "en", False),
        ("It's what I'd call a win.", "en", True),  # apostrophes are not quotes
    ],
)
def test_first_person_outside_quotes(sentence: str, lang: str, expected: bool) -> None:
    assert speaks_in_first_person(sentence, lang) is expected  # type: ignore[arg-type]


def test_a_speech_is_told_in_the_first_person() -> None:
    assert told_in_first_person(split_sentences(SPEECH, "zh"), "zh")


@pytest.mark.parametrize("text", [REPORT_QUOTING, SINGLE_QUOTES])
def test_a_report_quoting_several_sentences_is_not(text: str) -> None:
    assert not told_in_first_person(split_sentences(text, "en"), "en")
