"""Multi-workspace Slack: the OAuth install flow, on when the app's client id and secret are set.

`GET /slack/install` sends the installer to Slack's authorize page with a
one-time `state` (kept in our database, and in a cookie Bolt checks); Slack
sends them back to `GET /slack/oauth_redirect`, where Bolt trades the code for
the workspace's bot token (`oauth.v2.access`, on the same Web API base URL as
every other call, so `SLACK_API_URL` applies) and saves the installation.
From then on Bolt looks up each request's workspace in the installation store
and hands the listener a client authorized for it (`context.client`).
"""

from __future__ import annotations

from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

from bots.config import Settings
from bots.storage.slack_oauth import SlackOAuthStores, slack_oauth_stores

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
BOT_SCOPES = (
    "commands", "chat:write", "chat:write.public", "links:read", "links:write",
    "app_mentions:read", "channels:history", "groups:history", "im:history", "mpim:history",
    "users:read", "channels:read", "groups:read", "reactions:write",
)  # fmt: skip
"""What the listeners use: `oauth_config.scopes.bot` in deploy/slack/manifest.yml."""


def oauth_enabled(settings: Settings) -> bool:
    """True when `SLACK_CLIENT_ID` and `SLACK_CLIENT_SECRET` are both set."""
    return bool(settings.slack_client_id) and settings.slack_client_secret is not None


def oauth_settings(settings: Settings, stores: SlackOAuthStores) -> AsyncOAuthSettings:
    """Bolt's install flow on our database, redirecting straight to Slack (no install page)."""
    assert settings.slack_client_id is not None and settings.slack_client_secret is not None
    return AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        user_scopes=[],
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        install_page_rendering_enabled=False,
        installation_store=stores.installation_store,
        state_store=stores.state_store,
    )


def oauth_stores(settings: Settings) -> SlackOAuthStores | None:
    """The installation and state stores when OAuth is configured, else None (token mode)."""
    if not oauth_enabled(settings):
        return None
    assert settings.slack_client_id is not None
    return slack_oauth_stores(settings, client_id=settings.slack_client_id)
