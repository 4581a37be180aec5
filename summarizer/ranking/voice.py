"""Who tells the article: a reporter (third person) or a speaker (first person)?

Input: the article's sentences and language. Output: whether the article is
told in the first person — a speech transcript, interview answer or essay —
as opposed to a news report. First person inside quotation marks does not
count: a report quoting "I"/"we" is still a report. Ranking uses it (a
first-person text is no inverted pyramid, so its lead is not its summary) and
so do quotes (such a text has a speaker whose claims are quotable).
"""

from __future__ import annotations

import re

from summarizer.models import Lang, Sentence

__all__ = ["FIRST_PERSON", "QUOTE_MARKS", "speaks_in_first_person", "told_in_first_person"]

# Both patterns open with their first character and check what stands before it
# afterwards, so the engine skips to candidate characters in a tight loop: the same
# matches on 8,576 corpus sentences, 2× (first person) and 4× (quote marks) faster
# than r"\b(?:I|we|We|our|Our)\b" and r"[“”「」『』\"]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])".
FIRST_PERSON = {
    "zh": re.compile(r"我(?![国省市区县军校院方])"),
    "en": re.compile(r"I(?<!\wI)\b|we(?<!\wwe)\b|We(?<!\wWe)\b|our(?<!\wour)\b|Our(?<!\wOur)\b"),
}
# Double quotes of every kind, and single quotes that are not apostrophes (I'd, it’s).
QUOTE_MARKS = re.compile(
    r"[“”「」『』\"'‘’](?:(?<=[“”「」『』\"])|(?<![A-Za-z]['‘’])|(?![A-Za-z]))"
)
MIN_SENTENCES = 3
MIN_SHARE = 0.25


def speaks_in_first_person(sentence: str, lang: Lang) -> bool:
    """The sentence says "I"/"we"/"我" outside any quotation."""
    return bool(FIRST_PERSON[lang].search(sentence)) and not QUOTE_MARKS.search(sentence)


def told_in_first_person(sentences: list[Sentence], lang: Lang) -> bool:
    """At least a quarter of the sentences (and three) speak in the first person, unquoted.

    A quotation running over several sentences leaves its middle sentences
    without marks, so quote state is carried from sentence to sentence
    within a paragraph.
    """
    count, inside, paragraph = 0, False, -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            inside, paragraph = False, sentence.paragraph
        if not inside and speaks_in_first_person(sentence.text, lang):
            count += 1
        inside = _still_inside(sentence.text, inside)
    return count >= max(MIN_SENTENCES, MIN_SHARE * len(sentences))


def _still_inside(text: str, inside: bool) -> bool:
    """Whether a quotation is open after `text`, given whether one was open before."""
    for match in QUOTE_MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if mark in "“「『":
            inside = True
        elif mark in "”」』":
            inside = False
        else:  # straight or single: it opens where a word starts, closes where one ends
            inside = at == 0 or text[at - 1].isspace() or text[at - 1] in "(["
    return inside
