"""Article text made inert for Markdown: it may format, but never links, embeds HTML or code.

A page is written by whoever wants it summarised; `[click me](https://evil…)`
in its text would be a masked link in the digest, `<script>` raw HTML, a bare
`https://…` an auto-link. Each platform has its own function built on this
one (`summarizer.render.embed.discord_text`, `summarizer.render.markdown`;
Slack's mrkdwn has no backslash escapes, see `summarizer.render.blockkit.escape`).
"""

from __future__ import annotations

import re

__all__ = ["escape_markdown"]

_ZWSP = "\u200b"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?=//)")
LINK_AND_CODE = r"\\`\[\]<>"
"""What makes links, raw HTML and code in CommonMark: escaped everywhere."""


def escape_markdown(text: str, special: str = LINK_AND_CODE) -> str:
    """`text` with each character of `special` backslash-escaped and `scheme://` broken.

    CommonMark and Discord show an escaped punctuation mark as the mark itself,
    so the text reads the same; a zero-width space after the scheme's colon
    keeps auto-linkers from seeing a URL.
    """
    unlinked = _SCHEME.sub(lambda m: m.group(0) + _ZWSP, text)
    return re.sub(f"[{special}]", lambda m: "\\" + m.group(0), unlinked)
