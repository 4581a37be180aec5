"""Every sentence the chat bots say themselves, keyed, typed, in Chinese and English.

A Python catalog rather than gettext/Babel: there are two languages and ~45
lines, every key is a `Phrase` member (mypy catches a misspelt key, which a
gettext msgid would not), placeholders are checked by a test (same names in
both languages), and nothing has to be compiled (`.mo`) before the bot runs.
Article failures keep their wording in `summarizer.errors` (the command line
shows them too); `failure_line` is the one place chat turns them into a line.
Roundups, digest feedback and the console speak from this catalog too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from summarizer.errors import Blocked, DigestbotError

__all__ = ["CATALOG", "Lang", "Phrase", "failure_line", "say", "weekday_name"]

Lang = Literal["zh", "en"]
"""The languages the bots speak; every other language is refused politely."""


class Phrase(StrEnum):
    HELP = "help"
    READING = "reading"
    AUTO_ON = "auto_on"
    AUTO_OFF = "auto_off"
    LANG_SET = "lang_set"
    LANG_AUTO = "lang_auto"
    SETTINGS = "settings"
    NOT_MANAGER = "not_manager"
    GUILD_ONLY = "guild_only"
    ALREADY = "already"
    NO_LINKS = "no_links"
    CAPPED = "capped"
    NOT_POSTED = "not_posted"
    FAILED = "failed"
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    RATE_USER = "rate_user"
    RATE_CHANNEL = "rate_channel"
    ALLOW_HOSTS = "allow_hosts"
    NO_MESSAGE_CONTENT = "no_message_content"
    HOME = "home"
    CONSOLE_HELP = "console_help"
    CONSOLE_PROMPT = "console_prompt"
    CONSOLE_PASTE_PROMPT = "console_paste_prompt"
    ROUNDUP_USAGE = "roundup_usage"
    ROUNDUP_BAD_ZONE = "roundup_bad_zone"
    ROUNDUP_NOTHING = "roundup_nothing"
    ROUNDUP_SCHEDULED = "roundup_scheduled"
    ROUNDUP_UNSCHEDULED = "roundup_unscheduled"
    ROUNDUP_NO_STORE = "roundup_no_store"
    ROUNDUP_NOT_POSTED = "roundup_not_posted"
    ROUNDUP_TODAY = "roundup_today"
    ROUNDUP_DAYS = "roundup_days"
    ROUNDUP_DAILY = "roundup_daily"
    ROUNDUP_WEEKLY = "roundup_weekly"
    USEFUL = "useful"
    NOT_USEFUL = "not_useful"
    DELETE = "delete"
    DELETE_CONFIRM = "delete_confirm"
    CANCEL = "cancel"
    THANKS = "thanks"
    NOT_YOURS = "not_yours"


_HELP_EN = (
    "*digestbot* turns articles into short, faithful digests (Chinese and English).\n"
    "• `/summarize <link>`: a digest of the article (up to {max_links} links at once)\n"
    "• `/summarize <pasted article>`: a digest of the text itself (a few sentences at least)\n"
    "• `/summarize settings`: this channel's settings\n"
    "• `/summarize auto on|off`: digest links pasted in this channel (channel managers)\n"
    "• `/summarize lang zh|en|auto`: the language I answer in here (channel managers)\n"
    "• `/summarize roundup [today|week|N days]`: what this channel shared, grouped\n"
    "• mention me, or use the message menu “Summarize”, on any message with a link"
)
_HELP_ZH = (
    "*digestbot* 把文章变成简短、忠实的摘要（中文和英文）。\n"
    "• `/summarize <链接>`：生成文章摘要（一次最多 {max_links} 个链接）\n"
    "• `/summarize <粘贴的文章>`：为这段文字生成摘要（至少几句话）\n"
    "• `/summarize settings`：查看本频道的设置\n"
    "• `/summarize auto on|off`：自动摘要本频道中分享的链接（频道管理者）\n"
    "• `/summarize lang zh|en|auto`：我在本频道回复的语言（频道管理者）\n"
    "• `/summarize roundup [today|week|N days]`：汇总本频道分享的内容\n"
    "• 在任何带链接的消息上 @ 我，或使用消息菜单“Summarize”"
)

_CHAT: dict[Phrase, dict[Lang, str]] = {
    Phrase.HELP: {"en": _HELP_EN, "zh": _HELP_ZH},
    Phrase.READING: {"en": "📖 Reading…", "zh": "📖 正在阅读…"},
    Phrase.AUTO_ON: {
        "en": "Links pasted in this channel will be summarised automatically.",
        "zh": "本频道分享的链接将自动生成摘要。",
    },
    Phrase.AUTO_OFF: {
        "en": "Links pasted in this channel will no longer be summarised automatically.",
        "zh": "本频道分享的链接将不再自动生成摘要。",
    },
    Phrase.LANG_SET: {
        "en": "I will answer in {language} in this channel.",
        "zh": "我将在本频道使用{language}回复。",
    },
    Phrase.LANG_AUTO: {
        "en": "I will answer in the language of each request in this channel.",
        "zh": "我将按每条请求的语言在本频道回复。",
    },
    Phrase.SETTINGS: {
        "en": "Settings here: automatic digests {auto}; language {language}; "
        "scheduled roundup {schedule}; at most {max_links} links per message.",
        "zh": "本频道设置：自动摘要 {auto}；回复语言 {language}；定时汇总 {schedule}；"
        "每条消息最多 {max_links} 个链接。",
    },
    Phrase.NOT_MANAGER: {
        "en": "Only people who can manage this channel (its creator or an admin) can change that.",
        "zh": "只有能管理本频道的成员（频道创建者或管理员）才能修改此设置。",
    },
    Phrase.GUILD_ONLY: {
        "en": "That works in server channels only.",
        "zh": "此命令只能在服务器频道中使用。",
    },
    Phrase.ALREADY: {
        "en": "This link was summarised here earlier: {link}",
        "zh": "这个链接此前已在本频道摘要过：{link}",
    },
    Phrase.NO_LINKS: {
        "en": "I found no article link in that message.",
        "zh": "那条消息里没有找到文章链接。",
    },
    Phrase.CAPPED: {
        "en": "I read only the first {max_links} links of that message; {skipped} more skipped.",
        "zh": "这条消息只读取了前 {max_links} 个链接，其余 {skipped} 个已跳过。",
    },
    Phrase.NOT_POSTED: {
        "en": "I read the article but couldn't post the digest here ({reason}).",
        "zh": "文章已读取，但无法在这里发布摘要（{reason}）。",
    },
    Phrase.FAILED: {
        "en": "Something went wrong on my side; please try again in a minute.",
        "zh": "我这边出了点问题，请稍后再试。",
    },
    Phrase.UNSUPPORTED_LANGUAGE: {
        "en": "I can only summarise Chinese and English text, sorry.",
        "zh": "抱歉，我只能摘要中文和英文的文字。",
    },
    Phrase.RATE_USER: {
        "en": "You've asked for a lot of digests just now 🙂 please try again in {seconds} s.",
        "zh": "你刚才请求的摘要有点多 🙂 请 {seconds} 秒后再试。",
    },
    Phrase.RATE_CHANNEL: {
        "en": "This channel has asked for a lot of digests just now 🙂 "
        "please try again in {seconds} s.",
        "zh": "本频道刚才请求的摘要有点多 🙂 请 {seconds} 秒后再试。",
    },
    Phrase.ALLOW_HOSTS: {
        "en": "To allow a host on your own network, add it to DIGESTBOT_FETCH_ALLOW_HOSTS.",
        "zh": "如需允许内网主机，请把它加入 DIGESTBOT_FETCH_ALLOW_HOSTS。",
    },
    Phrase.NO_MESSAGE_CONTENT: {
        "en": "Note: this bot lacks the Message Content intent, so it cannot read pasted links "
        "until an admin enables it. /summarize and the Summarize menu still work.",
        "zh": "注意：机器人没有 Message Content 权限，暂时无法读取粘贴的链接，"
        "需管理员开启。/summarize 和“Summarize”菜单仍可使用。",
    },
    Phrase.CONSOLE_HELP: {
        "en": "That doesn't look like an article. Paste a link, a file path, or an article "
        "of a few sentences.",
        "zh": "这看起来不像一篇文章。请粘贴链接、文件路径，或至少几句话的文章。",
    },
    Phrase.CONSOLE_PROMPT: {
        "en": "Paste a link, a file path, or an article (end it with a line holding only '.', "
        "or an empty line after a sentence, or Ctrl-D); `roundup` sums up this session; "
        "Ctrl-D on an empty prompt quits:",
        "zh": "粘贴链接、文件路径或文章（以只含“.”的一行、句末之后的空行或 Ctrl-D 结束）；"
        "`roundup` 汇总本次会话；在空提示符处按 Ctrl-D 退出：",
    },
    Phrase.CONSOLE_PASTE_PROMPT: {
        "en": "Paste a link, a file path, or an article: a paste is read whole, as one message. "
        "Typed text ends with a line holding only '.' or Ctrl-D; `roundup` sums up this "
        "session; Ctrl-D on an empty prompt quits:",
        "zh": "粘贴链接、文件路径或文章：一次粘贴的内容整体作为一条消息。"
        "手动输入的文字以只含“.”的一行或 Ctrl-D 结束；`roundup` 汇总本次会话；"
        "在空提示符处按 Ctrl-D 退出：",
    },
    Phrase.HOME: {
        "en": "Send me a link or paste an article here and I'll reply with a digest.",
        "zh": "在这里发给我一个链接或粘贴一篇文章，我会回复摘要。",
    },
}


_ROUNDUPS: dict[Phrase, dict[Lang, str]] = {
    Phrase.ROUNDUP_USAGE: {
        "en": (
            "Roundups: `roundup [today|week|N days]` posts what was shared here; "
            "`roundup schedule daily 18:00 [Area/City]`, "
            "`roundup schedule weekly fri 17:00 [Area/City]` or `roundup schedule off` "
            "posts one on a schedule (time zone default: the channel's, else UTC)."
        ),
        "zh": (
            "频道汇总：`roundup [today|week|N days]` 汇总本频道分享的链接；"
            "`roundup schedule daily 18:00 [Asia/Shanghai]`、"
            "`roundup schedule weekly fri 17:00 [Asia/Shanghai]` 或 `roundup schedule off` "
            "定时发布汇总（时区默认为本频道的时区，未设置则为 UTC）。"
        ),
    },
    Phrase.ROUNDUP_BAD_ZONE: {
        "en": "I don't know the time zone “{zone}”; use a name like Asia/Shanghai or UTC.",
        "zh": "无法识别时区“{zone}”，请使用 Asia/Shanghai 或 UTC 这样的名称。",
    },
    Phrase.ROUNDUP_NOTHING: {
        "en": "Nothing was shared in this channel {window}.",
        "zh": "本频道{window}没有分享任何链接。",
    },
    Phrase.ROUNDUP_SCHEDULED: {
        "en": "A roundup will be posted here {schedule}.",
        "zh": "本频道将{schedule}发布汇总。",
    },
    Phrase.ROUNDUP_UNSCHEDULED: {
        "en": "Scheduled roundups are off for this channel.",
        "zh": "本频道的定时汇总已关闭。",
    },
    Phrase.ROUNDUP_NO_STORE: {
        "en": "Roundups need the bot's store, which is unavailable right now; try again later.",
        "zh": "汇总需要机器人的存储，目前不可用，请稍后再试。",
    },
    Phrase.ROUNDUP_NOT_POSTED: {
        "en": "I made the roundup but couldn't post it here ({reason}).",
        "zh": "汇总已生成，但无法在这里发布（{reason}）。",
    },
    Phrase.ROUNDUP_TODAY: {"en": "today", "zh": "今天"},
    Phrase.ROUNDUP_DAYS: {"en": "in the last {n} days", "zh": "最近 {n} 天"},
    Phrase.ROUNDUP_DAILY: {"en": "every day at {at} ({zone})", "zh": "每天 {at}（{zone}）"},
    Phrase.ROUNDUP_WEEKLY: {"en": "every {day} at {at} ({zone})", "zh": "每{day} {at}（{zone}）"},
}
_FEEDBACK: dict[Phrase, dict[Lang, str]] = {
    Phrase.USEFUL: {"en": "👍 Useful", "zh": "👍 有用"},
    Phrase.NOT_USEFUL: {"en": "👎 Not useful", "zh": "👎 没用"},
    Phrase.DELETE: {"en": "Delete", "zh": "删除"},
    Phrase.DELETE_CONFIRM: {
        "en": "Delete this digest for everyone in the channel?",
        "zh": "要为频道里的所有人删除这条摘要吗？",
    },
    Phrase.CANCEL: {"en": "Cancel", "zh": "取消"},
    Phrase.THANKS: {
        "en": "Thanks for the feedback! It helps make the digests better.",
        "zh": "谢谢你的反馈！这能帮助我们改进摘要。",
    },
    Phrase.NOT_YOURS: {
        "en": "Sorry, only the person who asked for this digest or someone who manages "
        "this channel can delete it.",
        "zh": "抱歉，只有请求这条摘要的人或本频道的管理者才能删除它。",
    },
}
CATALOG: dict[Phrase, dict[Lang, str]] = {**_CHAT, **_ROUNDUPS, **_FEEDBACK}

WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}


def weekday_name(day: int, lang: Lang) -> str:
    """ "Friday" / "周五" for day 4 (Monday is 0)."""
    return WEEKDAYS[lang][day]


def say(phrase: Phrase, lang: Lang, **values: object) -> str:
    """The sentence `phrase` in `lang`, with `values` filled in."""
    return CATALOG[phrase][lang].format(**values)


def failure_line(error: DigestbotError, lang: Lang) -> str:
    """The one line chat shows for an article that could not be read."""
    line = error.user_message(lang)
    if isinstance(error, Blocked):
        line = f"{line} {say(Phrase.ALLOW_HOSTS, lang)}"
    return line
