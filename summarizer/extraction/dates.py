"""Publish dates as pages write them, normalised to ISO 8601.

Handles the forms Chinese and English news pages use: `2015-06-17 18:28`,
`2015/6/17`, `2015.06.17`, `2015年6月17日 18:28`, `2015年06月17日18:28:05`, and
ISO strings with a time zone. Output is `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`
(seconds kept when given); the time zone is dropped because pages state local
time. Anything that is not a real calendar date gives None: nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import datetime

_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*"
    r"(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:[\sT]*(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
)


def normalise_date(text: str) -> str | None:
    """The first real date (and time) in `text` as ISO 8601, or None."""
    for match in _DATE.finditer(text):
        iso = _iso(match)
        if iso is not None:
            return iso
    return None


def _iso(match: re.Match[str]) -> str | None:
    year, month, day = (int(match.group(k)) for k in ("y", "m", "d"))
    hour, minute = match.group("H"), match.group("M")
    second = match.group("S")
    try:
        when = datetime(year, month, day, int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if hour is None:
        return when.strftime("%Y-%m-%d")
    return when.strftime("%Y-%m-%dT%H:%M:%S" if second else "%Y-%m-%dT%H:%M")
