"""The tables, as one SQLAlchemy `MetaData`: the single source of the schema.

Fresh databases are created from this metadata and stamped with the newest
Alembic revision (see `bots.storage.migrate`); later changes to it come with a
revision in `migrations/versions/`. The Slack OAuth tables are defined by
slack_sdk's own builders so its async stores can use them unchanged.

Times are stored in UTC: `UtcDateTime` refuses naive datetimes and always
returns aware ones, on SQLite (which has no time-zone type) as on PostgreSQL.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator

VERSION_TABLE = "digestbot_schema_version"
SLACK_INSTALLATIONS = "slack_installations"
SLACK_BOTS = "slack_bots"
SLACK_OAUTH_STATES = "slack_oauth_states"
KEY_LENGTH = 64  # hex SHA-256 of a URL or claim key: bounded, index-friendly
WORKSPACE_LENGTH = 64  # "ENTERPRISE/TEAM" Slack ids or a Discord guild snowflake

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored in UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the store needs time-zone-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


digest_cache = Table(
    "digest_cache",
    metadata,
    Column("url_key", String(KEY_LENGTH), primary_key=True),
    Column("url", Text, nullable=False),
    Column("digest", JSON, nullable=False),
    Column("stored_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
)

channel_settings = Table(
    "channel_settings",
    metadata,
    Column("platform", String(32), primary_key=True),
    Column("channel", String(128), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("workspace", String(WORKSPACE_LENGTH), index=True),  # bots.storage.workspace
)

claims = Table(
    "claims",
    metadata,
    Column("key_hash", String(KEY_LENGTH), primary_key=True),
    Column("expires_at", UtcDateTime, nullable=False, index=True),
)

shares = Table(
    "shares",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("platform", String(32), nullable=False),
    Column("channel", String(128), nullable=False),
    Column("url", Text, nullable=False),
    Column("url_key", String(KEY_LENGTH), nullable=False),
    Column("shared_at", UtcDateTime, nullable=False),
    Column("user", String(128)),
    Column("message_ref", String(256)),
    Column("title", Text),
    Column("ok", Boolean, nullable=False),
    Column("feedback", JSON),  # person → verdict on the posted digest
    Column("workspace", String(WORKSPACE_LENGTH), index=True),  # bots.storage.workspace
    Index(None, "platform", "channel", "shared_at"),
    Index(None, "platform", "channel", "url_key", "shared_at"),
)

SQLAlchemyInstallationStore.build_installations_table(metadata, SLACK_INSTALLATIONS)
SQLAlchemyInstallationStore.build_bots_table(metadata, SLACK_BOTS)
SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, SLACK_OAUTH_STATES)


def hashed_key(text: str) -> str:
    """The fixed-length key a URL or claim is stored under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
