"""The systemd install steps, run as written into a staging root: no PID-1 systemd needed.

`deploy/systemd/install.sh` with `ROOT=` a temporary directory creates the user and group
(in that tree's /etc/passwd), the virtualenv with the app, the env file (0600, kept on a
rerun) and the unit; `systemd-analyze verify --root` then checks the installed unit against
the host's unit library (ExecStart installed and executable, dependencies known) and
`systemd-analyze security --offline` scores it. Not run here, for want of a running systemd:
`systemctl daemon-reload`, `enable --now`, and the sandbox actually applied.

It installs every dependency into a fresh virtualenv (minutes), so `make test` skips it
unless `DIGESTBOT_TEST_INSTALL=1`; `.ci/run` runs it (`make install-test`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
INSTALL = REPO / "deploy" / "systemd" / "install.sh"
UNIT = "digestbot.service"
INSTALL_VAR = "DIGESTBOT_TEST_INSTALL"
HOST_UNITS = Path("/usr/lib/systemd/system")


def install(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ROOT": str(root)}
    done = subprocess.run(["bash", str(INSTALL)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A staging root the install script ran in once."""
    if not os.environ.get(INSTALL_VAR):
        pytest.skip(f"installs the app into a fresh virtualenv (minutes): set {INSTALL_VAR}=1")
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        pytest.skip("the install steps need root and useradd")
    root = tmp_path_factory.mktemp("root")
    (root / "etc").mkdir()
    for name in ("passwd", "group", "shadow", "gshadow"):
        (root / "etc" / name).touch()
    install(root)
    return root


def test_the_steps_create_the_user_the_app_the_env_file_and_the_unit(root: Path) -> None:
    [user] = (root / "etc" / "passwd").read_text().splitlines()
    name, _, uid, gid, _, home, shell = user.split(":")
    assert (name, home, shell) == ("digestbot", "/var/lib/digestbot", "/usr/sbin/nologin")
    assert f"digestbot:x:{gid}:" in (root / "etc" / "group").read_text()
    assert int(uid) < 1000  # a system user
    env = root / "etc" / "digestbot" / "env"
    assert env.stat().st_mode & 0o777 == 0o600
    assert env.read_text() == (REPO / "deploy" / "env.example").read_text()
    unit = root / "etc" / "systemd" / "system" / UNIT
    assert unit.read_text() == (REPO / "deploy" / "systemd" / UNIT).read_text()
    app = subprocess.run([root / "opt" / "digestbot" / "bin" / "digestbot", "--help"],
                         capture_output=True, text=True)  # fmt: skip
    assert app.returncode == 0 and "worker" in app.stdout, app.stderr


def test_systemd_analyze_verifies_and_scores_the_installed_unit(root: Path) -> None:
    if shutil.which("systemd-analyze") is None or not HOST_UNITS.is_dir():
        pytest.skip("systemd-analyze or the host's unit library is missing")
    units = root / "usr" / "lib" / "systemd" / "system"
    shutil.copytree(HOST_UNITS, units, symlinks=True, dirs_exist_ok=True)
    analyze = ["systemd-analyze", f"--root={root}"]
    verify = subprocess.run([*analyze, "verify", UNIT], capture_output=True, text=True)
    assert (verify.returncode, verify.stderr) == (0, "")
    security = subprocess.run([*analyze, "security", "--offline=true", UNIT],
                              capture_output=True, text=True)  # fmt: skip
    score = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", security.stdout)
    assert score is not None and float(score.group(1)) < 4.0, security.stdout[-1000:]


def test_running_the_steps_again_upgrades_and_keeps_the_filled_in_env_file(root: Path) -> None:
    env = root / "etc" / "digestbot" / "env"
    env.write_text("SLACK_BOT_TOKEN=xoxb-filled-in\n")

    install(root)

    assert env.read_text() == "SLACK_BOT_TOKEN=xoxb-filled-in\n"
    assert len((root / "etc" / "passwd").read_text().splitlines()) == 1
