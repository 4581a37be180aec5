"""Slack's message markup → the text as typed, and the article links in it.

Slack sends `<https://x.com/a?b=1&amp;c=2|x.com/a>` for a link, `<@U123>` for a
mention, and escapes `&`, `<`, `>` everywhere else. Link finding and judging
(Slack's own links, images, video) is the core's (`summarizer.fetching.urls.article_links`,
re-exported here for the listeners); this
module only undoes Slack's markup for text that is summarised as pasted.
"""

from __future__ import annotations

import re

from summarizer.fetching.urls import article_links

__all__ = ["article_links", "plain_text"]

_MARKUP = re.compile(r"<([^<>|]*)(?:\|[^<>]*)?>")


def plain_text(text: str) -> str:
    """The text as typed: links bare, mentions and channel links removed, entities decoded."""
    unwrapped = _MARKUP.sub(_unwrap, text)
    return unwrapped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def _unwrap(match: re.Match[str]) -> str:
    target = match.group(1)
    return f" {target} " if target.startswith(("http://", "https://")) else " "
