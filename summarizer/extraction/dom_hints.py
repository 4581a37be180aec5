"""What an element's tag, class and id say about the text inside it.

Pages name their furniture for their own stylesheets: `<figcaption>`,
`class="pic-desc"`, `id="article-source"`, `class="byline"`,
`class="related-news"`. Those names are the same across sites and languages
of markup (they are English identifiers even on Chinese pages), so one short
table reads them everywhere; no site is named here. The hint only suggests a
role: `summarizer.extraction.roles` decides, also from the text's length.
"""

from __future__ import annotations

import functools
import re

from lxml import html

HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Class/id fragments per role, matched case-insensitively anywhere in the
# element's class and id. The first role whose pattern matches wins, so the
# narrower names (caption, credit) come before the broader ones.
_NAMED_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern, re.IGNORECASE))
    for role, pattern in (
        (
            "caption",
            r"caption|pic_?desc|img_?desc|image_?desc|photo_?desc|pictext|imgtxt|pic_?txt|img_?title|pic_?title|pic_?info",
        ),
        ("credit", r"copyright|credit|article_?source|news_?source|source|origin"),
        ("byline", r"byline|author|editor|reporter|writer"),
        ("dateline", r"dateline|pubtime|pub_?date|publish|post_?time|post_?date|timestamp"),
        (
            "promo",
            r"related|share|recommend|promo|advert|sponsor|subscribe|newsletter|hot_?news|read_?more",
        ),
    )
)


# Any of them: most elements name none, and one search tells so.
_ANY_ROLE = re.compile("|".join(p.pattern for _, p in _NAMED_ROLES), re.IGNORECASE)


# A card that pops up over a link on hover (a person's photo and their latest
# headlines, a definition): hidden until then, so no reader sees it in the
# sentence. Read as text it ran into the prose ("Rep. Ilhan OmarIlhan
# OmarHillicon Valley: …", The Hill; the editor's reading, issue 12).
# Whole class tokens or ids only: "tooltipbg" styled a GB2312 page's article table.
HOVER_CARD_NAMES = frozenset(
    ("tooltip", "popover", "hovercard", "hover-card", "flyout", "rollover-block")
)
# The same names as an XPath, for libraries that take one (trafilatura's `prune_xpath`).
HOVER_CARD_XPATH = (
    "//*["
    + " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ') or @id = '{name}'"
        for name in sorted(HOVER_CARD_NAMES)
    )
    + "]"
)


def is_hover_card(el: html.HtmlElement) -> bool:
    """Whether `el` is a card shown only on hover, by a class token or its id."""
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return False  # most elements: nothing to read (the walker asks of every one)
    return not HOVER_CARD_NAMES.isdisjoint({*(cls or "").split(), ident or ""})


def role_hint(el: html.HtmlElement, tag: str) -> str | None:
    """The role `el` names for its text, or None when it names none."""
    if tag in HEADING_TAGS:
        return "heading"
    if tag == "figcaption":
        return "caption"
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return None  # most elements: no names to read
    return _named_role(f"{cls or ''} {ident or ''}")


@functools.lru_cache(maxsize=4096)
def _named_role(names: str) -> str | None:
    """The role a class and id name (cached: a page repeats its class names)."""
    names = names.replace("-", "_")
    if not _ANY_ROLE.search(names):
        return None
    for role, pattern in _NAMED_ROLES:
        if pattern.search(names):
            return role
    return None
