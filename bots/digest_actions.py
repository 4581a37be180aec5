"""Feedback and delete on a posted digest: the one rule every platform's buttons follow.

Each public digest card carries "useful", "not useful" and "delete" (Slack:
Block Kit buttons; Discord: a persistent view). An adapter turns a click into
a `Click` and renders the line returned here privately to whoever clicked:

- **Feedback**: each person's latest verdict is kept with the digest's share
  (`Channels.feedback`: exported by `digestbot export`, forgotten with the share
  after `DIGESTBOT_SHARE_RETENTION_DAYS`) and counted in
  `digestbot_feedback_total{platform, verdict, lang}` once per new or changed
  verdict (lang: the digest's language). The clicker gets a private "thanks".
- **Delete**: allowed to the person who asked for the digest (the share's
  user) and to whoever the platform says may moderate (`Click.may_manage`:
  Slack, the channel's manager, the same check as settings; Discord, Manage
  Messages). The share goes too, so no pointer leads to a deleted digest and
  no roundup lists it. Anyone else gets a polite private no.

Lines are in the clicker's language (their platform locale), else the digest's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from bots.channels import Channels
from bots.languages import locale_lang
from bots.metrics import Metrics
from bots.phrasebook import Lang, Phrase, say

__all__ = ["ACTIONS", "DELETE", "VERDICTS", "Action", "Click", "DigestActions", "digest_lang"]

Action = Literal["useful", "not_useful", "delete"]
VERDICTS: tuple[Action, ...] = ("useful", "not_useful")
DELETE: Action = "delete"
ACTIONS: tuple[Action, ...] = (*VERDICTS, DELETE)


def digest_lang(value: str) -> Lang:
    """The digest language a button carries ("zh" or anything else: English)."""
    return "zh" if value == "zh" else "en"


@dataclass(frozen=True, slots=True)
class Click:
    """One click on a digest's button: where the digest is, who clicked, and platform hooks."""

    channel: str
    ref: str
    user: str
    digest_lang: Lang
    locale: Callable[[], Awaitable[str | None]]
    may_manage: Callable[[], Awaitable[bool]]


class DigestActions:
    """Feedback and delete over one platform's channels and metrics."""

    def __init__(self, channels: Channels, metrics: Metrics) -> None:
        self._channels = channels
        self._metrics = metrics

    async def feedback(self, click: Click, verdict: Action) -> str:
        """Keep and count the verdict; the private "thanks"."""
        if await self._channels.feedback(click.channel, click.ref, click.user, verdict):
            self._metrics.feedback(verdict, click.digest_lang)
        return say(Phrase.THANKS, await self._lang(click))

    async def delete(self, click: Click, remove: Callable[[], Awaitable[None]]) -> str | None:
        """`remove()` the digest when the clicker may; None then, else the private no."""
        share = await self._channels.posted(click.channel, click.ref)
        asked = share is not None and share.user == click.user
        if not asked and not await click.may_manage():
            return say(Phrase.NOT_YOURS, await self._lang(click))
        await remove()
        await self._channels.forget_posted(click.channel, click.ref)
        return None

    async def _lang(self, click: Click) -> Lang:
        return locale_lang(await click.locale()) or click.digest_lang
