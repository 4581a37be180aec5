"""Is this text Chinese or English?

Input: text. Output: "zh" or "en". Counts Han characters against Latin
letters (an English word is ~5 letters, a Chinese word ~1.5 characters), so
Chinese articles full of English product names, and Traditional Chinese,
still read as "zh". Never fails: text with neither script reads as "en".
"""

from __future__ import annotations

import re

from summarizer.models import Lang

__all__ = ["detect_language", "is_chinese_char"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_SAMPLE = 20_000


def is_chinese_char(ch: str) -> bool:
    """True for a Han ideograph (simplified or traditional)."""
    return bool(_HAN.match(ch))


def detect_language(text: str) -> Lang:
    """ "zh" when Han characters make up at least a fifth of the words, else "en"."""
    sample = text[:_SAMPLE]
    han = len(_HAN.findall(sample))
    latin_words = len(_LATIN.findall(sample)) / 5
    if han == 0:
        return "en"
    return "zh" if han / 1.5 >= 0.2 * (han / 1.5 + latin_words) else "en"
