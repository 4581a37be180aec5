"""`roundup …`: the platform-neutral answer to a roundup command.

Adapters pass the words after "roundup" and get back either a `Roundup` to
render and post in the channel, or one line to tell whoever asked (usage,
"nothing shared", a schedule confirmation, an unknown time zone, the store
being down). Commands:

    roundup [today|week|N days]                 the channel's roundup now
    roundup schedule daily HH:MM [Area/City]     every day at that local time
    roundup schedule weekly fri HH:MM [Area/City]
    roundup schedule off

A zone given with a schedule becomes the channel's time-zone setting, used
by later schedules and by `today`; without one the channel's setting
applies, and UTC when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bots.roundup_history import (
    TIMEZONE_KEY,
    UnknownZone,
    channel_roundup,
    channel_zone,
    parse_window,
)
from bots.roundup_schedule import SCHEDULE_KEY, ScheduleError, parse_schedule
from bots.roundup_texts import say
from bots.storage.base import Store, StoreUnavailable
from summarizer.roundup.build import Roundup

__all__ = ["COMMAND_WORD", "RoundupAnswer", "roundup_args", "roundup_command"]

COMMAND_WORD = "roundup"


@dataclass(frozen=True, slots=True)
class RoundupAnswer:
    """A roundup to post in the channel, or a line for the person who asked."""

    roundup: Roundup | None = None
    note: str = ""


def roundup_args(text: str) -> str | None:
    """The words after a leading "roundup", or None when `text` is not a roundup command."""
    words = text.split(maxsplit=1)
    if not words or words[0].lower() != COMMAND_WORD:
        return None
    return words[1] if len(words) > 1 else ""


async def roundup_command(
    store: Store | None, platform: str, channel: str, args: str, *, lang: str, now: datetime
) -> RoundupAnswer:
    """Answer `roundup <args>` for `channel`; never raises for a user's mistake or a down store."""
    if store is None:
        return RoundupAnswer(note=say("no_store", lang))
    words = args.split()
    try:
        if [word.lower() for word in words[:1]] == ["schedule"]:
            return await _schedule(store, platform, channel, words[1:], lang=lang, now=now)
        return await _show(store, platform, channel, args, lang=lang, now=now)
    except StoreUnavailable:
        return RoundupAnswer(note=say("no_store", lang))
    except UnknownZone as exc:
        return RoundupAnswer(note=say("bad_zone", lang, zone=str(exc)))
    except ScheduleError:
        return RoundupAnswer(note=say("usage", lang))


async def _show(
    store: Store, platform: str, channel: str, args: str, *, lang: str, now: datetime
) -> RoundupAnswer:
    zone = await channel_zone(store, platform, channel)
    window = parse_window(args, now=now, zone=zone)
    if window is None:
        return RoundupAnswer(note=say("usage", lang))
    # Labels follow a Chinese request; otherwise the language most articles are in.
    roundup = await channel_roundup(
        store, platform, channel, window, lang="zh" if lang == "zh" else None
    )
    if roundup.empty:
        when = say("days", lang, n=window.days) if window.days else say("today", lang)
        return RoundupAnswer(note=say("nothing", lang, window=when))
    return RoundupAnswer(roundup=roundup)


async def _schedule(
    store: Store, platform: str, channel: str, words: list[str], *, lang: str, now: datetime
) -> RoundupAnswer:
    zone = await channel_zone(store, platform, channel)
    schedule = parse_schedule(words, now=now, default_zone=zone.key)
    if schedule is None:
        await store.set_channel_setting(platform, channel, SCHEDULE_KEY, "off")
        return RoundupAnswer(note=say("unscheduled", lang))
    if schedule.zone != zone.key:
        await store.set_channel_setting(platform, channel, TIMEZONE_KEY, schedule.zone)
    await store.set_channel_setting(platform, channel, SCHEDULE_KEY, schedule.to_setting())
    return RoundupAnswer(note=say("scheduled", lang, schedule=schedule.describe(lang)))
