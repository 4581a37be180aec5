"""Smoke tests for the benchmark harness: real libraries, 2–3 documents per set."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx
import pytest

from tests.support.shared_data import NO_BENCH, NO_SHARED, bench_installed, needs_shared

if not bench_installed():
    pytest.skip(NO_BENCH, allow_module_level=True)

from bench import corpora, quality, rouge, speed
from bench import digest as digest_bench
from bench.baselines import LIBRARIES, digestbot, digestbot_available
from bench.corpora import make_document

NEEDED = {"cnndm", "bbc", "clts", "lcsts"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("营收4.15亿美元。增长23.4%！", ["营收4.15亿美元。", "增长23.4%！"]),
        ("他说：“我们赢了。”随后离开", ["他说：“我们赢了。”", "随后离开"]),
        ("真的吗？！是的……\n下一段", ["真的吗？！", "是的……", "下一段"]),
    ],
)
def test_chinese_split_keeps_numbers_and_closing_quotes(text: str, expected: list[str]) -> None:
    assert corpora.split_chinese(text) == expected


def test_english_split_never_crosses_paragraphs() -> None:
    text = "Shares rose 4.5% to $2.1 billion. Mr. Smith said so\n\nNew paragraph here."
    assert corpora.split_english(text) == [
        "Shares rose 4.5% to $2.1 billion.",
        "Mr. Smith said so",
        "New paragraph here.",
    ]


@pytest.mark.parametrize(
    ("variant", "summary", "reference", "r1"),
    [
        ("stem", ["The cats were running."], ["A cat runs."], 4 / 7),
        ("char", ["今天天气很好。"], ["今天天气不错。"], 2 / 3),
        ("word", ["今天天气很好。"], ["今天天气不错。"], 0.4),
        ("char", ["完全相同"], ["完全相同"], 1.0),
        ("word", ["苹果"], ["香蕉"], 0.0),
    ],
)
def test_rouge_variants(variant: str, summary: list[str], reference: list[str], r1: float) -> None:
    assert rouge.score(summary, reference, variant).rouge1 == pytest.approx(r1)


def test_oracle_picks_the_reference_sentences_in_document_order() -> None:
    sentences = ["Dogs sleep all day.", "Unrelated words here.", "Cats run fast."]
    picked = rouge.oracle(sentences, ["Cats run fast.", "Dogs sleep all day."], 3, "stem")
    assert picked == ["Dogs sleep all day.", "Cats run fast."]


@pytest.mark.parametrize("name", sorted(LIBRARIES))
def test_every_library_returns_our_sentences_within_budget(name: str) -> None:
    system, langs = LIBRARIES[name]
    assert "zh" in langs
    sample = corpora.load_sample()
    doc = make_document("head", "zh", "".join(sample.sentences[:10]))
    picked = system(doc, 3)
    assert 1 <= len(picked) <= 3
    assert set(picked) <= set(doc.sentences)
    positions = [doc.sentences.index(s) for s in picked]
    assert positions == sorted(positions)


@pytest.mark.skipif(not digestbot_available(), reason="summarizer.summarize not built yet")
def test_digestbot_adapter_returns_key_points() -> None:
    doc = make_document("t", "en", "Alpha rose 5% in May. Beta fell. Gamma held steady. " * 3)
    points = digestbot(doc, 2)
    assert 1 <= len(points) <= 2
    assert all(isinstance(p, str) and p for p in points)


def _result(values: dict[str, float]) -> quality.SetResult:
    result = quality.SetResult("cnndm", "en", 1)
    for system, value in values.items():
        result.scores[system]["stem"].append(rouge.Scores(value, value, value))
    return result


def test_bar_passes_on_a_tie_and_fails_below_the_best_rival() -> None:
    assert quality.bar(_result({"digestbot": 0.4, "lead": 0.4, "oracle": 0.9}))[0]
    passed, lines = quality.bar(_result({"digestbot": 0.3, "lead": 0.4, "sumy-luhn": 0.2}))
    assert not passed
    assert lines[0] == "R1 30.0 < 40.0 (lead, -10.0)"


@needs_shared
def test_quality_prints_a_table_per_set(capsys: pytest.CaptureFixture[str]) -> None:
    systems = "lead,sumy-lexrank,sumy-luhn,textrank4zh,snownlp"
    status = quality.main(["--sets", "cnndm,bbc,clts,lcsts", "--limit", "2", "--systems", systems])
    out = capsys.readouterr().out
    assert status == 0
    for name in NEEDED:
        assert f"{name}: 2 docs" in out
        assert f"{name}: SKIP (digestbot not run)" in out
    assert out.count("snownlp") == 2
    assert "jieba RLsum" in out


@needs_shared
def test_lead_and_oracle_score_sensibly_on_cnndm() -> None:
    result = quality.evaluate("cnndm", ["lead"], limit=3, with_oracle=True)
    lead, best = (result.mean(s, "stem", "rouge1") for s in ("lead", quality.ORACLE))
    assert 10 < lead <= best <= 100
    assert result.failures == defaultdict(int)


def test_speed_table_reports_the_median_ratio_and_its_spread_against_lexrank() -> None:
    times = speed.GroupTimes(
        {"digestbot": [10.0, 30.0, 12.0], "sumy-lexrank": [40.0, 60.0, 20.0]}, [0.25, 0.5, 0.6]
    )
    table = speed.speed_table({"sample": times})
    assert list(table.columns[1].cells) == ["12.0", "40.0", "0.50 (0.25–0.60) ok"]


@needs_shared
def test_interleaved_times_every_system_on_every_document() -> None:
    docs = corpora.load("cnndm", limit=2)
    times = speed.interleaved(docs, 2)
    assert sorted(times.millis) == ["digestbot", "sumy-lexrank"]
    assert [len(v) for v in times.millis.values()] == [4, 4]
    assert len(times.ratios) == 4 and all(r > 0 for r in times.ratios)


def test_child_rusage_is_the_child_s_own() -> None:
    run = speed.run_child([sys.executable, "-c", "b = bytearray(80 << 20); print('done')"])
    assert run.returncode == 0
    assert run.stdout.strip() == b"done"
    assert 80 < run.peak_rss_mb < 250


needs_labels = pytest.mark.skipif(not digest_bench.LABELS.is_file(), reason=NO_SHARED)


@needs_labels
def test_digest_bench_scores_two_pages(capsys: pytest.CaptureFixture[str]) -> None:
    digest_bench.main(["--limit", "2"])
    out = capsys.readouterr().out
    assert "digestbot" in out and "lead-3" in out and "lexrank" in out
    assert "overall" in out and "digest: " in out


def test_half_is_stable_and_splits_both_ways() -> None:
    halves = {digest_bench.half(f"page-{i}") for i in range(20)}
    assert halves == {"A", "B"}
    assert digest_bench.half("page-1") == digest_bench.half("page-1")


def test_load_reads_the_server_timing_header() -> None:
    from bench import load_senders

    answered = httpx.Response(200, headers={"Server-Timing": "ack;dur=12.5"}).headers
    assert load_senders.server_seconds(answered) == pytest.approx(0.0125)
    assert math.isnan(load_senders.server_seconds(httpx.Response(200).headers))


async def test_load_senders_send_every_body_signed_once_to_the_replicas_in_turn() -> None:
    from aiohttp import web

    from bench import load_senders

    seen: list[tuple[str, str, bool]] = []

    async def events(request: web.Request) -> web.Response:
        signed = request.headers.get("X-Slack-Signature", "").startswith("v0=")
        seen.append((request.path, await request.text(), signed))
        return web.Response(text="", headers={"Server-Timing": "ack;dur=3"})

    app = web.Application()
    app.router.add_post("/{replica}/slack/events", events)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        targets = [f"http://127.0.0.1:{port}/{r}/slack/events" for r in ("a", "b")]
        bodies = [f"text=n{n}" for n in range(7)]
        acks, handling = await load_senders.send_all(targets, bodies, senders=3)
    finally:
        await runner.cleanup()
    assert sorted(body for _, body, _ in seen) == sorted(bodies)
    assert all(signed for _, _, signed in seen)
    assert {path for path, body, _ in seen if body == "text=n1"} == {"/b/slack/events"}
    assert len(acks) == 7 and handling == [pytest.approx(0.003)] * 7


def test_load_counts_the_memory_of_a_whole_process_tree() -> None:
    from bench import load

    script = "import subprocess, sys, time; b = bytearray(60 << 20); time.sleep(30)"
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import subprocess, sys, time\n"
            f"subprocess.Popen([sys.executable, '-c', {script!r}]); time.sleep(30)",
        ]
    )
    try:
        deadline = time.monotonic() + 20
        while load.tree_memory_mb(parent.pid) < 60 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert load.tree_memory_mb(parent.pid) >= 60  # the grandchild's 60 MB counts
    finally:
        for child in Path(f"/proc/{parent.pid}/task/{parent.pid}/children").read_text().split():
            os.kill(int(child), signal.SIGKILL)
        parent.kill()
        parent.wait()


async def test_load_senders_count_a_failed_connection_as_an_ack_that_never_came() -> None:
    from bench import load_senders
    from tests.support.slack_process import free_port

    target = f"http://127.0.0.1:{free_port()}/slack/events"  # nothing listens there
    acks, handling = await load_senders.send_all([target], ["text=a", "text=b"], senders=1)
    assert acks == [math.inf, math.inf]
    assert all(math.isnan(h) for h in handling)


def test_a_second_load_bench_refuses_to_start(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two at once emptied each other's Redis database and answered each other's jobs."""
    import fcntl

    from bench import load

    monkeypatch.setattr(load, "LOCK_FILE", tmp_path / "load.lock")
    with (tmp_path / "load.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert load.main(["--plans", "1x1"]) == 1
    assert "another bench load is running" in capsys.readouterr().out
