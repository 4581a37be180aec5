"""Turn an HTML element into plain text paragraphs, the way a reader sees them.

Block elements and `<br>` end a paragraph; inline runs are joined with their
whitespace collapsed. Scripts, styles, form controls and hover cards
(`dom_hints.is_hover_card`) never contribute.
Output paragraphs are separated by a blank line, the `Article.text` format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree, html

from summarizer.extraction.dom_hints import is_hover_card, role_hint

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


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One paragraph as the page lays it out, with what the DOM says about it.

    `hint` is the role an enclosing element names (a `<figcaption>`, a heading
    tag, a class or id such as "caption", "source", "byline", "related"; the
    innermost one wins); `link_chars` counts the visible characters inside
    `<a>`; `after_image` is true when an `<img>` stands between the previous
    paragraph and this one; `node` is the element the paragraph's text starts in.
    """

    text: str
    hint: str | None = None
    link_chars: int = 0
    after_image: bool = False
    node: html.HtmlElement | None = field(default=None, compare=False, repr=False)


def paragraphs(root: html.HtmlElement) -> list[str]:
    """The element's visible text as a list of non-empty paragraphs."""
    return [block.text for block in text_blocks(root)]


def text_blocks(root: html.HtmlElement) -> list[TextBlock]:
    """The element's visible paragraphs, in reading order, with their DOM hints."""
    walk = _Walk()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        shown = isinstance(el.tag, str) and el.tag not in SKIP_TAGS and not is_hover_card(el)
        tag = el.tag if shown else None
        if event == "start":
            if tag is None:
                walker.skip_subtree()
            else:
                walk.enter(el, tag)
        elif tag is not None:
            walk.leave(tag)
        if event == "end" and el is not root:
            walk.add(el.tail)  # a skipped element's tail is still visible text
    walk.flush()
    return walk.out


class _Walk:
    """The state of one pass over a tree: the paragraph being read and the hints around it."""

    def __init__(self) -> None:
        self.out: list[TextBlock] = []
        self.run: list[str] = []
        self.hints: list[str | None] = [None]
        self.links = 0
        self.link_chars = 0
        self.image = False
        self.started = False
        self.hint: str | None = None
        self.node: html.HtmlElement | None = None
        self.path: list[html.HtmlElement] = []

    def enter(self, el: html.HtmlElement, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        if tag == "img" and not self.started:
            self.image = True
        if tag == "a":
            self.links += 1
        self.hints.append(role_hint(el, tag) or self.hints[-1])
        self.path.append(el)
        self.add(el.text)

    def leave(self, tag: str) -> None:
        if tag == "a":
            self.links -= 1
        self.hints.pop()
        self.path.pop()
        if tag in BLOCK_TAGS:
            self.flush()

    def add(self, text: str | None) -> None:
        if not text:
            return
        if not self.started and not text.isspace():
            self.started = True
            self.hint = self.hints[-1]
            self.node = self.path[-1] if self.path else None
        self.run.append(text)
        if self.links > 0:
            self.link_chars += visible_chars(text)

    def flush(self) -> None:
        if not self.run:
            return  # nothing read since the last flush (most block boundaries)
        text = " ".join("".join(self.run).split())
        if text:
            self.out.append(TextBlock(text, self.hint, self.link_chars, self.image, self.node))
            self.image = False
        self.run.clear()
        self.link_chars = 0
        self.started = False


def html_to_text(markup: str) -> str:
    """Paragraph text of an HTML fragment or page (for extractors that return HTML)."""
    if not markup.strip():
        return ""
    root = html.fromstring(markup)
    return "\n\n".join(paragraphs(root))


def visible_chars(text: str) -> int:
    """How many non-whitespace characters `text` has (the unit of every threshold)."""
    return len("".join(text.split()))  # str.split() splits where isspace() is true
