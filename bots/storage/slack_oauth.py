"""Slack multi-workspace OAuth: installations and OAuth state in our database.

slack_sdk ships async SQLAlchemy stores (`AsyncSQLAlchemyInstallationStore`,
`AsyncSQLAlchemyOAuthStateStore`, slack_sdk ≥ 3.35); bolt's `AsyncOAuthSettings`
takes them as they are. Their tables are part of `schema.metadata`, so
`open_store()` (which migrates) must have run once before they are used.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore

from bots.config import Settings
from bots.storage.database import create_engine, database_url
from bots.storage.schema import SLACK_BOTS, SLACK_INSTALLATIONS, SLACK_OAUTH_STATES

# How long an install link stays valid; Slack's own examples use ten minutes.
DEFAULT_OAUTH_STATE_SECONDS = 600


@dataclass(frozen=True, slots=True)
class SlackOAuthStores:
    """What bolt's `AsyncOAuthSettings(installation_store=…, state_store=…)` needs."""

    installation_store: AsyncSQLAlchemyInstallationStore
    state_store: AsyncSQLAlchemyOAuthStateStore


def slack_oauth_stores(
    settings: Settings,
    *,
    client_id: str,
    state_expiration_seconds: int = DEFAULT_OAUTH_STATE_SECONDS,
) -> SlackOAuthStores:
    """Async Slack OAuth stores on the configured database, for app `client_id`.

    They share one engine; dispose of it with
    `await stores.installation_store.engine.dispose()` at shutdown.
    """
    engine = create_engine(database_url(settings))
    return SlackOAuthStores(
        installation_store=AsyncSQLAlchemyInstallationStore(
            client_id=client_id,
            engine=engine,
            bots_table_name=SLACK_BOTS,
            installations_table_name=SLACK_INSTALLATIONS,
        ),
        state_store=AsyncSQLAlchemyOAuthStateStore(
            expiration_seconds=state_expiration_seconds,
            engine=engine,
            table_name=SLACK_OAUTH_STATES,
        ),
    )
