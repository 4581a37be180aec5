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

from bots.channels import Channels
from bots.phrasebook import Lang, Phrase, say
from bots.roundup_history import UnknownZone, parse_window
from bots.roundup_schedule import ScheduleError, parse_schedule
from bots.storage.base import StoreUnavailable
from summarizer.roundup.model import Roundup

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
    channels: Channels, channel: str, args: str, *, lang: Lang, now: datetime
) -> RoundupAnswer:
    """Answer `roundup <args>` for `channel`; never raises for a user's mistake or a down store."""
    words = args.split()
    try:
        if [word.lower() for word in words[:1]] == ["schedule"]:
            return await _schedule(channels, channel, words[1:], lang=lang, now=now)
        return await _show(channels, channel, args, lang=lang, now=now)
    except StoreUnavailable:
        return RoundupAnswer(note=say(Phrase.ROUNDUP_NO_STORE, lang))
    except UnknownZone as exc:
        return RoundupAnswer(note=say(Phrase.ROUNDUP_BAD_ZONE, lang, zone=str(exc)))
    except ScheduleError:
        return RoundupAnswer(note=say(Phrase.ROUNDUP_USAGE, lang))


async def _show(
    channels: Channels, channel: str, args: str, *, lang: Lang, now: datetime
) -> RoundupAnswer:
    window = parse_window(args, now=now, zone=await channels.zone(channel))
    if window is None:
        return RoundupAnswer(note=say(Phrase.ROUNDUP_USAGE, lang))
    # Labels follow a Chinese request; otherwise the language most articles are in.
    roundup = await channels.roundup(channel, window, lang="zh" if lang == "zh" else None)
    if roundup.empty:
        when = (
            say(Phrase.ROUNDUP_DAYS, lang, n=window.days)
            if window.days
            else say(Phrase.ROUNDUP_TODAY, lang)
        )
        return RoundupAnswer(note=say(Phrase.ROUNDUP_NOTHING, lang, window=when))
    return RoundupAnswer(roundup=roundup)


async def _schedule(
    channels: Channels, channel: str, words: list[str], *, lang: Lang, now: datetime
) -> RoundupAnswer:
    zone = await channels.zone(channel)
    schedule = parse_schedule(words, now=now, default_zone=zone.key)
    await channels.set_schedule(channel, schedule)
    if schedule is None:
        return RoundupAnswer(note=say(Phrase.ROUNDUP_UNSCHEDULED, lang))
    return RoundupAnswer(note=say(Phrase.ROUNDUP_SCHEDULED, lang, schedule=schedule.describe(lang)))
