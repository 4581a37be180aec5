"""Which language a request is written in, and whether a pasted text is an article at all.

- `request_lang`: "zh" for two or more Han characters, "en" for three or more
  Latin words, else None (a bare link or "hi" says nothing about its writer).
  Links and chat mentions are removed first, so a bare link is None.
- `locale_lang`: a platform locale ("zh-CN", "zh_TW", "en-US") as a `Lang`.
- `unsupported_language`: the text is neither Chinese nor English: kana or
  Hangul alongside the Han (Japanese, Korean), mostly another script (Cyrillic,
  Arabic…), or Latin text whose function words are more French/Spanish/German
  than English. The summarizer's tokenizers only know Chinese and English, so
  such text would be digested with the wrong one (issue 14: 門家, "le, un, les").
- `below_floor`: fewer than 2 sentences, or under 80 Han characters / 40 Latin
  words: too short to be an article (the floor the issue proposes; the shortest
  sample article of the corpus has 9 sentences, the longest chat command 4 words).
"""

from __future__ import annotations

import re

from bots.phrasebook import Lang
from summarizer.fetching.urls import find_links
from summarizer.text.language import is_foreign

__all__ = ["below_floor", "locale_lang", "request_lang", "unsupported_language"]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_MARKUP = re.compile(r"<[@#!][^>]*>|<https?://[^>]*>")
_SENTENCE_END = re.compile(r"[。！？]+|[.!?]+(?=\s|$|[\"'”’」』）)])")
FLOOR_SENTENCES = 2
FLOOR_HAN = 80
FLOOR_WORDS = 40


def _prose(text: str) -> str:
    text = _MARKUP.sub(" ", text)
    for link in find_links(text):
        text = text.replace(link, " ")
    return text


def request_lang(text: str) -> Lang | None:
    """The language the request itself is written in, when it says."""
    prose = _prose(text)
    if len(_HAN.findall(prose)) >= 2:
        return "zh"
    return "en" if len(_LATIN_WORD.findall(prose)) >= 3 else None


def locale_lang(locale: str | None) -> Lang | None:
    """ "zh" for any Chinese locale, "en" for any English one, else None."""
    lowered = (locale or "").lower()
    if lowered.startswith("zh"):
        return "zh"
    return "en" if lowered.startswith("en") else None


def unsupported_language(text: str) -> bool:
    """True when `text` is written in a language other than Chinese or English
    (`summarizer.text.language.is_foreign`, links and mentions removed first)."""
    return is_foreign(_prose(text))


def below_floor(text: str) -> bool:
    """True when `text` is too short to be an article (see the module docstring)."""
    prose = _prose(text)
    sentences = len(_SENTENCE_END.findall(prose.strip() + " "))
    han = len(_HAN.findall(prose))
    words = len(_LATIN_WORD.findall(prose))
    return sentences < FLOOR_SENTENCES or (han < FLOOR_HAN and words < FLOOR_WORDS)
