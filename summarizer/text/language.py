"""Is this text Chinese, English, or neither?

Input: text. Output of `detect_language`: "zh" or "en". It counts Han
characters against Latin letters (an English word is ~5 letters, a Chinese
word ~1.5 characters), so Chinese articles full of English product names, and
Traditional Chinese, still read as "zh". Never fails: text with neither script
reads as "en".

`is_foreign` says when the text is in neither language: kana or Hangul beside
the Han (Japanese, Korean), mostly another script (Cyrillic, Arabic…), or
Latin text whose function words are more French/Spanish/German than English.
The tokenizers know only Chinese and English, so such text would be digested
with the wrong one (a German page read as English gave the keywords "die ·
und · der" — the editor's reading, issue 12; pasted text, issue 14).
"""

from __future__ import annotations

import re

from summarizer.models import Lang

__all__ = ["detect_language", "is_chinese_char", "is_foreign"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_OTHER_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0eff]")
_ENGLISH = frozenset(
    {"the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "with", "as", "was",
     "on", "are", "be", "by", "this", "have", "from", "at", "an"}
)  # fmt: skip
_FOREIGN = frozenset(
    {"le", "la", "les", "un", "une", "des", "et", "est", "du", "que", "dans", "pour", "pas",
     "sur", "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "auf", "el",
     "los", "las", "y", "es", "por", "para", "con", "una", "del"}
)  # fmt: skip
_SAMPLE = 20_000
CHINESE_ENOUGH = 40  # Han characters: a Chinese text quoting a French phrase is Chinese


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


def is_foreign(text: str) -> bool:
    """True when `text` is written in a language other than Chinese or English."""
    sample = text[:_SAMPLE]
    han = len(_HAN.findall(sample))
    if len(_KANA_HANGUL.findall(sample)) * 5 > han:
        return True
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if len(_OTHER_LETTER.findall(sample)) > han + sum(map(len, words)):
        return True
    if han >= CHINESE_ENOUGH:
        return False
    english = sum(w in _ENGLISH for w in words)
    return sum(w in _FOREIGN for w in words) > max(english, 2)
