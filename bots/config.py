"""The one typed settings object, read from the environment or a `.env` file.

Entry points build `Settings()` once, validate it before connecting, and hand
pieces of it to the core (`fetch_settings()`); nothing else reads
`os.environ`. Secrets are `SecretStr`, so they print as `**********`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Literal

from limits import parse as parse_rate
from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from summarizer.settings import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_TOTAL_TIMEOUT,
    FetchSettings,
)


class ConfigError(ValueError):
    """A setting is missing or wrong; the message names the environment variable."""


def describe(error: ValidationError) -> str:
    """One line naming the first wrong setting and what is wrong; never its value (secrets)."""
    first = error.errors()[0]
    name = ".".join(str(part) for part in first["loc"]) or "settings"
    more = len(error.errors()) - 1
    return f"{name}: {first['msg']}" + (f" (and {more} more)" if more else "")


def default_data_dir() -> Path:
    """Where the embedded SQLite store and the jieba cache live by default."""
    return Path.home() / ".local" / "share" / "digestbot"


def _split_csv(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return ()


class Settings(BaseSettings):
    """Everything configurable, with the environment variable that sets it."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default_factory=default_data_dir, alias="DIGESTBOT_DATA_DIR")
    database_url: str | None = Field(default=None, alias="DIGESTBOT_DATABASE_URL")
    redis_url: str | None = Field(default=None, alias="DIGESTBOT_REDIS_URL")
    log_level: str = Field(default="INFO", alias="DIGESTBOT_LOG_LEVEL")

    fetch_allow_hosts: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(), alias="DIGESTBOT_FETCH_ALLOW_HOSTS"
    )
    fetch_connect_timeout: float = Field(
        default=DEFAULT_CONNECT_TIMEOUT, alias="DIGESTBOT_FETCH_CONNECT_TIMEOUT"
    )
    fetch_total_timeout: float = Field(
        default=DEFAULT_TOTAL_TIMEOUT, alias="DIGESTBOT_FETCH_TOTAL_TIMEOUT"
    )
    fetch_max_bytes: int = Field(default=DEFAULT_MAX_BYTES, alias="DIGESTBOT_FETCH_MAX_BYTES")
    fetch_max_redirects: int = Field(
        default=DEFAULT_MAX_REDIRECTS, alias="DIGESTBOT_FETCH_MAX_REDIRECTS"
    )

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str | None = Field(default=None, alias="SLACK_API_URL")
    slack_client_id: str | None = Field(default=None, alias="SLACK_CLIENT_ID")
    slack_client_secret: SecretStr | None = Field(default=None, alias="SLACK_CLIENT_SECRET")

    rate_per_user: str = Field(default="10/minute", alias="DIGESTBOT_RATE_PER_USER")
    rate_per_channel: str = Field(default="60/minute", alias="DIGESTBOT_RATE_PER_CHANNEL")
    fetch_concurrency: int = Field(default=8, ge=1, alias="DIGESTBOT_FETCH_CONCURRENCY")
    fetch_per_host: int = Field(default=4, ge=1, alias="DIGESTBOT_FETCH_PER_HOST")
    workers: int = Field(default=2, ge=1, alias="DIGESTBOT_WORKERS")
    worker_mode: Literal["process", "thread"] = Field(
        default="process", alias="DIGESTBOT_WORKER_MODE"
    )
    shutdown_seconds: float = Field(default=20.0, ge=0, alias="DIGESTBOT_SHUTDOWN_SECONDS")
    job_seconds: float = Field(default=10.0, gt=0, alias="DIGESTBOT_JOB_SECONDS")
    worker_memory_mb: int = Field(default=512, ge=0, alias="DIGESTBOT_WORKER_MEMORY_MB")
    queue: Literal["embedded", "redis"] = Field(default="embedded", alias="DIGESTBOT_QUEUE")
    queue_reclaim_seconds: float = Field(
        default=90.0, gt=0, alias="DIGESTBOT_QUEUE_RECLAIM_SECONDS"
    )
    worker_name: str | None = Field(default=None, alias="DIGESTBOT_WORKER_NAME")
    health_port: int = Field(default=8080, ge=1, le=65535, alias="DIGESTBOT_HEALTH_PORT")
    health_host: str = Field(default="127.0.0.1", min_length=1, alias="DIGESTBOT_HEALTH_HOST")
    share_retention_days: float = Field(default=30, gt=0, alias="DIGESTBOT_SHARE_RETENTION_DAYS")
    digest_retention_days: float = Field(default=7, gt=0, alias="DIGESTBOT_DIGEST_RETENTION_DAYS")

    discord_token: SecretStr | None = Field(default=None, alias="DISCORD_TOKEN")
    discord_guild_id: int | None = Field(default=None, alias="DISCORD_GUILD_ID")
    discord_shard_count: int | None = Field(default=None, alias="DISCORD_SHARD_COUNT")
    discord_shard_ids: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(), alias="DISCORD_SHARD_IDS"
    )
    discord_api_base: str | None = Field(default=None, alias="DISCORD_API_BASE")

    @field_validator("fetch_allow_hosts", "discord_shard_ids", mode="before")
    @classmethod
    def _split_csv_field(cls, value: object) -> tuple[str, ...]:
        return _split_csv(value)

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        if value.upper() not in logging.getLevelNamesMapping():
            raise ValueError("should be DEBUG, INFO, WARNING or ERROR")
        return value

    @field_validator("rate_per_user", "rate_per_channel")
    @classmethod
    def _rate(cls, value: str) -> str:
        """A rate limits can parse ("10/minute", "100 per hour"), or empty for no limit."""
        if value.strip():
            try:
                parse_rate(value)
            except ValueError:
                raise ValueError(
                    f"not a rate like '10/minute' or '100 per hour': {value!r}"
                ) from None
        return value

    def fetch_settings(self) -> FetchSettings:
        """The core's fetch limits, from these settings."""
        return FetchSettings(
            connect_timeout=self.fetch_connect_timeout,
            total_timeout=self.fetch_total_timeout,
            max_bytes=self.fetch_max_bytes,
            max_redirects=self.fetch_max_redirects,
            allow_hosts=self.fetch_allow_hosts,
        )
