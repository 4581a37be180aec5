"""`/summarize …` sub-commands, read the same way on every platform.

`help` (帮助, ?, --help, -h, nothing), `settings` (设置), `auto on|off`,
`lang zh|en|auto`, `roundup …` and otherwise content (links or an article).
A sub-command word with a missing or wrong argument (`auto`, `lang fr`) is
help, never content: "auto" is not an article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Command", "parse_command"]

Kind = Literal["help", "settings", "auto", "lang", "roundup", "content"]
_HELP = frozenset({"", "help", "帮助", "?", "？", "--help", "-h", "usage"})
_SETTINGS = frozenset({"settings", "设置", "status", "config"})
_CHOICES: dict[Kind, frozenset[str]] = {
    "auto": frozenset({"on", "off"}),
    "lang": frozenset({"zh", "en", "auto"}),
}


@dataclass(frozen=True, slots=True)
class Command:
    """A parsed sub-command; `value` is its argument (roundup: the rest of the text)."""

    kind: Kind
    value: str = ""

    @property
    def changes(self) -> bool:
        """Whether it changes the channel's settings (needs channel-manager rights)."""
        if self.kind == "roundup":
            return self.value.split()[:1] == ["schedule"]
        return self.kind in ("auto", "lang")


def parse_command(text: str) -> Command:
    """The sub-command `text` names, or `content` for links and pasted articles."""
    words = text.split()
    first = words[0].lower() if words else ""
    if first in _HELP and len(words) <= 1:
        return Command("help")
    if first in _SETTINGS and len(words) == 1:
        return Command("settings")
    if first == "roundup":
        return Command("roundup", " ".join(words[1:]))
    for kind, choices in _CHOICES.items():
        if first == kind:
            value = words[1].lower() if len(words) == 2 else ""
            return Command(kind, value) if value in choices else Command("help")
    return Command("content")
