"""A digest card's "useful / not useful / delete" buttons on Discord: one persistent view.

Custom ids are stable, `digestbot:<action>:<digest language>` (six in all), and
`setup_hook` registers one persistent view per digest language
(`Client.add_view`, no timeout, no message id), so a click on a card posted
before a restart still reaches the bot. The view sent with each card only
carries its components: it is stopped before sending, so discord.py keeps no
copy per message (a long-running bot would otherwise hold one per digest).
What a click does is `Handlers.on_button` (`bots.digest_actions`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import get_args

import discord

from bots.digest_actions import ACTIONS, DELETE, Action, digest_lang
from bots.phrasebook import Lang, Phrase, say

__all__ = ["CUSTOM_ID_PREFIX", "DigestButtons", "card_buttons", "persistent_views"]

CUSTOM_ID_PREFIX = "digestbot"
_LABELS = {"useful": Phrase.USEFUL, "not_useful": Phrase.NOT_USEFUL, "delete": Phrase.DELETE}

OnClick = Callable[[discord.Interaction, Action, Lang], Awaitable[None]]


class _Button(discord.ui.Button["DigestButtons"]):
    def __init__(self, action: Action, digest: Lang, lang: Lang, on_click: OnClick | None) -> None:
        style = discord.ButtonStyle.danger if action == DELETE else discord.ButtonStyle.secondary
        custom_id = f"{CUSTOM_ID_PREFIX}:{action}:{digest}"
        super().__init__(label=say(_LABELS[action], lang), style=style, custom_id=custom_id)
        self._action, self._digest, self._on_click = action, digest, on_click

    async def callback(self, interaction: discord.Interaction) -> None:
        if self._on_click is not None:
            await self._on_click(interaction, self._action, self._digest)


class DigestButtons(discord.ui.View):
    """The three buttons of a card about a digest in `digest`, labelled in `lang`."""

    def __init__(self, *, digest: Lang, lang: Lang, on_click: OnClick | None = None) -> None:
        super().__init__(timeout=None)
        for action in ACTIONS:
            self.add_item(_Button(action, digest, lang, on_click))


def card_buttons(digest: str, lang: Lang) -> DigestButtons:
    """The components to send with a card (stopped: the persistent views answer its clicks)."""
    view = DigestButtons(digest=digest_lang(digest), lang=lang)
    view.stop()
    return view


def persistent_views(on_click: OnClick) -> list[DigestButtons]:
    """One view per digest language, to register with `Client.add_view` at start-up."""
    return [DigestButtons(digest=lang, lang=lang, on_click=on_click) for lang in get_args(Lang)]
