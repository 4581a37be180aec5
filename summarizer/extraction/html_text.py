"""Turn an HTML element into plain text paragraphs, the way a reader sees them.

Block elements and `<br>` end a paragraph; inline runs are joined with their
whitespace collapsed. Scripts, styles and form controls never contribute.
Output paragraphs are separated by a blank line, the `Article.text` format.
"""

from __future__ import annotations

from lxml import etree, html

BLOCK_TAGS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    )
)
SKIP_TAGS = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "head",
        "button",
        "select",
        "textarea",
        "input",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
    )
)


def paragraphs(root: html.HtmlElement) -> list[str]:
    """The element's visible text as a list of non-empty paragraphs."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = " ".join("".join(run).split())
        if text:
            out.append(text)
        run.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in SKIP_TAGS:
                walker.skip_subtree()
            else:
                if tag in BLOCK_TAGS:
                    flush()
                run.append(el.text or "")
            continue
        if tag in BLOCK_TAGS:
            flush()
        if el is not root:
            run.append(el.tail or "")
    flush()
    return out


def html_to_text(markup: str) -> str:
    """Paragraph text of an HTML fragment or page (for extractors that return HTML)."""
    if not markup.strip():
        return ""
    root = html.fromstring(markup)
    return "\n\n".join(paragraphs(root))


def visible_chars(text: str) -> int:
    """How many non-whitespace characters `text` has (the unit of every threshold)."""
    return sum(1 for ch in text if not ch.isspace())
