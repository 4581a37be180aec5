"""Every configuration mistake is one line naming the setting, and exit status 2; `digestbot check`.

The real command runs in a child process with the mistake in its environment,
as an operator would meet it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.store_servers import REDIS_VAR, server_url

_LAUNCH = "from bots.cli import main; main()"

MISTAKES = {
    "missing app token": (["slack"], {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
    "missing bot token": (["slack"], {"SLACK_APP_TOKEN": "xapp-1"}, "SLACK_BOT_TOKEN"),
    "missing discord token": (["discord"], {}, "DISCORD_TOKEN"),
    "workers not a number": (["run"], {"DIGESTBOT_WORKERS": "abc"}, "DIGESTBOT_WORKERS"),
    "rate not a rate": (
        ["run"], {"DIGESTBOT_RATE_PER_USER": "10 per banana"}, "DIGESTBOT_RATE_PER_USER"
    ),
    "port out of range": (["discord"], {"DIGESTBOT_HEALTH_PORT": "70000"}, "DIGESTBOT_HEALTH_PORT"),
    "unknown log level": (["run"], {"DIGESTBOT_LOG_LEVEL": "loud"}, "DIGESTBOT_LOG_LEVEL"),
    "database not a URL": (
        ["slack", "--http", "--port", "1"],
        {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "DIGESTBOT_DATABASE_URL": "::"},
        "DIGESTBOT_DATABASE_URL",
    ),
}  # fmt: skip


def digestbot(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LAUNCH, *args],
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_configuration_mistake_is_one_line_naming_the_setting_and_exit_2(
    mistake: tuple[list[str], dict[str, str], str],
) -> None:
    args, env, setting = mistake
    done = digestbot(args, env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("digestbot: ") and setting in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_check_passes_a_working_configuration_without_starting_a_bot() -> None:
    done = digestbot(["check"], {})
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert all(line.startswith("ok ") for line in lines), lines
    assert any("DIGESTBOT_DATABASE_URL" in line and "no schema yet" in line for line in lines)


def test_check_names_each_broken_setting(tmp_path: Path) -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxp-a-user-token",
        "SLACK_SIGNING_SECRET": "0123456789abcdef0123456789abcdef",
        "DIGESTBOT_REDIS_URL": "redis://:hunter2@127.0.0.1:1/0",
    }
    done = digestbot(["check"], env)
    assert done.returncode == 2
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert [line.split()[1].rstrip(":") for line in failed] == [
        "SLACK_BOT_TOKEN",
        "DIGESTBOT_REDIS_URL",
    ]
    assert "hunter2" not in done.stdout + done.stderr


def test_check_reads_the_schema_revision_of_a_created_database() -> None:
    redis = server_url(REDIS_VAR)
    assert digestbot(["run"], {}).returncode == 0  # the console creates the schema, then quits
    done = digestbot(["check"], {"DIGESTBOT_REDIS_URL": redis})
    assert done.returncode == 0, done.stdout
    assert "(current)" in done.stdout and "DIGESTBOT_REDIS_URL" in done.stdout
