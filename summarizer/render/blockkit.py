"""`Digest` → Slack Block Kit message dicts (pure; no `slack_sdk` import).

Input: a `Digest`. Output: `{"text": fallback, "blocks": [...]}` ready for
`chat.postMessage`, or a compact card for `chat.unfurl`. Never fails on long
content: every piece is cut visibly ("…") to Slack's limits, and the whole
message stays under `MESSAGE_BUDGET` characters.

All article text is escaped (`&`, `<`, `>` → entities) because Slack parses
them as control characters: unescaped, an article saying `<!channel>` would
ping the whole channel, and `<https://evil|click me>` would be a masked link.
Text objects are `verbatim`, so Slack does not auto-link bare URLs or channel
names from the article; the button takes only an http(s) URL without credentials.
"""

from __future__ import annotations

from typing import Any

from summarizer.fetching.urls import public_link
from summarizer.models import Digest, Figure, Quote
from summarizer.render.text import label, meta_parts, shown_points, truncate

Block = dict[str, Any]

HEADER_LIMIT = 150
SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
MAX_FIELDS = 10
MAX_BLOCKS = 50
BUTTON_TEXT_LIMIT = 75
URL_LIMIT = 3000
MESSAGE_BUDGET = 10_000
"""Characters across all text of one message; Slack rejects far above ~12,000."""

# Per-part budgets; together (≈ 9,600) they stay under MESSAGE_BUDGET.
TLDR_BUDGET = 1500
POINTS_BUDGET = SECTION_LIMIT
QUOTES_BUDGET = 1500
FIGURE_FIELD_BUDGET = 250
CONTEXT_BUDGET = 300
KEYWORDS_BUDGET = 300
FALLBACK_BUDGET = 300
CARD_BUDGET = 600
CARD_FIGURES = 3
POINT_MIN = 200
MORE_RESERVE = 30

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """Neutralise Slack's control characters so article text formats and pings nothing."""
    return text.translate(_ESCAPES)


def fit(text: str, limit: int) -> str:
    """Escape `text` and cut it visibly so the escaped result is at most `limit` long.

    Cutting happens before escaping so an entity (`&amp;`) is never sliced.
    """
    raw_limit = limit
    while True:
        escaped = escape(truncate(text, raw_limit))
        if len(escaped) <= limit:
            return escaped
        raw_limit -= len(escaped) - limit


def digest_message(digest: Digest, *, shared_by: str | None = None) -> dict[str, Any]:
    """The full digest as a message: header, context, TL;DR, points, quotes, figures, keywords.

    `shared_by` is a Slack user id; it is shown as a mention in the context line
    (it comes from Slack, not from the article, so it is not escaped).
    """
    blocks = [
        _header(digest),
        _context(digest, shared_by),
        _section(f"*{label('tldr', digest.lang)}*  {fit(digest.tldr, TLDR_BUDGET)}"),
        *_points(digest),
        *_quotes(digest.quotes, digest.lang),
        *_figures(digest.figures, digest.lang),
        *_keywords(digest.keywords, digest.lang),
        *_read_button(digest),
    ]
    return {"text": fallback_text(digest), "blocks": _cap_blocks(blocks)}


def unfurl_card(digest: Digest) -> dict[str, Any]:
    """A compact card for `chat.unfurl`: title, TL;DR and the top figures."""
    title = fit(digest.title or label("untitled", digest.lang), HEADER_LIMIT)
    blocks: list[Block] = [_section(f"*{title}*\n{fit(digest.tldr, CARD_BUDGET)}")]
    figures = [_figure_line(f) for f in digest.figures[:CARD_FIGURES]]
    if figures:
        blocks.append(_context_block(" · ".join(figures)))
    return {"blocks": blocks}


def fallback_text(digest: Digest) -> str:
    """The plain `text` shown in notifications and by clients that cannot draw blocks."""
    title = digest.title or label("untitled", digest.lang)
    return fit(f"{title} — {digest.tldr}", FALLBACK_BUDGET)


def _header(digest: Digest) -> Block:
    title = digest.title or digest.site or label("untitled", digest.lang)
    return {"type": "header", "text": _plain(fit(title, HEADER_LIMIT))}


def _context(digest: Digest, shared_by: str | None) -> Block:
    line = fit(" · ".join(meta_parts(digest)), CONTEXT_BUDGET)
    if shared_by:
        line = f"<@{shared_by}> · {line}"
    return _context_block(line)


def _points(digest: Digest) -> list[Block]:
    points = shown_points(digest)
    if not points:
        return []
    per_point = max(POINT_MIN, POINTS_BUDGET // len(points))
    bullets = [f"• {fit(p, per_point)}" for p in points]
    return [_titled_list(label("key_points", digest.lang), bullets, digest.lang, POINTS_BUDGET)]


def _quotes(quotes: list[Quote], lang: str) -> list[Block]:
    if not quotes:
        return []
    per_quote = max(POINT_MIN, QUOTES_BUDGET // len(quotes))
    items = [_quote_lines(q, per_quote) for q in quotes]
    return [_titled_list(label("quotes", lang), items, lang, QUOTES_BUDGET)]


def _quote_lines(quote: Quote, limit: int) -> str:
    text = "> " + fit(" ".join(quote.text.split()), limit)
    return f"{text}\n> — {fit(quote.speaker, 60)}" if quote.speaker else text


def _titled_list(title: str, items: list[str], lang: str, budget: int) -> Block:
    """A bold title over as many items as fit in `budget`, then "… +N more"."""
    lines = [f"*{title}*"]
    used = len(lines[0])
    for index, item in enumerate(items):
        if used + len(item) + 1 > budget - MORE_RESERVE:
            lines.append(f"… +{len(items) - index} {label('more', lang)}")
            break
        lines.append(item)
        used += len(item) + 1
    return _section("\n".join(lines))


def _figures(figures: list[Figure], lang: str) -> list[Block]:
    if not figures:
        return []
    shown = figures[:MAX_FIELDS]
    fields = [_mrkdwn(_figure_line(f)) for f in shown]
    block = {"type": "section", "text": _mrkdwn(f"*{label('figures', lang)}*"), "fields": fields}
    hidden = len(figures) - len(shown)
    if not hidden:
        return [block]
    return [block, _context_block(f"+{hidden} {label('more', lang)} …")]


def _figure_line(figure: Figure) -> str:
    value = fit(figure.text, 100)
    context = fit(" ".join(figure.context.split()), FIGURE_FIELD_BUDGET - len(value) - 5)
    return f"*{value}* — {context}"


def _keywords(keywords: list[str], lang: str) -> list[Block]:
    if not keywords:
        return []
    return [
        _context_block(f"{label('keywords', lang)}: " + fit(" · ".join(keywords), KEYWORDS_BUDGET))
    ]


def _read_button(digest: Digest) -> list[Block]:
    url = public_link(digest.url)  # http(s) only: never `javascript:` from front matter
    if not url or len(url) > URL_LIMIT:
        return []
    button = {
        "type": "button",
        "text": _plain(label("read", digest.lang)),
        "url": url,
        "action_id": "read_article",
    }
    return [{"type": "actions", "elements": [button]}]


def _cap_blocks(blocks: list[Block]) -> list[Block]:
    if len(blocks) <= MAX_BLOCKS:
        return blocks
    return [*blocks[: MAX_BLOCKS - 1], _context_block("…")]


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def _context_block(text: str) -> Block:
    return {"type": "context", "elements": [_mrkdwn(text)]}


def _mrkdwn(text: str) -> dict[str, Any]:
    """A mrkdwn text object; `verbatim` so a bare URL or #channel in article text stays text."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


__all__ = ["digest_message", "escape", "fallback_text", "fit", "unfurl_card"]
