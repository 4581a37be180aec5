"""The phrasebook, the language rules and the sub-command reader every adapter shares."""

from __future__ import annotations

import string

import pytest

from bots.chat_commands import Command, parse_command
from bots.languages import below_floor, locale_lang, request_lang, unsupported_language
from bots.phrasebook import CATALOG, Phrase, failure_line
from summarizer.errors import Blocked, Timeout

ENGLISH = (
    "The council approved the city budget on Monday after a long debate in the town hall. "
    "Schools will get $2.1 billion more this year, the mayor said at a press conference. "
    "Critics said the plan spends too much on roads and too little on public transport."
)
CHINESE = "阿里巴巴周四公布第三季度财报，营收同比增长百分之九，达到两千亿元。" * 3
JAPANESE = "東京都は月曜日、新しい図書館の計画を発表しました。市民の多くが歓迎しています。" * 3
KOREAN = "서울시는 월요일 새로운 도서관 계획을 발표했습니다. 많은 시민들이 환영했습니다." * 3
FRENCH = (
    "Le conseil a approuvé le budget de la ville lundi après un long débat. "
    "Les écoles recevront une hausse des fonds et la mairie est satisfaite de la décision. "
    "Les critiques disent que le plan dépense trop pour les routes et pas assez pour le bus."
)
RUSSIAN = "Городской совет в понедельник утвердил бюджет после долгих споров. " * 3


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("phrase", list(Phrase))
def test_every_phrase_has_both_languages_with_the_same_placeholders(phrase: Phrase) -> None:
    texts = CATALOG[phrase]
    assert set(texts) == {"zh", "en"}
    assert _fields(texts["zh"]) == _fields(texts["en"])


def test_a_refused_private_address_says_how_to_allow_it() -> None:
    assert "DIGESTBOT_FETCH_ALLOW_HOSTS" in failure_line(Blocked("10.0.0.1"), "en")
    assert "DIGESTBOT_FETCH_ALLOW_HOSTS" in failure_line(Blocked(), "zh")
    assert "DIGESTBOT_FETCH_ALLOW_HOSTS" not in failure_line(Timeout(), "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("summarize this please", "en"),
        ("请总结 https://a.cn/x", "zh"),
        ("https://a.cn/x", None),
        ("<https://a.cn/x|a.cn> <@U123>", None),
        ("hi", None),
    ],
)
def test_the_request_says_its_language_only_when_it_has_words(text: str, lang: str | None) -> None:
    assert request_lang(text) == lang


@pytest.mark.parametrize(
    ("locale", "lang"),
    [("zh-CN", "zh"), ("zh_TW", "zh"), ("en-GB", "en"), ("ja", None), (None, None)],
)
def test_platform_locales(locale: str | None, lang: str | None) -> None:
    assert locale_lang(locale) == lang


@pytest.mark.parametrize(
    ("text", "refused"),
    [(ENGLISH, False), (CHINESE, False), (JAPANESE, True), (KOREAN, True), (FRENCH, True),
     (RUSSIAN, True), (CHINESE + " iPhone 15 Pro Max and the App Store", False)],
)  # fmt: skip
def test_only_chinese_and_english_are_summarised(text: str, refused: bool) -> None:
    assert unsupported_language(text) is refused


@pytest.mark.parametrize(
    ("text", "below"),
    [("hi", True), ("lol 😂", True), ("status", True), ("One sentence only, and quite long.", True),
     (ENGLISH, False), (ENGLISH.split(". ")[0] + ".", True), (CHINESE, False),
     ("营收增长。" * 3, True)],
)  # fmt: skip
def test_the_floor_for_pasted_text(text: str, below: bool) -> None:
    assert below_floor(text) is below


@pytest.mark.parametrize(
    ("text", "command"),
    [("", Command("help")), ("help", Command("help")), ("--help", Command("help")),
     ("帮助", Command("help")), ("settings", Command("settings")), ("设置", Command("settings")),
     ("auto on", Command("auto", "on")), ("AUTO OFF", Command("auto", "off")),
     ("auto", Command("help")), ("auto maybe", Command("help")), ("lang zh", Command("lang", "zh")),
     ("lang fr", Command("help")), ("roundup week", Command("roundup", "week")),
     ("hi", Command("content")), ("https://a.cn/x", Command("content"))],
)  # fmt: skip
def test_sub_commands(text: str, command: Command) -> None:
    assert parse_command(text) == command


def test_changing_settings_is_marked_as_such() -> None:
    assert parse_command("auto off").changes and parse_command("lang en").changes
    assert parse_command("roundup schedule daily 18:00").changes
    assert not parse_command("roundup week").changes and not parse_command("settings").changes
