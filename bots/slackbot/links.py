"""Slack's message shapes → the policy's `Message`: the text as typed, and where links hide.

Slack sends `<https://x.com/a?b=1&amp;c=2|x.com/a>` for a link, `<@U123>` for a
mention, and escapes `&`, `<`, `>` everywhere else (code spans included).
Links also hide outside `text`: in `rich_text` blocks (`link` elements), and in
`attachments` — an RSS app's post (`title_link`), a forwarded or shared message
(`from_url`, `original_url`, and the forwarded text and blocks themselves).
This module only collects those strings; finding links in them is the one
finder's job (`summarizer.fetching.urls.article_links`, via the answer policy).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from bots.answers import Message

__all__ = ["plain_text", "slack_message"]

_MARKUP = re.compile(r"<([^<>|]*)(?:\|[^<>]*)?>")
_ATTACHMENT_LINKS = ("title_link", "from_url", "original_url")
_ATTACHMENT_TEXTS = ("text", "pretext", "fallback")


def plain_text(text: str) -> str:
    """The text as typed: links bare, mentions and channel links removed, entities decoded."""
    unwrapped = _MARKUP.sub(_unwrap, text)
    return unwrapped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def _unwrap(match: re.Match[str]) -> str:
    target = match.group(1)
    return f" {target} " if target.startswith(("http://", "https://")) else " "


def slack_message(message: dict[str, Any], *, ref: str | None) -> Message:
    """A Slack message (event or shortcut payload) as the policy reads it."""
    hidden = tuple(_hidden(message))
    return Message(plain_text(message.get("text") or ""), hidden, ref)


def _hidden(message: dict[str, Any]) -> Iterator[str]:
    yield from _block_links(message.get("blocks") or [])
    for attachment in message.get("attachments") or []:
        if not isinstance(attachment, dict):
            continue
        for key in (*_ATTACHMENT_LINKS, *_ATTACHMENT_TEXTS):
            value = attachment.get(key)
            if isinstance(value, str) and value:
                yield value
        yield from _block_links(attachment.get("message_blocks") or [])
        yield from _block_links(attachment.get("blocks") or [])


def _block_links(node: Any) -> Iterator[str]:
    """Every `url` of a `link` element, at any depth of (rich_text) blocks."""
    if isinstance(node, list):
        for item in node:
            yield from _block_links(item)
    elif isinstance(node, dict):
        if node.get("type") == "link" and isinstance(node.get("url"), str):
            yield node["url"]
        for value in node.values():
            if isinstance(value, list | dict):
                yield from _block_links(value)
