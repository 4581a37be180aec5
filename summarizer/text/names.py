"""Does a short string look like a person's name? Chinese and English, no guessing.

Shared by speakers (`summarizer.ranking.speakers`) and bylines
(`summarizer.extraction.metadata`). A Chinese name is two to four Han
characters led by a common surname (`summarizer/data/surnames-zh.txt`), or a
dotted transliteration (约翰·米勒); an English name is two to four capitalised
words, none of them a word that labels a role or a site ("Staff", "Email");
`english_name` finds the name in capitalised words after its titles.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = [
    "EN_FUNCTION_WORDS",
    "EN_TITLES",
    "chinese_surname",
    "english_name",
    "is_chinese_name",
    "is_english_name",
    "names_a_thing",
]

_DOTTED = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:[·・•][\u4e00-\u9fff]{1,6}){1,3}$")
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_EN_WORD = re.compile(r"^(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+)$")
_NOT_EN_NAME_WORDS = frozenset(
    ["Staff", "Writer", "Editor", "Editors", "Reporter", "Correspondent", "Email", "Com",
     "Contributor", "News", "Press", "Team", "The", "Sports", "Political", "National",
     "Associated", "Desk", "Media", "Online", "Agency", "Service", "Wire", "Newsroom",
     "Publishers", "Publishing", "Group", "Inc", "Ltd", "Mobile", "Digital", "Network"]
)  # fmt: skip


# Words that make a capitalised name an organisation, a place, a law or an event.
_EN_THING_WORDS = frozenset(
    ["University", "College", "School", "Institute", "Academy", "Agreement", "Act", "Bank",
     "Securities", "Robotics", "Mail", "Group", "Inc", "Corp", "Corporation", "Company",
     "Council", "Department", "Ministry", "Court", "Police", "Party", "Association",
     "Foundation", "Committee", "Agency", "Office", "Center", "Centre", "Hospital", "Airlines",
     "Airways", "Motors", "Capital", "Partners", "Labs", "Technologies", "Systems", "Times",
     "Post", "News", "Journal", "Club", "League", "Union", "Commission", "Authority", "Service",
     "Services", "Network", "Studios", "Records", "Church", "Museum", "Society", "Fund", "Trust",
     "Board", "Street", "Avenue", "Road", "River", "Lake", "Park", "Island", "Islands", "County",
     "City", "State", "Republic", "Kingdom", "Valley", "Beach", "Bay", "Airport", "Station",
     "Hotel", "Stadium", "Square", "Hall", "House", "Senate", "Congress", "Parliament", "Army",
     "Navy", "Force", "Guard", "Games", "Cup", "Festival", "Conference", "Summit", "Award",
     "Awards", "Prize", "Media", "Press", "Ltd", "Pharmaceuticals", "Energy", "Health", "Day",
     "Week", "Night", "Eve", "Year"]
)  # fmt: skip


def names_a_thing(name: str) -> bool:
    """Whether a capitalised name is an organisation, place, law or event by one of its
    words ("Sheffield University", "Kotak Securities", "Paris Agreement", "Royal Mail")."""
    return any(word in _EN_THING_WORDS for word in name.split())


def chinese_surname(name: str) -> str | None:
    """The common surname `name` starts with (a double one first), or None."""
    surnames = _surnames()
    return next((s for s in (name[:2], name[:1]) if s in surnames), None)


def is_chinese_name(text: str) -> bool:
    """Two to four Han characters led by a common surname, or a dotted transliteration."""
    if _DOTTED.match(text):
        return True
    surname = chinese_surname(text) if _HAN_NAME.match(text) else None
    return surname is not None and len(text) - len(surname) in (1, 2)


def is_english_name(text: str) -> bool:
    """Two to four capitalised words ("Kashmira Gander", "J. K. Smith"), none a role word."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        _EN_WORD.match(w) and w not in _NOT_EN_NAME_WORDS for w in words
    )


EN_TITLES = frozenset([
    "President", "Vice", "Sen.", "Senator", "Rep.", "Representative", "Gov.", "Governor", "Dr.",
    "Mr.", "Mrs.", "Ms.", "Prof.", "Professor", "Coach", "CEO", "Chief", "Judge", "Justice",
    "Gen.", "General", "Secretary", "Minister", "Prime", "Director", "Chairman", "Chairwoman",
    "Officer", "Spokesman", "Spokeswoman", "Spokesperson", "Mayor", "Ambassador", "Analyst",
    "Executive", "Founder", "Manager", "Lt.", "Col.", "Capt.", "Sgt.", "Sir", "Dame", "Lord",
    "Lady", "Pope", "King", "Queen", "Former", "U.S.", "US", "UK", "U.K.", "Rev.", "Attorney",
    "Lt", "Col", "Gen", "Sgt", "Capt", "Dr", "Mr", "Mrs", "Ms", "Sen", "Rep", "Gov", "Press",
    "Administrator", "Commissioner", "Superintendent", "Inspector", "Chancellor", "Dean",
    "Deputy", "Assistant", "Associate", "Senior", "Envoy", "Councilman", "Councilwoman",
    "Chair", "Chairperson", "President-elect", "Sheriff", "Detective", "Officer", "Agent",
])  # fmt: skip
EN_FUNCTION_WORDS = frozenset([
    "The", "A", "An", "It", "This", "That", "These", "Those", "There", "Here", "But", "And",
    "Or", "So", "Then", "When", "While", "After", "Before", "If", "As", "In", "On", "At", "Of",
    "For", "With", "By", "From", "To", "We", "I", "You", "They", "He", "She", "His", "Her",
    "Its", "Our", "Their", "Some", "Many", "Most", "Others", "Officials", "Police", "Experts",
    "Critics", "Analysts", "Researchers", "Scientists", "Sources", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Meanwhile", "However", "Still",
    "Yet", "Although", "Because", "Since", "Though", "Asked", "Even", "Also", "Now", "Later",
    "Earlier", "Instead", "Both", "All", "Each", "Afterwards", "Afterward", "Finally", "Today",
    "Yesterday", "Tomorrow", "Recently", "Eventually", "Suddenly", "Perhaps", "Indeed", "Thus",
])  # fmt: skip


def english_name(words: list[str]) -> str | None:
    """The name in capitalised `words`: titles and acronyms before it dropped ("Press
    Secretary Stephanie Grisham", "NASA Administrator Jim Bridenstine"), and what a
    comma, a possessive or a descriptor ends ("Wednesday, Levy", "NYU's Scott Galloway",
    "Maryland-based lawyer Jim Dunham"); None if a function word or only a title is left
    ("Grenada’s Prime Minister", "the Director")."""
    words = [w.rstrip(",") if i == len(words) - 1 else w for i, w in enumerate(words)]
    if not words or _DESCRIPTOR.search(words[-1]):
        return None
    ends = [i for i, word in enumerate(words[:-1]) if _ENDS_BEFORE_NAME.search(word)]
    if ends and words[-1] not in ("Jr.", "Sr."):
        words = words[ends[-1] + 1 :]
    titles = [i for i, word in enumerate(words) if _is_title(word)]
    if titles and titles[-1] == len(words) - 1:
        return None
    if titles:
        words = words[titles[-1] + 1 :]
    while words and words[0] in EN_FUNCTION_WORDS:
        words = words[1:]
    if not words or any(w[0].islower() or w in EN_FUNCTION_WORDS for w in words):
        return None
    return " ".join(words).strip(" ,")


# A compound adjective ("Maryland-based", "14th-ranked") describes; so does what ends
# in a comma or a possessive, before a name.
_DESCRIPTOR = re.compile(r"-[a-z]|^\d")
_ENDS_BEFORE_NAME = re.compile(rf",$|['’]s$|{_DESCRIPTOR.pattern}")


def _is_title(word: str) -> bool:
    return word.rstrip(",") in EN_TITLES or (word.isalpha() and word.isupper() and len(word) > 1)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    data = resources.files("summarizer.data").joinpath("surnames-zh.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))
