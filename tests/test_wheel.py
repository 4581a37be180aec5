"""The wheel carries everything `digestbot run` needs (`pip install .` is how images install).

The wheel is built from this checkout with the environment's setuptools (no
network), unpacked, and run from there with stdin closed: the console adapter
digests the bundled sample, which must be inside the wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.shared_data import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")  # setuptools writes build/ here, not in the checkout
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out), str(ROOT)],
        capture_output=True, text=True, check=False, cwd=build,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    [built] = out.glob("digestbot-*.whl")
    return built


def test_the_wheel_holds_the_data_files_and_the_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "bots/samples/huxiu-118050-internet-plus-film.md" in names
    assert "bots/storage/migrations/script.py.mako" in names
    assert {"summarizer/data/stopwords-en.txt", "summarizer/data/stopwords-zh.txt"} <= names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: MIT" in zipfile.ZipFile(wheel).read(metadata).decode()


def test_digestbot_run_works_from_the_wheel_alone(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = {**os.environ, "PYTHONPATH": str(unpacked), "DIGESTBOT_DATA_DIR": str(tmp_path / "data")}
    code = "import bots, sys; assert bots.__file__.startswith(sys.argv[1]); " \
        "from bots.cli import main; sys.argv[1:] = ['run']; main()"  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", code, str(unpacked)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
        cwd=tmp_path, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "互联网" in done.stdout  # the sample's digest
