"""Sentence splits an editor's reading found wrong: a quoted title, a one-word `<br>` line,
Markdown table rows."""

from __future__ import annotations

from summarizer.text.roles import label_sentences, textual_role
from summarizer.text.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, "en")]


def test_a_full_stop_inside_a_short_quotation_does_not_split() -> None:
    title = "‘Meth. We’re on it.’: Spokane ad agencies divided on South Dakota’s viral campaign"
    assert _texts(title) == [title]
    lede = "South Dakota’s viral “Meth. We’re on it.” campaign drew mockery. Hege was concerned."
    assert _texts(lede) == [
        "South Dakota’s viral “Meth. We’re on it.” campaign drew mockery.",
        "Hege was concerned.",
    ]


def test_a_long_quotation_still_splits_into_its_sentences() -> None:
    text = (
        "“At the end of the day, the proof is in the pudding. I am sure they have got a good "
        "evaluation plan in place to look at results over time,” Hege said."
    )
    assert len(_texts(text)) == 2


def test_an_apostrophe_closes_no_quotation() -> None:
    text = "He said ‘We’re fine. It’s over. Everyone can go home now,’ and left. Then rain."
    assert _texts(text)[-1] == "Then rain."


def test_a_one_word_line_runs_into_a_lower_case_line() -> None:
    text = "Photos\n\nwhich were released online show the actress in new photos.\n\nShe smiled."
    assert _texts(text) == [
        "Photos\n\nwhich were released online show the actress in new photos.",
        "She smiled.",
    ]


def test_a_heading_before_a_capitalised_line_stays_apart() -> None:
    text = "Photos\n\nThe pictures were released online."
    assert _texts(text) == ["Photos", "The pictures were released online."]


def test_markdown_table_rows_are_notes_not_prose() -> None:
    text = (
        "The defense played well on Sunday against a strong offense.\n\n"
        "| Pos | Player | Plays | % | Stats |\n\n"
        "| DL | Larry Ogunjobi | 63 | 85% | 1 tackle (1 combined). 1 sack, 1 TFL, 2 QH. |\n\n"
        "| DL | Sheldon Richardson | 49 | 66% | 2 tackles, 1 assist (3 combined). 1 QH. |\n\n"
        "There is a lot to sort through here for the coaches this week."
    )
    sentences, roles = label_sentences(text, split_sentences(text, "en"), "en")
    prose = [s.text for s, r in zip(sentences, roles, strict=True) if r == "prose"]
    assert prose == [
        "The defense played well on Sunday against a strong offense.",
        "There is a lot to sort through here for the coaches this week.",
    ]
    assert textual_role("| DL | Sheldon Richardson | 49 | 66% |", "en") == "note"
    assert textual_role("| 地区 | 人口 | 增长 |", "zh") == "note"
    assert textual_role("He chose A | B over C.", "en") == "prose"
