"""A digest card's "useful / not useful / delete" buttons on Slack (listener: `actions.py`).

`with_buttons` adds the three buttons to a digest message beside its "Read"
button, in one `actions` block. Each button's `value` is the digest's language
(the feedback counter's label); "delete" asks to confirm first.
"""

from __future__ import annotations

from typing import Any

from bots.digest_actions import ACTIONS, DELETE
from bots.phrasebook import Lang, Phrase, say

__all__ = ["ACTION_PREFIX", "with_buttons"]

ACTION_PREFIX = "digest_"
MAX_BLOCKS = 50
_LABELS = {"useful": Phrase.USEFUL, "not_useful": Phrase.NOT_USEFUL, "delete": Phrase.DELETE}


def with_buttons(message: dict[str, Any], *, digest: str, lang: Lang) -> dict[str, Any]:
    """`message` with the feedback and delete buttons, labelled in `lang`."""
    buttons = [_button(action, digest, lang) for action in ACTIONS]
    blocks = list(message["blocks"])
    if blocks and blocks[-1]["type"] == "actions":  # the Read button's block
        blocks[-1] = {**blocks[-1], "elements": [*blocks[-1]["elements"], *buttons]}
    else:
        blocks = [*blocks[: MAX_BLOCKS - 1], {"type": "actions", "elements": buttons}]
    return {**message, "blocks": blocks}


def _button(action: str, digest: str, lang: Lang) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": say(_LABELS[action], lang), "emoji": True},
        "action_id": ACTION_PREFIX + action,
        "value": digest,
    }
    if action == DELETE:
        button["style"] = "danger"
        button["confirm"] = {
            "title": {"type": "plain_text", "text": say(Phrase.DELETE, lang)},
            "text": {"type": "plain_text", "text": say(Phrase.DELETE_CONFIRM, lang)},
            "confirm": {"type": "plain_text", "text": say(Phrase.DELETE, lang)},
            "deny": {"type": "plain_text", "text": say(Phrase.CANCEL, lang)},
            "style": "danger",
        }
    return button
