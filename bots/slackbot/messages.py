"""Every line the Slack bot says itself, in English and Chinese.

Article errors come from the service already worded; these are the bot's own
notes. `say(key, lang, **values)` picks the Chinese text when the request was
Chinese.
"""

from __future__ import annotations

_TEXTS: dict[str, dict[str, str]] = {
    "help": {
        "en": (
            "*digestbot* turns articles into short, faithful digests.\n"
            "• `/summarize <link>`: a digest of the article (up to {max_links} links at once)\n"
            "• `/summarize <pasted text>`: a digest of the text itself\n"
            "• `/summarize auto on|off`: summarise links pasted in this channel automatically\n"
            "• `/summarize roundup [today|week|N days]`: what this channel shared, grouped; "
            "`/summarize roundup schedule daily 18:00 [Area/City]` posts one every day\n"
            "• mention me in a thread to summarise the links of its first message\n"
            "• message menu → *Summarize with digestbot* works on any message"
        ),
        "zh": (
            "*digestbot* 把文章变成简短、忠实的摘要。\n"
            "• `/summarize <链接>`：生成文章摘要（一次最多 {max_links} 个链接）\n"
            "• `/summarize <粘贴的文字>`：为这段文字生成摘要\n"
            "• `/summarize auto on|off`：自动摘要本频道中分享的链接\n"
            "• `/summarize roundup [today|week|N days]`：汇总本频道分享的内容；"
            "`/summarize roundup schedule daily 18:00 [Asia/Shanghai]` 每天定时发布\n"
            "• 在讨论串中 @ 我，摘要该讨论串首条消息中的链接\n"
            "• 消息菜单 → *Summarize with digestbot* 可用于任何消息"
        ),
    },
    "reading": {"en": "📖 Reading…", "zh": "📖 正在阅读…"},
    "auto_on": {
        "en": "Links pasted in this channel will be summarised automatically.",
        "zh": "本频道分享的链接将自动生成摘要。",
    },
    "auto_off": {
        "en": "Links pasted in this channel will no longer be summarised automatically.",
        "zh": "本频道分享的链接将不再自动生成摘要。",
    },
    "already": {
        "en": "This link was summarised here earlier: {permalink}",
        "zh": "这个链接此前已在本频道摘要过：{permalink}",
    },
    "no_links": {
        "en": "I found no article link in that message.",
        "zh": "那条消息里没有找到文章链接。",
    },
    "capped": {
        "en": "I read only the first {max_links} links of that message.",
        "zh": "这条消息只读取了前 {max_links} 个链接。",
    },
    "not_posted": {
        "en": "I read the article but couldn't post the digest here ({reason}).",
        "zh": "文章已读取，但无法在这里发布摘要（{reason}）。",
    },
    "failed": {
        "en": "Something went wrong on my side; please try again in a minute.",
        "zh": "我这边出了点问题，请稍后再试。",
    },
}


def say(key: str, lang: str, **values: object) -> str:
    """The bot's line `key` in `lang` ("zh" or English), with `values` filled in."""
    texts = _TEXTS[key]
    return texts.get(lang, texts["en"]).format(**values)
