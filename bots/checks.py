"""`digestbot check`: is this configuration able to run, without starting a bot?

Each check gives one line — `ok`, or `FAIL` with the setting and what is
wrong — and changes nothing: tokens are checked for presence and shape (not
sent anywhere), the database is connected to and its schema revision read
(never migrated), Redis is pinged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic import SecretStr
from redis.asyncio import Redis
from sqlalchemy import Connection

from bots.config import Settings
from bots.storage.base import StoreUnavailable
from bots.storage.database import DEFAULT_CONNECT_TIMEOUT, create_engine, database_url, redact
from bots.storage.failures import unavailable_on_failure
from bots.storage.migrate import MIGRATIONS_DIR
from bots.storage.schema import VERSION_TABLE

__all__ = ["Check", "run_checks"]

# The shapes the platforms issue: Slack's documented prefixes, Slack's 32-hex signing
# secret, and Discord's three dot-separated base64url parts.
_SHAPES = {
    "SLACK_BOT_TOKEN": (re.compile(r"xoxb-[A-Za-z0-9-]+"), "an xoxb-… bot token"),
    "SLACK_APP_TOKEN": (re.compile(r"xapp-[A-Za-z0-9-]+"), "an xapp-… app-level token"),
    "SLACK_SIGNING_SECRET": (re.compile(r"[0-9a-f]{32}"), "32 hexadecimal digits"),
    "DISCORD_TOKEN": (re.compile(r"[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}"), "a Discord bot token"),
}


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the report."""

    ok: bool
    what: str
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.what}: {self.detail}"


def token_checks(settings: Settings) -> list[Check]:
    """Every platform token that is set has the shape its platform issues."""
    values: dict[str, SecretStr | None] = {
        "SLACK_BOT_TOKEN": settings.slack_bot_token,
        "SLACK_APP_TOKEN": settings.slack_app_token,
        "SLACK_SIGNING_SECRET": settings.slack_signing_secret,
        "DISCORD_TOKEN": settings.discord_token,
    }
    present = {name: value for name, value in values.items() if value is not None}
    if not present and not settings.slack_client_id:
        return [Check(True, "tokens", "none set: `digestbot run` starts the console")]
    checks = []
    for name, value in present.items():
        shape, wanted = _SHAPES[name]
        ok = shape.fullmatch(value.get_secret_value().strip()) is not None
        checks.append(Check(ok, name, "well-formed" if ok else f"should be {wanted}"))
    return checks


async def database_check(settings: Settings) -> Check:
    """The database answers, and its schema revision against this version's."""
    url = database_url(settings)
    engine = create_engine(url)
    head = ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    try:
        async with unavailable_on_failure(f"database {redact(url)}"), engine.connect() as conn:
            revision = await conn.run_sync(_revision)
    except StoreUnavailable as exc:
        return Check(False, "DIGESTBOT_DATABASE_URL", str(exc))
    finally:
        await engine.dispose()
    if revision is None:
        state = "reachable, no schema yet (created at start)"
    elif revision == head:
        state = f"reachable, schema {revision} (current)"
    else:
        state = f"reachable, schema {revision}; this version upgrades it to {head} at start"
    return Check(True, "DIGESTBOT_DATABASE_URL", f"{redact(url)} {state}")


def _revision(connection: Connection) -> str | None:
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


async def redis_check(settings: Settings) -> Check | None:
    """Redis answers PING; None when no Redis is configured."""
    if not settings.redis_url:
        return None
    target = f"redis {redact(settings.redis_url)}"
    client: Redis = Redis.from_url(
        settings.redis_url,
        socket_connect_timeout=DEFAULT_CONNECT_TIMEOUT,
        socket_timeout=DEFAULT_CONNECT_TIMEOUT,
    )
    try:
        async with unavailable_on_failure(target):
            await client.ping()
    except StoreUnavailable as exc:
        return Check(False, "DIGESTBOT_REDIS_URL", str(exc))
    finally:
        await client.aclose()
    return Check(True, "DIGESTBOT_REDIS_URL", f"{redact(settings.redis_url)} reachable")


async def run_checks(settings: Settings) -> list[Check]:
    """Every check, in the order an operator fixes things."""
    checks = token_checks(settings)
    checks.append(await database_check(settings))
    redis = await redis_check(settings)
    if redis is not None:
        checks.append(redis)
    return checks
