"""Article pages the local article server serves to the Slack tests."""

from __future__ import annotations

from html import escape

ACME = [
    "Acme Corp raised $5 million in new funding on Monday, the company said.",
    "The round was led by Example Ventures, a firm based in London.",
    "Revenue grew 40% last year to $12 million, according to the filing.",
    '"We are just getting started," said Jane Doe, the chief executive.',
    "The company plans to hire 200 engineers in 2024 across three offices.",
    "Analysts expect the market for its software to triple by 2030.",
    "The new money will fund expansion into Asia and Europe next year.",
    "Acme was founded in 2015 in Berlin by two former university classmates.",
]
INJECTION = [
    "Attention <!channel> and <!here>: the board met on Friday, said <@U123>.",
    *ACME[:6],
]
CHINESE = [
    "阿里巴巴周一宣布，公司第三季度营收达到2000亿元，同比增长15%。",
    "公司表示，云计算业务继续保持快速增长，用户数量超过5000万。",
    "分析人士认为，这一结果超出了市场预期。",
    "公司计划在明年投入100亿元用于人工智能研发。",
    "此外，公司还宣布将在杭州新建一座数据中心。",
]


def article_html(title: str, paragraphs: list[str]) -> bytes:
    """A plain news page: title, byline, and the paragraphs in an <article>."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head><body>"
        f"<article><h1>{escape(title)}</h1>{body}</article></body></html>"
    ).encode()
