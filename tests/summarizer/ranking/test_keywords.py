"""Keywords: five to eight, no numbers, no single characters, Chinese and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.extraction.source import parse_source
from summarizer.models import Lang, Role
from summarizer.ranking.keywords import _without_parts, _zh_word, extract_keywords
from summarizer.ranking.rank import rank_sentences
from summarizer.text.sentences import split_sentences

SAMPLE = (
    Path(__file__).resolve().parents[3] / "bots" / "samples" / "huxiu-118050-internet-plus-film.md"
)
ENGLISH = (
    "NASA scientists say the Hubble Space Telescope found water vapour on Europa in 2016. "
    "The Hubble Space Telescope has watched Europa for 25 years. "
    "Water on Europa could mean life, scientists say, and NASA plans a mission. "
    "The mission will cost $2.1 billion and launch in 2024. "
    "Scientists think life may hide in the ocean under the ice of Europa. "
    "NASA says the ocean holds twice as much water as Earth's oceans."
)


def _keywords(text: str, lang: Lang, title: str | None) -> list[str]:
    ranking = rank_sentences(split_sentences(text, lang), lang=lang, title=title)
    return extract_keywords(ranking, lang=lang, title=title)


def _check(keywords: list[str]) -> None:
    assert 5 <= len(keywords) <= 8, keywords
    assert len(set(keywords)) == len(keywords)
    for keyword in keywords:
        assert len(keyword) > 1, keyword
        assert not re.search(r"\d", keyword), keyword


def test_chinese_keywords_of_the_sample() -> None:
    article = parse_source(SAMPLE.read_text(encoding="utf-8"))
    keywords = _keywords(article.text, "zh", article.title)
    _check(keywords)
    assert {"互联网", "电影"} <= set(keywords[:3])


def test_english_keywords_with_names() -> None:
    keywords = _keywords(ENGLISH, "en", "Water found on Europa")
    _check(keywords)
    assert "europa" in [k.lower() for k in keywords]
    assert any("Hubble" in k for k in keywords) or "nasa" in [k.lower() for k in keywords]


@pytest.mark.parametrize("title", [None, "无关的标题"])
def test_chinese_numbers_never_become_keywords(title: str | None) -> None:
    text = "公司营收4.15亿美元，增长23.4%。公司用户3.5亿人，公司估值1,234.5亿元。" * 3
    text += "互联网公司在电影行业投资，电影行业欢迎互联网公司。阿里巴巴投资电影。"
    keywords = _keywords(text, "zh", title)
    assert all(not re.search(r"\d", k) for k in keywords)
    assert "公司" in keywords or "电影" in keywords


def test_no_fragments_of_numeral_phrases_and_no_near_duplicates() -> None:
    text = (
        "阿里巴巴推出一揽子扶持计划，阿里将投入资金支持商家。"
        "一揽子计划包括一次性补贴和长期培训，阿里巴巴表示一次性补贴将在本月发放。"
        "商家对一揽子计划反应积极，阿里巴巴称一次性补贴覆盖十万商家。"
        "分析人士认为阿里巴巴的一揽子计划将提振商家信心。"
    )
    keywords = _keywords(text, "zh", "阿里巴巴推出一揽子扶持计划")
    assert "揽子" not in keywords and "次性" not in keywords
    assert not ("阿里" in keywords and "阿里巴巴" in keywords), keywords


@pytest.mark.parametrize(
    ("keywords", "lang", "kept"),
    [
        (["Star Trek", "trek", "star", "Hawley"], "en", ["Star Trek", "Hawley"]),
        (["下降", "价格下降", "价格", "食品"], "zh", ["价格下降", "食品"]),
        (["阿里", "电影", "阿里巴巴"], "zh", ["阿里巴巴", "电影"]),
    ],
)
def test_a_keyword_held_by_a_longer_one_gives_way_to_it(
    keywords: list[str], lang: Lang, kept: list[str]
) -> None:
    assert _without_parts(keywords, lang) == kept


@pytest.mark.parametrize(
    ("word", "count", "uses", "kept"),
    [
        ("时而", 515, 2, False),  # an adverb
        ("这种", 40923, 5, False),  # a pronoun
        ("粒尘", 0, 2, False),  # glued across a word boundary (一粒尘)
        ("日起", 0, 3, False),  # (3月1日起)
        ("何建栋", 0, 1, True),  # a name the tagger knows
        ("西吉县", 11, 1, True),
        ("种薯", 0, 6, True),  # a term the article keeps using
    ],
)
def test_a_chinese_keyword_is_a_word_or_a_name(
    word: str, count: int, uses: int, kept: bool
) -> None:
    assert _zh_word(word, count, uses) is kept


def test_contractions_and_furniture_are_no_keywords() -> None:
    text = ENGLISH + " That’s what Dakota’s team said. That’s it. Dakota’s day."
    sentences = split_sentences(text, "en")
    roles: list[Role] = ["prose"] * (len(sentences) - 1) + ["caption"]
    ranking = rank_sentences(sentences, lang="en", title=None, roles=roles)
    keywords = [k.lower() for k in extract_keywords(ranking, lang="en", title=None)]
    assert not any("’" in k for k in keywords)
