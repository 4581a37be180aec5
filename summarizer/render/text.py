"""Text helpers every renderer shares: visible truncation and labels."""

from __future__ import annotations

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
    """"3 min read" / "阅读约 3 分钟"."""
    return f"阅读约 {minutes} 分钟" if lang == "zh" else f"{minutes} min read"


LANG_NAMES = {"zh": "中文", "en": "English"}
