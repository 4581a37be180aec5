"""The console adapter, in process: the sample at start, then pasted text, paths and errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bots.config import Settings
from bots.console import run_console

ENGLISH = (
    "The council approved the city budget on Monday after a long debate in the town hall.\n"
    "Schools will get $2.1 billion more this year, the mayor said at a press conference.\n"
    "Roads will be repaired in the spring and parks stay open longer in the summer months.\n"
    "Critics said the plan spends too much on roads and too little on public transport.\n"
)


async def _run(monkeypatch: pytest.MonkeyPatch, typed: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    await run_console(Settings())
    return typed


async def test_sample_then_pasted_text_a_file_path_and_a_bad_paste(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "营收增长。" * 3 + "腾讯今年营收达到4.15亿美元，同比增长23.4%。", encoding="utf-8"
    )
    await _run(monkeypatch, f"{ENGLISH}\n{article}\n。。。！！！\n\n")
    out = capsys.readouterr().out  # run_console returned: end of input quits
    assert out.startswith("## [阿里CEO张勇论互联网+电影")
    assert "5.3亿人民币" in out and "主语是电影" in out
    pasted = out[out.index("**TL;DR:**") :]  # the first English digest: the pasted text
    assert "The council approved the city budget on Monday" in pasted
    assert "4.15亿美元" in out
    assert "doesn't look like an article" in out or "不像一篇文章" in out
    assert "Traceback" not in out


async def test_an_html_file_path_is_read_as_the_file_not_as_a_message_with_links(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Issue 14.10: the path was a chat message, and the console fetched its tracker URLs."""
    page = tmp_path / "story.html"
    body = "".join(f"<p>{line}</p>" for line in ENGLISH.splitlines())
    trackers = "".join(f'<img src="http://10.0.0.{i}/t.gif">' for i in range(5))
    html = f"<html><head><title>Budget day</title></head><body><article>{body}</article>"
    page.write_text(f"{html}{trackers} http://10.0.0.9/x</body></html>", encoding="utf-8")
    await _run(monkeypatch, f"{page}\n")
    out = capsys.readouterr().out
    assert "Budget day" in out and "city budget" in out
    assert "10.0.0" not in out and "DIGESTBOT_FETCH_ALLOW_HOSTS" not in out


async def test_a_pasted_article_with_headings_and_blank_lines_is_one_digest(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14.10: an empty line ended the paste, giving one digest per paragraph."""
    lines = ENGLISH.splitlines()
    pasted = (
        f"City budget passes\n\n{lines[0]}\n{lines[1]}\nMore on that\n\n{lines[2]}\n{lines[3]}\n.\n"
    )
    await _run(monkeypatch, pasted)
    out = capsys.readouterr().out
    assert out.count("**TL;DR:**") == 1  # the paste, as one article (the sample is Chinese)
    assert "doesn't look like an article" not in out


@pytest.mark.parametrize("garbage", ["ftp://example.com/a", "lol 😂", "Ã¤Ã¶Ã¼ Ã© Ã¨", "asdf qwer"])
async def test_garbage_gets_the_polite_refusal_never_a_digest(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], garbage: str
) -> None:
    await _run(monkeypatch, f"{garbage}\n\n")
    out = capsys.readouterr().out
    assert "TL;DR" not in out  # the Chinese sample only, no digest of the garbage
    assert "doesn't look like an article" in out


async def test_a_private_address_refusal_names_the_allow_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DIGESTBOT_FETCH_ALLOW_HOSTS", raising=False)
    await _run(monkeypatch, "http://10.0.0.1/internal-report\n")
    out = capsys.readouterr().out
    assert "DIGESTBOT_FETCH_ALLOW_HOSTS" in out
