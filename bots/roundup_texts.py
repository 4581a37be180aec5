"""Every line the bots say about roundups, in English and Chinese, for every platform."""

from __future__ import annotations

_TEXTS: dict[str, dict[str, str]] = {
    "usage": {
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
    "bad_zone": {
        "en": "I don't know the time zone “{zone}”; use a name like Asia/Shanghai or UTC.",
        "zh": "无法识别时区“{zone}”，请使用 Asia/Shanghai 或 UTC 这样的名称。",
    },
    "nothing": {
        "en": "Nothing was shared in this channel {window}.",
        "zh": "本频道{window}没有分享任何链接。",
    },
    "scheduled": {
        "en": "A roundup will be posted here {schedule}.",
        "zh": "本频道将{schedule}发布汇总。",
    },
    "unscheduled": {
        "en": "Scheduled roundups are off for this channel.",
        "zh": "本频道的定时汇总已关闭。",
    },
    "no_store": {
        "en": "Roundups need the bot's store, which is unavailable right now; try again later.",
        "zh": "汇总需要机器人的存储，目前不可用，请稍后再试。",
    },
    "not_posted": {
        "en": "I made the roundup but couldn't post it here ({reason}).",
        "zh": "汇总已生成，但无法在这里发布（{reason}）。",
    },
    "today": {"en": "today", "zh": "今天"},
    "days": {"en": "in the last {n} days", "zh": "最近 {n} 天"},
    "daily": {"en": "every day at {at} ({zone})", "zh": "每天 {at}（{zone}）"},
    "weekly": {"en": "every {day} at {at} ({zone})", "zh": "每{day} {at}（{zone}）"},
}

WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
}


def say(key: str, lang: str, **values: object) -> str:
    """The roundup line `key` in `lang` (English unless "zh"), with `values` filled in."""
    return _TEXTS[key]["zh" if lang == "zh" else "en"].format(**values)


def weekday_name(day: int, lang: str) -> str:
    """ "Friday" / "周五" for day 4 (Monday is 0)."""
    return WEEKDAYS["zh" if lang == "zh" else "en"][day]
