"""The console adapter, in process: the sample at start, then pasted text, paths and errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bots.config import Settings
from bots.console import run_console

ENGLISH = (
    "The council approved the city budget on Monday after a long debate.\n"
    "Schools will get $2.1 billion more this year, the mayor said.\n"
    "Roads will be repaired in the spring and parks stay open longer.\n"
)


async def _run(monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    await run_console(Settings())


async def test_sample_then_pasted_text_a_file_path_and_a_bad_paste(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "营收增长。" * 3 + "腾讯今年营收达到4.15亿美元，同比增长23.4%。", encoding="utf-8"
    )
    typed = f"{ENGLISH}\n{article}\n。。。！！！\n\n"
    await _run(monkeypatch, typed)
    out = capsys.readouterr().out  # run_console returned: end of input quits
    assert out.startswith("## [阿里CEO张勇论互联网+电影")
    assert "5.3亿人民币" in out and "主语是电影" in out
    pasted = out[out.index("**TL;DR:**") :]  # the first English digest: the pasted text
    assert "The council approved the city budget on Monday" in pasted
    assert "4.15亿美元" in out
    assert "no sentences" in out.lower() or "没有找到" in out
    assert "Traceback" not in out
