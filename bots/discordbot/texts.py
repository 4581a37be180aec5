"""Every line the Discord adapter says itself, in English and Chinese.

Digest and fetch errors come from the service (already in the requester's
language); these are the adapter's own replies. `lang` is "zh" or "en".
"""

from __future__ import annotations

from summarizer.errors import DigestbotError

_TEXTS: dict[str, dict[str, str]] = {
    "already_shared": {
        "en": "Already summarised here in the last 24 hours: {url}",
        "zh": "过去 24 小时内已在这里摘要过：{url}",
    },
    "auto_on": {
        "en": "Pasted article links in this channel will now get a digest.",
        "zh": "已开启：本频道中粘贴的文章链接将自动生成摘要。",
    },
    "auto_off": {
        "en": "Pasted links in this channel will no longer get a digest.",
        "zh": "已关闭：本频道中粘贴的链接不再自动生成摘要。",
    },
    "no_message_content": {
        "en": "Note: this bot lacks the Message Content intent, so it cannot read pasted links "
        "until an admin enables it. /summarize and the Summarize menu still work.",
        "zh": "注意：机器人没有 Message Content 权限，暂时无法读取粘贴的链接，"
        "需管理员开启。/summarize 和“Summarize”菜单仍可使用。",
    },
    "needs_manage_channels": {
        "en": "Only members who can manage this channel can change that.",
        "zh": "只有能管理本频道的成员才能修改此设置。",
    },
    "guild_only": {
        "en": "That works in server channels only.",
        "zh": "此命令只能在服务器频道中使用。",
    },
}


def text(name: str, lang: str, **values: str) -> str:
    """The adapter's line `name` in `lang` (English unless "zh"), with `values` filled in."""
    return _TEXTS[name]["zh" if lang == "zh" else "en"].format(**values)


def generic_error(lang: str) -> str:
    """The reply for a failure nobody planned for; details go to the log, never to chat."""
    return DigestbotError().user_message(lang)
