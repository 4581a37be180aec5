"""What is not a figure, one table per class, each beside a figure that still counts."""

from __future__ import annotations

import pytest

from summarizer.figures.find import find_figures
from summarizer.figures.masks import SpanSet, in_set_phrase
from summarizer.models import Lang


def _texts(text: str, lang: Lang = "zh") -> list[str]:
    return [f.text for f in find_figures(text, lang=lang)]


@pytest.mark.parametrize(
    "text",
    [
        "谈判一波三折，最终达成协议",
        "他是这个岗位的不二人选",  # negation, not two people
        "九死一生的经历",
        "这是唯一一家获批的企业",
        "要一蹴而就是不可能的",
        "一劳永逸地解决问题",
        "坚持“一带一路”倡议",
        "推进“五个中心”建设",
        "他读过《一九八四年》",
        "十三五规划期间",
    ],
)
def test_idioms_set_phrases_slogans_and_titles_are_not_figures(text: str) -> None:
    assert _texts(text) == []


@pytest.mark.parametrize(
    "text",
    ["现场无一人受伤", "没有一人提出异议", "打通最后一公里", "每一个国家都有", "这一年过得很快"],
)
def test_negations_and_one_as_a_determiner_are_not_figures(text: str) -> None:
    assert _texts(text) == []


@pytest.mark.parametrize(
    "text",
    ["前方几十米处", "飞行了数千公里", "工作了十几个小时", "价值几百万英镑的豪宅", "花了一两元"],
)
def test_vague_amounts_and_approximations_are_not_figures(text: str) -> None:
    assert _texts(text) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("会议于9：45开始", "zh"),
        ("5月20日22点起开放", "zh"),
        ("2004年10月15日10时43分", "zh"),
        ("凌晨一点多回家", "zh"),
        ("with 3:08 to play", "en"),
    ],
)
def test_clock_times_are_not_figures(text: str, lang: Lang) -> None:
    assert _texts(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("年仅37岁的她", "zh"),
        ("a 37-year-old man", "en"),
        ("Scooter Braun, 38, who reps", "en"),
        ("Taylor Swift, 29, said", "en"),
        ("people aged 26 or older", "en"),
    ],
)
def test_ages_are_not_figures(text: str, lang: Lang) -> None:
    assert _texts(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("发布于2024年5月16日", "zh"),
        ("2003年至2022年间", "zh"),
        ("In 2015, it moved.", "en"),
        ("on September 25, 2019", "en"),
        ("2017/9/28", "zh"),
    ],
)
def test_dates_and_years_are_not_figures(text: str, lang: Lang) -> None:
    assert _texts(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("请拨打0937-141993", "zh"),
        ("电话020-85501999-8819", "zh"),
        ("Call +49 (0)40 890 85-433 now", "en"),
        ("回复验证码 482913 完成", "zh"),
        ("拨打热线12345反映", "zh"),
        ("case FHC/ABJ/03/095/2018 was", "en"),
        ("家住忠孝东路216巷", "zh"),
        ("write to news2019@example.com", "en"),
        ("DOI 10.12677/MOM.2018.82002", "en"),
    ],
)
def test_phone_numbers_codes_ids_and_addresses_are_not_figures(text: str, lang: Lang) -> None:
    assert _texts(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "一是坚持和巩固，二是完善和发展",
        "第3名",
        "见图1",
        "第236-239页",
        "90后的年轻人",
        "大二学生",
        "得到快速的解决 [12]",
        "GPS: N24 39 16.4 E121 18 19.5",
    ],
)
def test_list_numbers_ordinals_and_labels_are_not_figures(text: str) -> None:
    assert _texts(text) == []


def test_furniture_spans_are_skipped() -> None:
    text = "图片来源：视觉中国 摄影 3名记者\n\n公司营收增长了35%。"
    caption = (0, text.index("\n"))
    assert _texts(text) == ["3名", "35%"]
    assert [f.text for f in find_figures(text, lang="zh", skip=[caption])] == ["35%"]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("致使一人死亡，三人受伤", "三人"),
        ("不到3000人参加", "3000人"),
        ("不足400人次", "400人次"),
        ("最大直径90米", "90米"),
        ("下跌64点", "64点"),
        ("近100名本科毕业生", "100名"),
        ("占百分之二", "百分之二"),
        ("三分之一", None),
    ],
)
def test_real_figures_next_to_those_rules_still_count(text: str, figure: str | None) -> None:
    assert _texts(text) == ([figure] if figure else [])


def test_a_set_phrase_must_hold_the_number_and_reach_past_it() -> None:
    assert in_set_phrase("一波三折", 2, 3)
    assert not in_set_phrase("5万元", 0, 2)
    assert not in_set_phrase("千分之一百", 4, 6)


def test_span_set_merges_and_answers_overlap() -> None:
    spans = SpanSet([(10, 20), (0, 5), (4, 8), (30, 30)])
    assert spans.overlaps(7, 9) and spans.overlaps(19, 25) and spans.overlaps(0, 1)
    assert not spans.overlaps(8, 10) and not spans.overlaps(20, 40)


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("约占十份之一的人口", "zh", []),  # a fraction, not ten portions
        ("NBA 2K20 launches today", "en", []),  # a product name, not 2,000
        ("发电量42.3亿千瓦时，增长", "zh", ["42.3亿千瓦时"]),  # the unit whole
        ("全书共11章内容", "zh", ["11章"]),
        ("获得9项国家级奖励", "zh", ["9项"]),  # 国家级 qualifies, it is not counted
        ("拥有9项国家专利", "zh", ["9项"]),  # 国家专利 is one word: 国家 is not counted
        ("35家企业参与招聘", "zh", ["35家企业"]),  # a noun standing alone is kept
        ("24部电影，6000万用户", "zh", ["24部电影", "6000万用户"]),
        ("add 200 gm okra", "en", ["200 gm"]),
        ("about 3,200 miles (5,150 km) wide", "en", ["3,200 miles"]),  # one quantity once
        ("raise $12.9bn (£10bn) from", "en", ["$12.9bn"]),
        ("挂着两块牌子，花了两块钱", "zh", ["两块钱"]),  # 块 in words counts pieces
        ("他说花费我三块。", "zh", ["三块"]),  # 块 before no noun: an amount of yuan
        ("频率是1兆赫兹。", "zh", ["1兆赫兹"]),  # the longer unit wins
    ],
)
def test_units_stay_whole_and_conversions_and_names_are_not_figures(
    text: str, lang: Lang, figures: list[str]
) -> None:
    assert _texts(text, lang) == figures


def test_a_context_never_opens_mid_number() -> None:
    text = (
        "后置摄像头采用了1200 万像素主摄加上6400 万像素长焦镜头再加上1.08 亿像素超广角镜头"
        "还有4800 万像素的景深镜头和5000 万像素的微距镜头以及其他很多很多很多很多的东西"
    )
    contexts = [f.context for f in find_figures(text, lang="zh")]
    assert len(contexts) == 5
    assert not any(c[:1].isdigit() or c[:1] in " .万亿" for c in contexts[2:])


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("面积相当于13个标准篮球场", "zh", []),  # a comparison for scale
        ("储量相当于3万辆小汽车的油箱", "zh", []),
        ("an area the size of 13 football fields", "en", []),
        ("主甲板直径90米，面积相当于13个篮球场", "zh", ["90米"]),
        ("穿上100%舒适", "zh", []),  # 100% as an intensifier
        ("覆盖率达100%，", "zh", ["100%"]),  # a share stays
        ("100%的学生", "zh", ["100%"]),
        ("从2个方面入手", "zh", []),  # the text's own outline
        ("分3个层面推进", "zh", []),
        ("建成2个产业园", "zh", ["2个"]),
        ("PG&E said 911 calls rose after the outage", "en", []),  # a service number
        ("the 311 line was busy", "en", []),
        ("the town gained 911 residents", "en", ["911 residents"]),
        ("Stadia streams games in 4K at 60 frames", "en", ["60 frames"]),  # a resolution
        ("He sold 4K units", "en", ["4K units"]),
        ("it has 120 hardworking employees", "en", ["120 hardworking employees"]),
        ("一次放三五个就好", "zh", []),  # an approximation: three or five, not 35
        ("来了七八个人", "zh", []),
        ("全场三八折", "zh", ["三八折"]),  # a discount read digit by digit: 38 %
        ("来了35个人", "zh", ["35个人"]),
        ("勤洗手，遵守1米线，常通风", "zh", []),  # a line on the ground, no length
        ("护栏高1米，", "zh", ["1米"]),
        ("The team will re-evaluate him within the next 24 hours.", "en", []),  # a deadline
        ("He played 48 minutes in the next game.", "en", ["48 minutes"]),
        # A counter that begins a common word (部分), a year after a preposition
        # (an editor's blind reading of 24 unseen pages).
        ("调查分为两部分，第一部分是问卷。", "zh", []),
        ("公司卖出了3部手机和24部电影，还有3本书。", "zh", ["3部", "24部电影", "3本"]),
        ("这5项目标已经完成。", "zh", ["5项"]),
        ("The government in 2011 aims to cut the deficit.", "en", []),
        ("Last year 1990 employees left the firm.", "en", ["1990 employees"]),
        # A session's number in a congress's name (the next blind reading, 12 pages).
        ("政协巴彦淖尔市五届二次会议开幕，共有委员300人出席。", "zh", ["300人"]),
        ("十三届全国人大二次会议在京召开", "zh", []),
        ("今年共召开3次会议，审议了5项议案。", "zh", ["3次", "5项"]),
    ],
)
def test_asides_and_approximations_are_not_figures(
    text: str, lang: Lang, figures: list[str]
) -> None:
    assert _texts(text, lang) == figures


@pytest.mark.parametrize(
    ("text", "lang", "figures"),
    [
        ("返校后在72小时内完成检测", "zh", ["72小时"]),  # a span of hours is a figure
        ("进行7天健康监测", "zh", ["7天"]),
        ("成功禁食49天", "zh", ["49天"]),
        ("filed 75 days before primary voting begins", "en", ["75 days"]),
        ("3天前他还在北京", "zh", []),  # a point in time
        ("it happened two months ago", "en", []),
        ("use in the past 12 months rose", "en", []),  # the period a statistic covers
        ("过去30天里", "zh", []),
        ("设计寿命30年", "zh", []),  # years read as dates too often
        ("约400万年前，南方古猿出现", "zh", ["400万年"]),  # no calendar has such a year
        ("距今约3万年的遗址", "zh", ["3万年"]),
        ("about 2 million years ago", "en", ["2 million years"]),
        ("2015年的数据", "zh", []),
        ("新中国成立70年来", "zh", []),
        ("汤先生夫妇二人来了", "zh", []),  # people already named, counted again
        ("兄弟三人都到了", "zh", []),
        ("事故致使三人受伤", "zh", ["三人"]),
    ],
)
def test_durations_in_digits_count_and_points_in_time_do_not(
    text: str, lang: Lang, figures: list[str]
) -> None:
    assert _texts(text, lang) == figures


def test_a_tours_days_and_nights_are_its_name() -> None:
    assert not any("天" in t for t in _texts("参加6天5夜的旅行团"))
    assert _texts("行程共6天。") == ["6天"]
