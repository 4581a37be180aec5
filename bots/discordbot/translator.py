"""Chinese names and help for the Discord commands (`app_commands.Translator`, zh-CN and zh-TW).

Discord shows a command's localised name and description to people whose
client runs in that locale; the bot's answers follow the locale too (the
answer policy reads `interaction.locale`). Strings not listed stay English.
Command names must be lower case and at most 32 characters; Han characters
are allowed.
"""

from __future__ import annotations

import discord
from discord import app_commands

__all__ = ["CHINESE", "DigestTranslator"]

CHINESE: dict[str, str] = {
    "summarize": "摘要",
    "Digest an article link or pasted text": "为文章链接或粘贴的文字生成摘要",
    "input": "内容",
    "An article link, or the text itself": "文章链接，或文章正文",
    "private": "仅自己可见",
    "Only you see it": "只有你能看到",
    "summarize-help": "摘要-帮助",
    "How to use digestbot": "digestbot 使用说明",
    "summarize-settings": "摘要-设置",
    "This channel's digest settings": "本频道的摘要设置",
    "summarize-auto": "摘要-自动",
    "Digest article links pasted in this channel": "自动摘要本频道中粘贴的文章链接",
    "mode": "模式",
    "on: reply to pasted links with a digest; off: stop": "on：为粘贴的链接回复摘要；off：停止",
    "summarize-lang": "摘要-语言",
    "The language digestbot answers in here": "digestbot 在本频道回复的语言",
    "lang": "语言",
    "zh, en, or auto (follow each request)": "zh、en 或 auto（跟随每条请求）",
    "summarize-roundup": "摘要-汇总",
    "A roundup of the links shared here": "本频道分享链接的汇总",
    "window": "时间范围",
    "today (default), week, or N days": "today（默认）、week 或 N days",
    "summarize-roundup-schedule": "摘要-定时汇总",
    "Post a roundup here regularly": "在本频道定时发布汇总",
    "when": "时间",
    "daily 18:00 [Area/City], weekly fri 17:00 [Area/City], or off": (
        "daily 18:00 [Asia/Shanghai]、weekly fri 17:00 [Asia/Shanghai] 或 off"
    ),
    "Summarize": "生成摘要",
}
_CHINESE_LOCALES = frozenset({discord.Locale.chinese, discord.Locale.taiwan_chinese})


class DigestTranslator(app_commands.Translator):
    """English command strings → Chinese for Chinese Discord clients; None (as is) otherwise."""

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale not in _CHINESE_LOCALES:
            return None
        return CHINESE.get(string.message)
