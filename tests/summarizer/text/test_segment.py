"""Sentence splitting: Chinese and English terminators, quotes, numbers, offsets."""

from __future__ import annotations

import json

import pytest

from summarizer.models import Lang
from summarizer.text.sentences import clauses, split_sentences
from summarizer.text.tokens import words
from tests.support.shared_data import CORPUS, needs_shared


def _texts(text: str, lang: Lang) -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天下雨。明天晴！后天呢？", ["今天下雨。", "明天晴！", "后天呢？"]),
        ("第一条；第二条。", ["第一条；", "第二条。"]),
        ("他犹豫了……最后还是去了。", ["他犹豫了……", "最后还是去了。"]),
        ("他问：“为什么？”我没回答。", ["他问：“为什么？”", "我没回答。"]),
        ("「今天很好。」她走了。", ["「今天很好。」", "她走了。"]),
        ("『引号里。』结束。", ["『引号里。』", "结束。"]),
        ("（括号里的话。）下一句。", ["（括号里的话。）", "下一句。"]),
        (
            "他说：“我们要做。我们能做。”然后他离开了。",
            ["他说：“我们要做。我们能做。”", "然后他离开了。"],
        ),
        ("营收4.15亿美元。增长23.4%。", ["营收4.15亿美元。", "增长23.4%。"]),
        ("共1,234.5元，约3.5亿人。结束", ["共1,234.5元，约3.5亿人。", "结束"]),
        ("臺灣的經濟成長率為2.5%。這是繁體中文！", ["臺灣的經濟成長率為2.5%。", "這是繁體中文！"]),
        ("第一行\n第二行。", ["第一行", "第二行。"]),
        ("没有句号的一行", ["没有句号的一行"]),
    ],
)
def test_chinese_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to Washington. He met Dr. Jones there.",
            ["Mr. Smith went to Washington.", "He met Dr. Jones there."],
        ),
        ("The U.S. economy grew. It slowed.", ["The U.S. economy grew.", "It slowed."]),
        ("J. R. R. Tolkien wrote it. Fans agree.", ["J. R. R. Tolkien wrote it.", "Fans agree."]),
        (
            "It raised $2.1 billion in 2015. Shares rose 3.5 per cent.",
            ["It raised $2.1 billion in 2015.", "Shares rose 3.5 per cent."],
        ),
        ("Sales were 1,234.5 units. Done.", ["Sales were 1,234.5 units.", "Done."]),
        (
            "The deal was done . It is over . Nobody cared",
            ["The deal was done .", "It is over .", "Nobody cared"],
        ),
        (
            '"I did it." She left. Why? Nobody knows!',
            ['"I did it."', "She left.", "Why?", "Nobody knows!"],
        ),
        ("A first line\nA second line. A third", ["A first line", "A second line.", "A third"]),
        ("They met at 5 p.m. on Monday.", ["They met at 5 p.m. on Monday."]),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text, "en") == expected


def test_each_line_is_a_paragraph_and_indices_count_up() -> None:
    sentences = split_sentences("一。二。\n\n三。", "zh")
    assert [(s.index, s.paragraph) for s in sentences] == [(0, 0), (1, 0), (2, 1)]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("甲，乙；丙：丁", "zh", ["甲，", "乙；", "丙：", "丁"]),
        ("共1,234.5元，多了", "zh", ["共1,234.5元，", "多了"]),
        ("12:30开会,然后", "zh", ["12:30开会,", "然后"]),
        ("First, second; third: fourth", "en", ["First,", " second;", " third:", " fourth"]),
        ("It cost $1,234.5 in all", "en", ["It cost $1,234.5 in all"]),
    ],
)
def test_clauses_join_back_to_the_sentence(sentence: str, lang: Lang, expected: list[str]) -> None:
    parts = clauses(sentence, lang)
    assert parts == expected
    assert "".join(parts) == sentence


def _corpus_texts() -> list[tuple[str, Lang]]:
    files = {
        "cnndm-test-frank/cnndm_test_250.jsonl": "en",
        "bbc-news-summary/bbc_news_summary_500.jsonl": "en",
        "lcsts-part3/lcsts_part3.jsonl": "zh",
        "clts-samples/clts_samples.jsonl": "zh",
        "chinese-news-sites/pages.jsonl": "zh",
        "chinese-web-content-extraction/items.jsonl": "zh",
    }
    texts: list[tuple[str, Lang]] = []
    for name, lang in files.items():
        with (CORPUS / name).open(encoding="utf-8") as lines:
            texts += [(json.loads(line)["text"], lang) for line in lines if line.strip()]
    return texts


@needs_shared
def test_offsets_index_the_text_for_every_corpus_document() -> None:
    """Every sentence is the text between its offsets, in order, never empty or padded."""
    for text, lang in _corpus_texts():
        for other in ("zh", "en"):
            sentences = split_sentences(text, other)
            ends = [0] + [s.end for s in sentences]
            for sentence, previous_end in zip(sentences, ends, strict=False):
                assert text[sentence.start : sentence.end] == sentence.text
                assert sentence.text == sentence.text.strip() and sentence.text
                assert sentence.start >= previous_end
        assert split_sentences(text, lang), text[:80]


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("营收4.15亿美元，同比增长", "zh", "4.15亿"),
        ("利润率23.4%，好于预期", "zh", "23.4%"),
        ("共1,234.5元的订单", "zh", "1,234.5"),
        ("约3.5亿人在淘宝购物", "zh", "3.5亿"),
        ("Revenue was 1,234.5 units", "en", "1,234.5"),
        ("Margins were 23.4% last year", "en", "23.4%"),
    ],
)
def test_tokenisation_keeps_numbers_whole(text: str, lang: Lang, number: str) -> None:
    """jieba alone cuts "1,234.5" into "1", ",", "234.5"; our words() must not."""
    assert number in words(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (  # a hard-wrapped Chinese sentence runs on across the line break
            "五月十三日北京学生绝食，每天都有大批学生和市民前往广场声援，\n我们一行六人离开了学校。",
            "zh",
            [
                "五月十三日北京学生绝食，每天都有大批学生和市民前往广场声援，\n我们一行六人离开了学校。"
            ],
        ),
        ("标题行\n正文第一句。", "zh", ["标题行", "正文第一句。"]),  # a short heading stays apart
        (  # a blank line always ends the paragraph
            "这一行很长很长很长很长很长很长很长很长但是没有句号\n\n下一段。",
            "zh",
            ["这一行很长很长很长很长很长很长很长很长但是没有句号", "下一段。"],
        ),
        (  # extraction made each <br> line a paragraph: a run of wrapped lines is one again
            "第一行很长很长很长很长很长很长很长很长很长没有句号\n\n"
            "第二行也很长很长很长很长很长很长很长很长没有句号\n\n第三行结束。\n\n下一段。",
            "zh",
            [
                "第一行很长很长很长很长很长很长很长很长很长没有句号\n\n"
                "第二行也很长很长很长很长很长很长很长很长没有句号\n\n第三行结束。",
                "下一段。",
            ],
        ),
        (
            "An old mail client wrapped this long sentence right in the\nmiddle of it. Done.",
            "en",
            ["An old mail client wrapped this long sentence right in the\nmiddle of it.", "Done."],
        ),
    ],
)
def test_hard_wrapped_lines_run_on(text: str, lang: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text, lang)] == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“我们赢了。”张三说。随后他离开了。", ["“我们赢了。”张三说。", "随后他离开了。"]),
        ("“真的吗？”她问道。我没回答。", ["“真的吗？”她问道。", "我没回答。"]),
        (
            "“据我了解，情况不错。”他说，“但还要努力。”",
            ["“据我了解，情况不错。”他说，“但还要努力。”"],
        ),
        ("他说：“我们赢了。”随后离开。", ["他说：“我们赢了。”", "随后离开。"]),
        ("“你好。”“我很好。”", ["“你好。”", "“我很好。”"]),
    ],
)
def test_a_chinese_quote_ends_at_its_closing_mark_unless_its_attribution_follows(
    text: str, expected: list[str]
) -> None:
    assert [s.text for s in split_sentences(text, "zh")] == expected


def test_an_english_headline_without_a_period_is_not_run_into_the_lede() -> None:
    text = (
        "7 Key Questions Heading Into the 2020 Democratic Debate\n"
        "New uncertainty hangs over the Democratic presidential race after the debate."
    )
    assert [s.text for s in split_sentences(text, "en")] == [
        "7 Key Questions Heading Into the 2020 Democratic Debate",
        "New uncertainty hangs over the Democratic presidential race after the debate.",
    ]
