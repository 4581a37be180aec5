"""Sentence ranking: lead for short digests, coverage for long ones, no repeats, article order.

Builders turn a list of sentences into a real `Ranking` (our splitter, our
tokenizer); the quality gate runs a slice of CNN/DailyMail and BBC through
`summarize` and scores it with the benchmark's ROUGE against Lead-k.
"""

from __future__ import annotations

from statistics import fmean
from typing import Any

import pytest

from summarizer.models import Lang
from summarizer.ranking.rank import Ranking, rank_sentences, select
from summarizer.text.sentences import split_sentences
from tests.support.shared_data import NO_SHARED, needs_bench, needs_shared

NEWS = [
    "The city council voted on Tuesday to close the old harbour bridge to all traffic.",
    "Engineers found deep cracks in two of the bridge's steel supports last month.",
    "The bridge carried about 40,000 cars a day between the harbour and the old town.",
    "A replacement bridge will take at least four years to build, the council said.",
    "Local shops fear that the closure of the bridge will keep visitors away.",
    "The mayor promised free ferries across the harbour while the bridge is closed.",
    "Some residents said the council had ignored warnings about the bridge for years.",
    "The weather on Tuesday was mild and sunny across the region.",
    "Traffic on the ring road is expected to double once the bridge is closed.",
    "The council will publish the engineers' full report on the bridge next week.",
]


def ranking(sentences: list[str], *, lang: Lang = "en", title: str | None = None) -> Ranking:
    """A real ranking of the sentences, one per line."""
    joiner = "" if lang == "zh" else " "
    split = split_sentences(joiner.join(sentences), lang)
    assert len(split) == len(sentences), "builder sentences must split as given"
    return rank_sentences(split, lang=lang, title=title)


def picked(rank: Ranking, count: int, **options: Any) -> list[str]:
    return [rank.sentences[i].text for i in select(rank, count, **options)]


def test_a_one_point_digest_of_news_is_its_lead() -> None:
    assert picked(ranking(NEWS), 1) == [NEWS[0]]


def test_a_one_point_chinese_digest_is_its_lead() -> None:
    text = [
        "市政府周二宣布，老港口大桥将于下月起全面封闭。",
        "工程师上月在大桥的两根钢梁上发现了深裂缝。",
        "大桥每天承载约四万辆汽车往返港口和老城。",
        "市政府表示，新桥至少需要四年才能建成。",
        "周边商户担心大桥封闭会让游客减少。",
    ]
    assert picked(ranking(text, lang="zh"), 1) == [text[0]]


def test_a_few_points_from_a_long_article_are_its_lead_even_when_later_ones_are_more_central() -> (
    None
):
    text = [
        "Voters in the northern province elected a new governor on Sunday.",
        *NEWS[1:],
    ]
    rank = ranking(text)
    assert rank.order()[0] != 0, "the builder needs a lead that is not the most salient"
    assert picked(rank, 1) == [text[0]]
    assert picked(rank, 3) == text[:3]


def test_a_short_byline_before_the_lead_is_skipped() -> None:
    assert picked(ranking(["By Anna Smith.", *NEWS]), 1) == [NEWS[0]]


def test_a_long_digest_covers_the_article_rather_than_its_top() -> None:
    # Nine of ten sentences is coverage, not a lead: the off-topic weather
    # aside is the one left out, where Lead-9 would drop the last sentence.
    chosen = picked(ranking(NEWS), 9)
    assert NEWS[7] not in chosen


def test_a_central_sentence_beats_an_early_aside_in_coverage_mode() -> None:
    text = [
        NEWS[0],
        "The weather on Tuesday was mild and sunny across the region.",
        "The bridge closure follows cracks that engineers found in the bridge.",
        "The council said the bridge closure is needed because the bridge cracks grow.",
        "Ferries will replace the bridge while the closed bridge is repaired.",
    ]
    chosen = picked(ranking(text), 3)
    assert text[1] not in chosen


def test_a_long_sentence_counts_for_the_part_a_point_shows() -> None:
    # Central for the words of its tail, which a point cut to 12 words never shows.
    run_on = (
        "The weather on Tuesday was mild and sunny across the region, and the old town's cafes"
        " were busy, though some shop owners near the harbour bridge said the bridge closure,"
        " the cracks in the bridge and the council's bridge vote would keep visitors away from"
        " the bridge and the harbour for years."
    )
    text = [
        NEWS[0],
        "Engineers found deep cracks in the bridge supports.",
        run_on,
        "The mayor promised free ferries across the harbour.",
        "A replacement bridge will take at least four years to build.",
    ]
    rank = ranking(text)
    assert run_on in picked(rank, 2, shown=(0,)), "the builder needs a winning run-on"
    assert run_on not in picked(rank, 2, shown=(0,), limit=12)


def test_a_list_of_places_is_no_point() -> None:
    listing = (
        "寒潮期间，东北、华北、黄淮、江淮、江汉、江南、华南、西南、西北、新疆等地气温骤降，"
        "公众需注意防寒保暖。"
    )
    text = [
        "强冷空气周二起自北向南影响我国大部地区，多地气温骤降。",
        listing,
        "中央气象台发布寒潮预警，提醒公众在气温骤降期间注意防寒。",
        "北京周三最低气温将降至零下5摄氏度。",
        "气象专家表示，这次寒潮过后，北方将全面入冬。",
    ]
    rank = ranking(text, lang="zh")
    assert rank.order()[0] == 1, "the builder needs the listing as the most salient sentence"
    assert picked(rank, 1, shown=(0,)) == [listing]  # ranked without a point's scoring
    assert picked(rank, 1, shown=(0,), limit=80) == [text[2]]


def test_near_identical_sentences_are_not_both_chosen() -> None:
    repeat = f"{NEWS[1][:-1]}, officials said."
    text = [NEWS[0], NEWS[1], repeat, *NEWS[2:]]
    chosen = picked(ranking(text), 3)
    assert not {NEWS[1], repeat} <= set(chosen)
    chosen = picked(ranking(text), 6)
    assert not {NEWS[1], repeat} <= set(chosen)


def test_a_point_repeating_the_tldr_in_fewer_words_is_not_chosen() -> None:
    """The same point twice in other words (a Stadia page, the editor's reading)."""
    repeat = "Google's Stadia gaming service launches today for players."
    text = [
        "Stadia, the streaming gaming platform from Google, launches today in fourteen countries.",
        "Players pay ten dollars a month for the Stadia Pro service and its games.",
        repeat,
        "Reviewers said the Stadia controller works well on a television.",
        "The games stream from Google data centres to phones and laptops.",
        "Some players reported lag on slow home connections during the first tests.",
        "Google promised more games for the platform next year.",
    ]
    assert repeat not in picked(ranking(text), 2, shown=(0,))


# A long report: its top paragraphs say the news, its late ones repeat the topic's words.
LONG = [
    *NEWS[:4],
    *(
        f"Residents met on day {n} to discuss shops, schools and the market square."
        for n in range(14)
    ),
    *(
        f"On the {n} side the bridge, the bridge ramps and the bridge cracks were studied again."
        for n in ("north", "south", "east", "west")
    ),
]


def test_a_default_digest_of_a_long_report_leans_on_its_top() -> None:
    """A key sentence is 55-63 % of sentences 0-2 and 5 % after sentence 11 (digest labels)."""
    rank = ranking(LONG)
    top, late = set(LONG[1:4]), set(LONG[-4:])
    assert late & set(picked(rank, 6, shown=(0,))), "the builder needs central late sentences"
    chosen = set(picked(rank, 3, shown=(0,)))
    assert len(chosen & top) >= 2


@pytest.mark.parametrize("count", [1, 3, 6])
def test_results_come_in_article_order_without_duplicates(count: int) -> None:
    indices = select(ranking(NEWS), count)
    assert indices == sorted(set(indices))
    assert len(indices) == count


def test_excluded_sentences_are_never_chosen() -> None:
    rank = ranking(NEWS)
    assert 0 not in select(rank, 3, exclude=frozenset({0}))


def test_a_budget_larger_than_the_article_returns_every_sentence() -> None:
    assert select(ranking(NEWS[:2]), 5) == [0, 1]


def test_the_title_lifts_the_sentences_that_repeat_it() -> None:
    text = [
        "Shops along the quay reported fewer customers this spring.",
        "Ferry prices rose again, the operator confirmed.",
        "The harbour bridge will close for four years.",
        "Cafes said tourists now arrive later in the season.",
    ]
    titled = ranking(text, title="Harbour bridge to close for four years")
    untitled = ranking(text)
    assert titled.scores[2] > untitled.scores[2]
    assert titled.scores[:2] + titled.scores[3:] == untitled.scores[:2] + untitled.scores[3:]


# The quality gate: a small slice of the benchmark, digestbot against Lead-k.

GATE_DOCS = 30


@needs_shared
@needs_bench
@pytest.mark.parametrize("name", ["cnndm", "bbc"])
def test_quality_gate_digestbot_at_least_matches_lead(name: str) -> None:
    from bench import corpora, rouge
    from bench.baselines import digestbot, lead

    if name not in corpora.available():
        pytest.skip(NO_SHARED)

    docs = corpora.load(name, limit=GATE_DOCS)
    budget = corpora.SETS[name].budget
    ours = [rouge.score(digestbot(d, budget(d)), d.reference, "stem") for d in docs]
    theirs = [rouge.score(lead(d, budget(d)), d.reference, "stem") for d in docs]
    for metric in ("rouge1", "rougeLsum"):
        mine = fmean(getattr(s, metric) for s in ours)
        baseline = fmean(getattr(s, metric) for s in theirs)
        assert mine >= baseline, f"{name} {metric}: digestbot {mine:.3f} < lead {baseline:.3f}"
