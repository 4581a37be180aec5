"""Speakers: every attribution pattern in both languages, pronouns, short forms, fragments."""

from __future__ import annotations

import pytest

from summarizer.models import Lang, Quote, Role
from summarizer.ranking.quotes import _sentence_at, find_quotes
from summarizer.ranking.rank import rank_sentences
from summarizer.ranking.speakers import mention
from summarizer.text.sentences import split_sentences

SAID_ZH = "互联网要为电影行业带来乘数效应，而不是简单的渠道增加。"
SAID_EN = "We are very close to finding life beyond Earth"
FILLER_ZH = "会议在上海举行，来自各地的嘉宾参加了这次活动。"
FILLER_EN = "The meeting took place in Houston and drew a large crowd of researchers."


def _quotes(text: str, lang: Lang) -> list[Quote]:
    ranking = rank_sentences(split_sentences(text, lang), lang=lang, title=None)
    return find_quotes(text, ranking, lang=lang, key_points=frozenset())


def _speaker_of(text: str, lang: Lang, words: str) -> str | None:
    (quote,) = [q for q in _quotes(text, lang) if words in q.text]
    return quote.speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"{FILLER_ZH}张勇说：“{SAID_ZH}”", "张勇"),
        (f"{FILLER_ZH}“{SAID_ZH}”张勇说。", "张勇"),
        (f"{FILLER_ZH}“{SAID_ZH}”，张勇说。", "张勇"),
        (f"{FILLER_ZH}张勇表示，{SAID_ZH}", "张勇"),
        (f"{FILLER_ZH}据张勇介绍，{SAID_ZH}", "张勇"),
        (f"{FILLER_ZH}中国国家航天局国际合作司副司长姚建廷说：“{SAID_ZH}”", "姚建廷"),
        (f"{FILLER_ZH}美中合作基金会执行主席约翰·米勒认为，{SAID_ZH}", "约翰·米勒"),
        (f"{FILLER_ZH}村民徐女士介绍：“{SAID_ZH}”", "徐女士"),
        (f"{FILLER_ZH}北亚市场的外汇交易员表示，{SAID_ZH}", "北亚市场的外汇交易员"),
        (f"{FILLER_ZH}苹果公司9日对记者表示，“{SAID_ZH}”", "苹果公司"),
        (f"{FILLER_ZH}2017年云南省委第五巡视组指出“{SAID_ZH}”", "云南省委第五巡视组"),
        (f"{FILLER_ZH}有专家认为，“{SAID_ZH}”", None),  # some expert, unnamed
        (f"{FILLER_ZH}于今各国不由我分说，“{SAID_ZH}”", None),  # 于今 = now
        # A description before the name says who they are (an editor's reading, P18).
        (f"{FILLER_ZH}编剧张晓阳介绍说：“{SAID_ZH}”", "张晓阳"),
        (f"{FILLER_ZH}南京大学教授陈得芝先生指出，“{SAID_ZH}”", "陈得芝"),
        (f"{FILLER_ZH}数控车工、特级技师阎敏说：“{SAID_ZH}”", "阎敏"),
        # How, when and where it was said is not who said it.
        (f"{FILLER_ZH}王慧杰动情地说：“{SAID_ZH}”", "王慧杰"),
        (f"{FILLER_ZH}一位31岁男子在接受《朝日新闻》采访时说：“{SAID_ZH}”", "一位31岁男子"),
        (f"{FILLER_ZH}严格地说，“{SAID_ZH}”", None),  # "strictly speaking"
        # A common noun is no name (文章 = the article), nor is a cut 《title》.
        (f"{FILLER_ZH}文章指出，“{SAID_ZH}”", None),
        (f"{FILLER_ZH}就不难理解今年《政府工作报告》为何提出“{SAID_ZH}”", None),
        # A quotation right after a sentence of reported speech goes on with its words…
        (f"{FILLER_ZH}张勇表示，公司会继续投资。“{SAID_ZH}”", "张勇"),
        # … and when it closes its own sentence, what follows opens a new statement.
        (
            f"{FILLER_ZH}南京大学教授陈得芝指出，考古队不过在炒冷饭。“{SAID_ZH}”"
            "国内专家认为，从已有的材料看，遗址并不是陵墓。",
            "陈得芝",
        ),
        (f"张勇表示，公司会继续投资。\n\n“{SAID_ZH}”李强说。", "李强"),
        # The source cited after the quotation names who wrote it.
        (f"{FILLER_ZH}他们认为，“{SAID_ZH}”冯亦代：《怀念与反思》，第104页。", "冯亦代"),
    ],
)
def test_chinese_attribution_patterns(text: str, speaker: str | None) -> None:
    assert _speaker_of(text, "zh", "乘数效应") == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f'{FILLER_EN} "{SAID_EN}," Ellen Stofan said.', "Ellen Stofan"),
        (f'{FILLER_EN} "{SAID_EN}," said Ellen Stofan.', "Ellen Stofan"),
        (f'{FILLER_EN} Ellen Stofan said: "{SAID_EN}."', "Ellen Stofan"),
        (f'{FILLER_EN} According to Ellen Stofan, "{SAID_EN}."', "Ellen Stofan"),
        (f'{FILLER_EN} "{SAID_EN}," NASA chief scientist Ellen Stofan said.', "Ellen Stofan"),
        (f'{FILLER_EN} "{SAID_EN}," U.S. President Donald Trump said.', "Donald Trump"),
        # The name after the quote, with an apposition between it and the verb.
        (
            f"{FILLER_EN} “{SAID_EN},” Mark Batschelet, a director at the lab, said.",
            "Mark Batschelet",
        ),
        # A surname alone stands for the one full name the text gives.
        (f'Kurt Volker testified. {FILLER_EN} "{SAID_EN}," Volker said.', "Kurt Volker"),
        # The nearest attribution in the quote's own sentence and paragraph wins.
        (
            f"U.S. Attorney James Kennedy Jr. said in the release that this case shows people "
            f"“{SAID_EN}.”\n\nSonya A. Zoghlin, his attorney, told The Hill it was a mistake.",
            "James Kennedy Jr.",
        ),
        (f'Rain fell in the Sierra Nevada, he said.\n\n"{SAID_EN}," said Scott Strenfel.',
         "Scott Strenfel"),
        (f"{FILLER_EN} “{SAID_EN},” InfoNation President Dan McDowell said.", "Dan McDowell"),
        (f'Afterwards Penny thanked the crowd. "{SAID_EN}," Penny said.', "Penny"),
        (f'{FILLER_EN} "{SAID_EN}," said Dr. Sherine Abed, a neonatologist.', "Sherine Abed"),
        (
            f'{FILLER_EN} "{SAID_EN}," said White House Press Secretary Stephanie Grisham.',
            "Stephanie Grisham",
        ),
        (
            f'Ellen Stofan said the agency would keep looking. "{SAID_EN} within a decade."',
            "Ellen Stofan",
        ),
        (f'{FILLER_EN}\n\n"{SAID_EN}." — Ellen Stofan, Memoirs', "Ellen Stofan"),
    ],
)  # fmt: skip
def test_english_attribution_patterns(text: str, speaker: str) -> None:
    assert _speaker_of(text, "en", "close to finding") == speaker


def test_a_pronoun_is_the_nearest_person_named_before_it() -> None:
    """Issue 12: "张凡…他说：“据我了解…”" was given to the previous quote's 付小姐."""
    text = (
        f"“{SAID_ZH}”付小姐说。\n\n"
        "记者随后联系了张凡，他在这个行业工作了十年。"
        "他说：“据我了解，充电宝的租金在很多城市已经涨过几次。”"
    )
    assert _speaker_of(text, "zh", "据我了解") == "张凡"


def test_a_pronoun_with_nobody_named_nearby_has_no_speaker() -> None:
    """Never the previous quote's speaker by default: better none than a wrong one."""
    text = (
        f"“{SAID_ZH}”付小姐说。\n\n{FILLER_ZH}\n\n{FILLER_ZH}\n\n"
        "他说：“据我了解，充电宝的租金在很多城市已经涨过几次。”"
    )
    assert _speaker_of(text, "zh", "据我了解") is None


def test_an_english_pronoun_is_the_nearest_person_before_it() -> None:
    text = (
        f'"{SAID_EN}," said Ellen Stofan. {FILLER_EN}\n\n'
        "Former astronaut John Grunsfeld spoke next. "
        '"Once we get beyond Mars the likelihood gets very low," he said.'
    )
    assert _speaker_of(text, "en", "beyond Mars") == "John Grunsfeld"


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        # The subject of the sentence before, not the object named after it (The Hill).
        (
            "en",
            "Rep. Ilhan Omar was threatened in March.\n\n"
            "Sonya A. Zoghlin, his attorney, told The Hill that her client did not intend "
            f"to cause harm to Omar.\n\n“{SAID_EN},” she said in an email.",
            "Sonya A. Zoghlin",
        ),
        # A name after an article is a company or a brand, no "she" (an editor's reading).
        (
            "en",
            "Kirstie Alley starred in Cheers. In 2004 she became a Jenny Craig weight loss "
            f"spokeswoman. And in 2005 she told The Telegraph: “{SAID_EN}.”",
            "Kirstie Alley",
        ),
        # An institution or a place is no "she" (the extraction sets' English pages).
        (
            "en",
            "Amy Jones runs the study. It was published by Sheffield University on Monday. "
            f"“{SAID_EN},” she said.",
            "Amy Jones",
        ),
        (
            "en",
            f"Amy Jones runs the study. The team met in Las Vegas. “{SAID_EN},” she said.",
            "Amy Jones",
        ),
        # A title and a surname name a person; a day is no one.
        ("en", f"President Trump tweeted before Election Day. “{SAID_EN},” he said.", "Trump"),
        # A sentence about "she" is about someone named before it.
        (
            "en",
            "Sen. Elizabeth Warren spoke first. She compares him to President Trump. "
            f"“{SAID_EN},” she said Tuesday.",
            "Elizabeth Warren",
        ),
        ("zh", f"张凡昨天抵达北京。他随后会见了李建华。他说：“{SAID_ZH}”", "张凡"),
        ("zh", f"陈华在会上发言。记者随后联系了张凡。他说：“{SAID_ZH}”", "张凡"),
        ("zh", f"张凡昨天在北京见到了李建华。他说：“{SAID_ZH}”", "张凡"),
    ],
)
def test_a_pronoun_is_the_first_person_of_the_last_sentence_naming_one(
    lang: Lang, text: str, speaker: str
) -> None:
    """Nearest sentence first, then its first person (as a rule its subject)."""
    words = "close to finding" if lang == "en" else "乘数效应"
    assert _speaker_of(text, lang, words) == speaker


def test_a_common_word_jieba_tags_as_a_name_is_no_one_a_pronoun_means() -> None:
    """ "高峰" of 高峰时段 is a word (jieba's dictionary: `nr`, 1,556 uses), not a person."""
    text = f"今年夏季高峰时段电力缺口将超过800万千瓦。{FILLER_ZH}“{SAID_ZH}”他说。"
    assert _speaker_of(text, "zh", "乘数效应") is None


def test_a_word_tagged_as_a_name_that_reads_like_no_name_is_no_one() -> None:
    """满负荷 is `nr` to jieba, with no surname and no transliteration character in it
    (an editor's reading: "他说" after "所有电厂均满负荷运作" was given to 满负荷)."""
    text = f"即使华东境内所有电厂均满负荷运作也还是不能满足需求。{FILLER_ZH}“{SAID_ZH}”他说。"
    assert _speaker_of(text, "zh", "乘数效应") is None
    foreign = f"美国总统特朗普周一抵达。{FILLER_ZH}“{SAID_ZH}”他说。"
    assert _speaker_of(foreign, "zh", "乘数效应") == "特朗普"


def test_a_name_jieba_cut_short_is_whole() -> None:
    """jieba cuts 李博灏 as 李博 + 灏 (a bound morpheme): the pronoun means 李博灏."""
    text = f"李博灏在英国剑桥大学读博士。他说：“{SAID_ZH}”"
    assert _speaker_of(text, "zh", "乘数效应") == "李博灏"


def test_an_attribution_in_the_next_paragraph_is_not_the_quotes() -> None:
    """ "“…”。\n\nX表示，…" starts X's own sentence: the quote before it is not X's."""
    text = f"{FILLER_ZH}“{SAID_ZH}”。\n\n北亚市场的外汇交易员表示，市场出现了广泛的买盘。"
    assert all("乘数效应" not in q.text for q in _quotes(text, "zh"))


def test_a_surname_with_a_title_is_the_full_name_given_earlier() -> None:
    text = (
        f"据这家诊所的所长金明岸介绍，{SAID_ZH}\n\n{FILLER_ZH}"
        "金所长在接受采访时说：“来找我看病的妇女都爱她们的丈夫，也都不想离婚。”"
    )
    assert _speaker_of(text, "zh", "来找我看病") == "金明岸"


@pytest.mark.parametrize("fragment", ["微笑着", "时", "信中", "他们", "大家"])
def test_fragments_are_never_speakers(fragment: str) -> None:
    text = f"{FILLER_ZH}{fragment}说：“{SAID_ZH}”"
    assert _speaker_of(text, "zh", "乘数效应") is None


@pytest.mark.parametrize(
    ("subject", "lang", "kind", "name"),
    [
        ("张勇", "zh", "name", "张勇"),
        ("他突然扬起眉毛", "zh", "pronoun", "他"),
        ("他的发言人", "zh", "role", "他的发言人"),
        ("付小姐", "zh", "short", "付小姐"),
        ("冯亦代向萧乾", "zh", "name", "冯亦代"),
        ("he", "en", "pronoun", "he"),
        ("Commerzbank analyst Carsten Fritsch", "en", "short", "Carsten Fritsch"),
        ("Batschelet", "en", "short", "Batschelet"),
        # What a comma, a possessive or a descriptor ends is not the name.
        ("named Wednesday, Levy", "en", "short", "Levy"),
        ("NYU's Scott Galloway", "en", "short", "Scott Galloway"),
        ("14th-ranked Diego Schwartzman", "en", "short", "Diego Schwartzman"),
    ],
)
def test_mentions(subject: str, lang: Lang, kind: str, name: str) -> None:
    found = mention(subject, lang)
    assert found is not None and (found.kind, found.text) == (kind, name)


@pytest.mark.parametrize(
    "subject",
    [
        "微笑着",
        "信中",
        "时",
        "They",
        "The company",
        "a study in the journal Nature",
        "Grenada’s Prime Minister",  # a title alone
        "the Director",
        "Maryland-based",
    ],
)
def test_no_mention(subject: str) -> None:
    lang: Lang = "en" if subject.isascii() else "zh"
    assert mention(subject, lang) is None


def test_quote_offsets_map_to_their_sentences() -> None:
    starts = [0, 10, 25, 40]
    assert [_sentence_at(starts, o) for o in (0, 9, 10, 24, 39, 40, 99)] == [0, 0, 1, 1, 2, 3, 3]


def test_furniture_is_never_quoted_nor_a_pronoun_target() -> None:
    """A caption's quote is no quote, and the person it names is no one "他" means."""
    text = (
        f"图为奥尔德林在月球上，他说：“{SAID_ZH}”\n\n"
        "他说：“据我了解，充电宝的租金在很多城市已经涨过几次。”"
    )
    sentences = split_sentences(text, "zh")
    roles: list[Role] = ["caption" if i == 0 else "prose" for i in range(len(sentences))]
    ranking = rank_sentences(sentences, lang="zh", title=None, roles=roles)
    quotes = find_quotes(text, ranking, lang="zh", key_points=frozenset())
    assert [(q.text[:4], q.speaker) for q in quotes] == [("据我了解", None)]


def test_a_short_remark_nobody_is_named_for_is_no_quote() -> None:
    """Unattributed, a quote must say something on its own (an editor's reading, 9 of 46)."""
    text = f"{FILLER_ZH}\n\n{FILLER_ZH}\n\n他说：“没错，我们就是写字楼。”\n\n{FILLER_ZH}"
    sentences = split_sentences(text, "zh")
    ranking = rank_sentences(sentences, lang="zh", title=None)
    quotes = find_quotes(text, ranking, lang="zh", key_points=frozenset())
    assert not any("写字楼" in q.text for q in quotes)


def test_a_short_remark_after_reported_speech_is_no_quote() -> None:
    """The speaker of the sentence before is a guess: the quote must say something on its
    own (a game guide's "Penny says …. "I'd rather not think about it."" was the player's)."""
    said = "Penny says it must be difficult growing old."
    text = f'{FILLER_EN} {said} "I\'d rather not think about it."'
    assert not any("rather not" in q.text for q in _quotes(text, "en"))
