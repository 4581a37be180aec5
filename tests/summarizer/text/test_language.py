"""Language detection: Chinese (simplified, traditional, with English names) or English."""

from __future__ import annotations

import pytest

from summarizer.text.language import detect_language, is_chinese_char, is_foreign


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("阿里巴巴集团CEO张勇今日参加了上海电影节。", "zh"),
        ("The quick brown fox jumps over the lazy dog.", "en"),
        (
            "苹果公司CEO Tim Cook在WWDC上发布了iPhone 15 Pro Max，"
            "并表示Apple Intelligence将改变一切。",
            "zh",
        ),
        ("臺灣的經濟成長率為2.5%，這是繁體中文。", "zh"),
        ("騰訊與網易在遊戲市場競爭激烈。", "zh"),
        (
            "Alibaba (阿里巴巴) reported strong quarterly results on Thursday, beating forecasts.",
            "en",
        ),
        ("12345 67890 !!!", "en"),
        ("", "en"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("ch", "expected"), [("中", True), ("臺", True), ("a", False), ("。", False)]
)
def test_is_chinese_char(ch: str, expected: bool) -> None:
    assert is_chinese_char(ch) is expected


@pytest.mark.parametrize(
    ("text", "foreign"),
    [
        (
            "Die elektronische Patientenakte ist der lange Marsch ins digitale "
            "Gesundheitswesen, und sie kommt nicht ohne Kritik: die Daten der Versicherten "
            "liegen auf einem Server, der nicht in der Praxis steht.",
            True,
        ),
        ("Le gouvernement a annoncé que la réforme des retraites est reportée pour un an.", True),
        ("東京の桜は今年、例年より早く満開になりました。", True),
        ("서울의 날씨는 오늘 맑고 따뜻합니다.", True),
        ("Правительство объявило о новых мерах поддержки экономики.", True),
        ("The chancellor said die Mannschaft would be welcome at the state dinner.", False),
        ("阿里巴巴集团CEO张勇今日参加了上海电影节，并谈到了“la vie en rose”这首歌。" * 3, False),
        ("The quick brown fox jumps over the lazy dog.", False),
        ("", False),
    ],
)
def test_is_foreign(text: str, foreign: bool) -> None:
    """Neither Chinese nor English: refused, since the tokenizers know only those two."""
    assert is_foreign(text) is foreign
