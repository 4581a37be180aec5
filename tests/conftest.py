"""Fixtures every test gets: a clean environment with no platform tokens."""

from __future__ import annotations

import pytest

pytest_plugins = ["tests.support.article_server"]

_SECRET_VARS = (
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_API_URL",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "DISCORD_TOKEN",
    "DISCORD_API_BASE",
    "DIGESTBOT_DATABASE_URL",
    "DIGESTBOT_REDIS_URL",
    "DIGESTBOT_FETCH_ALLOW_HOSTS",
)


@pytest.fixture(autouse=True)
def _clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test sees the developer's tokens or writes to their data directory."""
    for name in _SECRET_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DIGESTBOT_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    # Worker processes cost a second each to start; tests that are about them opt back in.
    monkeypatch.setenv("DIGESTBOT_WORKER_MODE", "thread")
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
