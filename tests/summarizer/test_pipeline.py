"""Golden test: the digest of the bundled sample, the product's canonical demo."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from summarizer import Digest, summarize
from summarizer.errors import NoSentences, UnsupportedLanguage

SAMPLE = (
    Path(__file__).resolve().parents[2] / "bots" / "samples" / "huxiu-118050-internet-plus-film.md"
)


@pytest.fixture(scope="module")
def digest() -> Digest:
    return summarize(SAMPLE.read_text(encoding="utf-8"))


def test_metadata_comes_from_the_front_matter(digest: Digest) -> None:
    assert digest.title == "阿里CEO张勇论互联网+电影：电影是主语，互联网要推动乘数效应"
    assert digest.site == "虎嗅"
    assert digest.url == "https://www.huxiu.com/article/118050"
    assert digest.published == "2015-06-17 18:28"
    assert digest.lang == "zh"


def test_reading_time_matches_about_400_characters_a_minute(digest: Digest) -> None:
    assert 2500 < digest.length < 5000
    assert digest.reading_minutes == -(-digest.length // 400)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5.3亿人民币", Decimal("530000000")),
        ("6000万用户", Decimal("60000000")),
        ("24部电影", Decimal("24")),
        ("570亿", Decimal("57000000000")),
        ("3.5亿人", Decimal("350000000")),
    ],
)
def test_key_figures(digest: Digest, text: str, value: Decimal) -> None:
    assert {f.text: f.value for f in digest.figures}.get(text) == value


def test_no_years_or_version_labels_among_figures(digest: Digest) -> None:
    shown = [f.text for f in digest.figures]
    assert not any(t.startswith(("2015", "2000", "1.0", "2.0")) for t in shown), shown
    assert len(shown) <= 6


def test_quotes_carry_the_thesis(digest: Digest) -> None:
    assert any("互联网+电影的主语是电影" in q.text for q in digest.quotes)
    assert {q.speaker for q in digest.quotes} == {"张勇"}


def test_readable_in_chat(digest: Digest) -> None:
    assert len(digest.key_points) == 3
    assert all(len(point) <= 120 for point in digest.key_points)
    assert len(digest.tldr) + sum(len(p) for p in digest.key_points) <= 600
    assert len(digest.tldr) <= 120


def test_keywords(digest: Digest) -> None:
    assert 5 <= len(digest.keywords) <= 8
    assert "电影" in digest.keywords and "互联网" in digest.keywords


def test_json_round_trip(digest: Digest) -> None:
    data = digest.to_dict()
    assert {"key_points", "quotes", "figures", "keywords", "tldr"} <= set(data)
    assert Digest.from_dict(data) == digest


def test_max_points_and_language_override() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert len(summarize(text, max_points=5).key_points) == 5
    english = (
        "The council approved the budget on Monday. Schools get more money this year. "
        "Roads will be repaired in the spring. Parks stay open longer in the summer."
    )
    assert summarize(english).lang == "en"
    assert summarize(english, lang="zh").lang == "zh"


@pytest.mark.parametrize("text", ["。。。！！！", "😀😀😀 🎉🎉", "... --- !!!"])
def test_text_without_sentences_is_refused(text: str) -> None:
    with pytest.raises(NoSentences):
        summarize(text)


GERMAN = (
    "Die elektronische Patientenakte soll ab 2025 für alle Versicherten kommen. "
    "Die Daten liegen nicht in der Praxis, sondern auf einem Server der Kassen. "
    "Kritiker sagen, dass die Sicherheit der Daten nicht geklärt ist."
)


def test_a_german_article_is_refused_not_read_as_english() -> None:
    """The English tokenizer would make "die · und · der" its keywords (issue 12)."""
    with pytest.raises(UnsupportedLanguage):
        summarize(GERMAN)


def test_a_language_given_by_the_caller_is_trusted() -> None:
    assert summarize(GERMAN, lang="en").tldr


def test_in_a_speech_quotes_and_key_points_never_repeat_each_other(digest: Digest) -> None:
    for quote in digest.quotes:
        parts = [p for p in quote.text.split("…") if p]
        assert not any(all(p in point for p in parts) for point in digest.key_points)


def test_tldr_states_the_speech_s_thesis(digest: Digest) -> None:
    assert "主语是电影" in digest.tldr


def test_tldr_and_three_distinct_points(digest: Digest) -> None:
    shown = [digest.tldr, *digest.key_points]
    assert len(digest.key_points) == 3
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert not all(part in b for part in a.split("…") if part), (a, b)


REPORT = (
    "新华社北京5月19日电（记者刘艺、杨吉）中国科学院专家19日在北京介绍了国内首次在轨水生生态研究项目的进展情况。\n\n"
    "5月9日，研究人员在实验室检查样品。新华社记者 张三 摄\n\n"
    "专家介绍，空间站小型受控生命生态实验组件已由航天员转移至问天舱，实验将持续五个月。\n\n"
    "实验组件内的斑马鱼和金鱼藻状态良好，研究人员每天通过视频观察鱼的游动和进食情况。\n\n"
    "这项研究将为未来长期载人飞行中的生命保障系统提供重要的科学数据和技术支撑。\n\n"
    "责任编辑：王五"
)


def test_a_report_s_tldr_is_its_lede_without_the_dateline_and_no_furniture_is_shown() -> None:
    digest = summarize(REPORT)
    assert digest.tldr.startswith("中国科学院专家19日在北京")
    shown = " ".join([digest.tldr, *digest.key_points])
    for furniture in ("新华社北京5月19日电", "摄", "责任编辑", "检查样品"):
        assert furniture not in shown
    assert len(digest.key_points) == 3


LAUNCH = (
    "三星今天凌晨在旧金山发布了新一代旗舰手机 Galaxy S20 系列，包括三款机型。\n\n"
    "此外，Galaxy S20 全系均将配备 LPDDR5 内存，最高支持 1TB 的拓展存储。\n\n"
    "其中，最大的一款屏幕尺寸为 6.9 英寸。\n\n"
    "价格方面，Galaxy S20 4G 版售价 899 美元，约合人民币 6300 元。\n\n"
    "三星表示，新机将于下月在全球多个市场同时开售。"
)


def test_a_point_opening_with_an_additive_connective_is_shown_from_after_it() -> None:
    digest = summarize(LAUNCH, max_points=3)
    assert "Galaxy S20 全系均将配备 LPDDR5 内存，最高支持 1TB 的拓展存储。" in digest.key_points
    assert not any(p.startswith(("此外", "其中")) for p in digest.key_points)


BRIDGE = "\n\n".join(
    [
        "市政府周二宣布，老港口大桥将于下月起全面封闭维修。",
        "“大桥的钢梁裂缝已经很深，老港口大桥必须马上封闭维修，否则老港口大桥随时可能出现危险。”"
        "市政府工程师说。",
        "工程师上月在大桥的两根钢梁上发现了深裂缝。",
        "大桥每天承载约四万辆汽车往返港口和老城。",
        "市政府表示，新桥至少需要四年才能建成。",
        "周边商户担心大桥封闭会让游客减少。",
        *(f"第{n}号渡轮将在大桥封闭期间每天往返港口{n}次。" for n in range(1, 16)),
    ]
)


def test_a_short_digest_of_a_long_report_shows_a_quoted_remark_as_a_quote_not_a_point() -> None:
    digest = summarize(BRIDGE)
    remark = "大桥的钢梁裂缝已经很深"
    assert not any(remark in point for point in digest.key_points)
    assert any(remark in quote.text for quote in digest.quotes)
    longer = summarize(BRIDGE, max_points=8)  # a coverage digest: quotes may be points
    assert any(remark in point for point in longer.key_points)
