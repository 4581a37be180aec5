"""Extraction on real recorded pages, and a gate on the Chinese sets' scores.

Reads `../shared/corpus` beside the repository; skips when it is absent.
Must-not-contain strings are the page's own navigation links: link texts that
the ground truth does not contain.
"""

from __future__ import annotations

import statistics

import pytest
from lxml import html

from bench.extraction import char_f1
from bench.extraction_sets import CORPUS, SETS, Page
from summarizer.errors import FetchError
from summarizer.extraction.extractor import extract
from summarizer.fetching.charset import decode_html
from tests.support.shared_data import needs_shared

pytestmark = needs_shared

# Mean character F1 reached when this gate was set, minus 0.01; raise, never lower.
GATE = {
    "chinese-web-content-extraction": 0.929,
    "chinese-news-sites (human)": 0.962,
    "chinese-news-sites (other)": 0.985,
}
SAMPLES = [
    ("chinese-news-sites", "mp.weixin.qq.com/s?"),
    ("chinese-news-sites", "baijiahao.baidu.com"),
    ("chinese-news-sites", "thepaper.cn"),
    ("chinese-news-sites", "toutiao.com"),
    ("chinese-web-content-extraction", ""),
]


def _pages(set_name: str) -> list[Page]:
    return list(SETS[set_name]()) if CORPUS.is_dir() else []


def _nav_links(page: Page, text: str) -> list[str]:
    root = html.document_fromstring(text)
    links = {" ".join(a.text_content().split()) for a in root.iter("a")}
    truth = "".join(page.text.split())
    return [t for t in links if len(t) >= 6 and "".join(t.split()) not in truth][:20]


@pytest.mark.parametrize(("set_name", "url_part"), SAMPLES)
def test_recorded_page_keeps_the_article_and_drops_the_navigation(
    set_name: str, url_part: str
) -> None:
    page = next(p for p in _pages(set_name) if url_part in (p.url or "") and p.text)
    article = extract(page.raw, url=page.url)
    longest = max(page.text.splitlines(), key=len).strip()
    assert "".join(longest.split()) in "".join(article.text.split())
    paragraphs = set(article.text.split("\n\n"))
    for link in _nav_links(page, decode_html(page.raw)):
        assert link not in paragraphs


def test_gb2312_page_comes_out_decoded() -> None:
    page = _pages("chinese-web-content-extraction")[0]
    assert page.raw.decode("utf-8", "replace").count("\ufffd") > 100
    assert char_f1(page.text, extract(page.raw).text) > 0.9


@pytest.mark.parametrize("set_name", ["chinese-web-content-extraction", "chinese-news-sites"])
def test_mean_character_f1_does_not_regress(set_name: str) -> None:
    scores: dict[str, list[float]] = {}
    for page in _pages(set_name):
        try:
            text = extract(page.raw, url=page.url).text
        except FetchError:  # a refusal scores zero, like an empty output
            text = ""
        scores.setdefault(page.group, []).append(char_f1(page.text, text))
    for group, values in scores.items():
        assert statistics.mean(values) >= GATE[group], group
