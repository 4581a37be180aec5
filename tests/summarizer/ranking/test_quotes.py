"""Quotes: direct speech with its speaker, pronouns, and a transcript's claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.models import Lang, Quote
from summarizer.ranking.quotes import find_quotes
from summarizer.ranking.rank import rank_sentences
from summarizer.text.sentences import split_sentences

SAMPLE = (
    Path(__file__).resolve().parents[3] / "bots" / "samples" / "huxiu-118050-internet-plus-film.md"
)
FILLER_ZH = "会议在上海举行，来自各地的嘉宾参加了这次活动。"
FILLER_EN = "The meeting took place in Houston and drew a large crowd of researchers."
SAID_ZH = "互联网要为电影行业带来乘数效应，而不是简单的渠道增加。"
SAID_EN = "We are very close to finding life beyond Earth"


def _quotes(text: str, lang: Lang, key_points: frozenset[int] = frozenset()) -> list[Quote]:
    ranking = rank_sentences(split_sentences(text, lang), lang=lang, title=None)
    return find_quotes(text, ranking, lang=lang, key_points=key_points)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"阿里巴巴集团CEO张勇表示：“{SAID_ZH}”{FILLER_ZH}", "张勇"),
        (f"“{SAID_ZH}”张勇说。{FILLER_ZH}", "张勇"),
        (f"{FILLER_ZH}张勇指出，“{SAID_ZH}”", "张勇"),
        (f"「{SAID_ZH}」馬雲稱。{FILLER_ZH}", "馬雲"),
        (f"{FILLER_ZH}郭台銘強調：「{SAID_ZH}」", "郭台銘"),
        (f"{FILLER_ZH}李彦宏强调：『{SAID_ZH}』", "李彦宏"),
    ],
)
def test_chinese_quote_with_its_speaker(text: str, speaker: str) -> None:
    (quote,) = _quotes(text, "zh")
    assert quote.text.strip("“”「」『』") == SAID_ZH
    assert quote.speaker is not None and speaker in quote.speaker


def test_a_chinese_pronoun_inherits_the_last_speaker() -> None:
    text = f"“{SAID_ZH}”张勇说。{FILLER_ZH}他还称：“我们对电影是外行，我们的兴趣不在拍电影。”"
    assert sorted(q.speaker or "" for q in _quotes(text, "zh")) == ["张勇", "张勇"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f'"{SAID_EN}," said Ellen Stofan. {FILLER_EN}', "Ellen Stofan"),
        (f'Ellen Stofan said: "{SAID_EN}." {FILLER_EN}', "Ellen Stofan"),
        (f'{FILLER_EN} "{SAID_EN}," Stofan told reporters.', "Stofan"),
        (f"{FILLER_EN} “{SAID_EN},” said J. K. Smith.", "J. K. Smith"),
    ],
)
def test_english_quote_with_its_speaker(text: str, speaker: str) -> None:
    (quote,) = _quotes(text, "en")
    assert quote.text.rstrip(".") == SAID_EN
    assert quote.speaker == speaker


def test_an_english_pronoun_names_the_person_last_said_to_speak() -> None:
    text = (
        f'"{SAID_EN}," said Ellen Stofan. {FILLER_EN} '
        '"The odds of finding microbes are now very high," she said. '
        "Former astronaut John Grunsfeld said it is an exciting time. "
        '"Once we get beyond Mars the likelihood gets very low," he said.'
    )
    speakers = {q.text.split()[1]: q.speaker for q in _quotes(text, "en")}
    assert speakers == {"are": "Ellen Stofan", "odds": "Ellen Stofan", "we": "John Grunsfeld"}


def test_a_short_quoted_title_does_not_shift_the_pairing() -> None:
    text = (
        'They may not be "Star Trek" aliens, but life is near, a scientist says. '
        f'"{SAID_EN}," Ellen Stofan said on Tuesday. {FILLER_EN}'
    )
    (quote,) = _quotes(text, "en")
    assert (quote.text, quote.speaker) == (SAID_EN, "Ellen Stofan")


def test_quotes_without_attribution_are_not_quotes() -> None:
    assert _quotes(f"这部电影叫“{SAID_ZH}”。{FILLER_ZH}", "zh") == []
    assert _quotes(f'The report was "{SAID_EN}" in 2015. {FILLER_EN}', "en") == []


def test_a_quote_in_a_key_point_is_left_out() -> None:
    text = f"{FILLER_ZH}张勇表示：“{SAID_ZH}”"
    assert _quotes(text, "zh", key_points=frozenset({1})) == []


def test_the_sample_transcript_quotes_its_speakers_claims() -> None:
    """The sample has no quote marks around speech: its quotes are 张勇's claims."""
    digest = summarize(SAMPLE.read_text(encoding="utf-8"))
    assert digest.quotes
    assert any("主语是电影" in q.text for q in digest.quotes)
    for quote in digest.quotes:
        assert quote.speaker == "张勇"
        assert len(quote.text) <= 92
        assert quote.text not in digest.key_points and quote.text != digest.tldr
        assert not quote.text.rstrip("…").endswith("？")
        core = quote.text.strip("…")
        assert all(core not in point for point in digest.key_points)


def test_news_with_direct_quotes_gets_no_invented_claims() -> None:
    text = " ".join(
        [
            "I think we will find life within a decade, and we must keep looking.",
            f'"{SAID_EN}," Ellen Stofan said.',
            "We know where to look, and we believe the key is water.",
            "I am sure we will get there, she said at the panel in Houston.",
            FILLER_EN,
        ]
    )
    assert [q.text for q in _quotes(text, "en")] == [SAID_EN]


def test_a_role_tells_no_transcript() -> None:
    """A first-person text's claims are a named speaker's, never a role's (吧老板 of
    "听网吧老板说" was given the claims of a page of children's answers)."""
    text = (
        "我到网吧看到许多小孩上网打游戏，听网吧老板说他们有的玩了通宵。"
        "我认为压岁钱的本质是长辈的希望，我们必须把它花在学习上。"
        "我一定不会乱花压岁钱，因为最关键的是学习。"
    )
    assert all(q.speaker is None or "老板" not in q.speaker for q in _quotes(text, "zh"))
