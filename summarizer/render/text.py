"""Text helpers every renderer shares: visible truncation and labels."""

from __future__ import annotations

from summarizer.models import Digest

ELLIPSIS = "…"


def truncate(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters, ending in "…" when cut.

    Cuts at the last space or CJK punctuation in the final fifth when there is
    one, so a word is not sliced; the ellipsis makes the cut visible.
    """
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    head = text[: limit - 1]
    floor = int(len(head) * 0.8)
    cut = max(head.rfind(ch) for ch in " ，。；、,;")
    if cut >= floor:
        head = head[:cut]
    return head.rstrip() + ELLIPSIS


def reading_label(minutes: int, lang: str) -> str:
    """ "3 min read" / "阅读约 3 分钟"."""
    return f"阅读约 {minutes} 分钟" if lang == "zh" else f"{minutes} min read"


LANG_NAMES = {"zh": "中文", "en": "English"}

SECTION_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "tldr": "TL;DR",
        "key_points": "Key points",
        "quotes": "Quotes",
        "figures": "Key figures",
        "keywords": "Keywords",
        "read": "Read article",
        "untitled": "Digest",
        "more": "more",
    },
    "zh": {
        "tldr": "摘要",
        "key_points": "要点",
        "quotes": "引语",
        "figures": "关键数字",
        "keywords": "关键词",
        "read": "阅读原文",
        "untitled": "摘要",
        "more": "更多",
    },
}


def label(name: str, lang: str) -> str:
    """A section label ("Key points" / "要点") in the digest's language; English otherwise."""
    return SECTION_LABELS.get(lang, SECTION_LABELS["en"])[name]


def meta_parts(digest: Digest) -> list[str]:
    """The context line's pieces: source, author, date, reading time, language.

    Missing metadata is left out rather than shown as "unknown".
    """
    parts = [p for p in (digest.site, digest.author, digest.published) if p]
    parts.append(reading_label(digest.reading_minutes, digest.lang))
    parts.append(LANG_NAMES.get(digest.lang, digest.lang))
    if digest.decoded_from:  # a guessed encoding: the reader should know the text was re-decoded
        parts.append(decoded_label(digest.decoded_from, digest.lang))
    return parts


def decoded_label(encoding: str, lang: str) -> str:
    """ "text re-decoded as gb18030" / "文字按 gb18030 重新解码"."""
    return f"文字按 {encoding} 重新解码" if lang == "zh" else f"text re-decoded as {encoding}"


def shown_points(digest: Digest) -> list[str]:
    """The key points to show after the TL;DR: all of them.

    `summarize` never makes the TL;DR a point, so a default digest shows three
    points; only a digest cached by an older version can hold a point equal
    to its TL;DR, and that one is not shown twice.
    """
    return [point for point in digest.key_points if point != digest.tldr]
