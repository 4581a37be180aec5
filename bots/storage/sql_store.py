"""The `Store` on SQLAlchemy async: SQLite by default, PostgreSQL when configured.

Writes that must not race are single upserts (`INSERT … ON CONFLICT`), which
both SQLite and PostgreSQL run atomically: a claim is won by the one statement
that inserts the key or takes over an expired one. With a `RedisLayer`,
digests are read through a shared Redis cache first.

Every method raises `StoreUnavailable` when the database cannot be used; a
failing Redis cache only costs a database read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Insert, Row, Select, Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from bots.storage.base import DEFAULT_DIGEST_TTL, Share, StoreUnavailable
from bots.storage.database import redact
from bots.storage.failures import Breaker
from bots.storage.redis_layer import RedisLayer
from bots.storage.schema import channel_settings, claims, digest_cache, hashed_key, shares
from bots.storage.workspace import current_workspace
from summarizer.models import Digest

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class SqlStore:
    """Digest cache, channel settings, claims and share history in one database."""

    def __init__(
        self, engine: AsyncEngine, *, redis: RedisLayer | None = None, clock: Clock = utc_now
    ) -> None:
        self._engine = engine
        self._redis = redis
        self._clock = clock
        self._breaker = Breaker(f"database {redact(engine.url)}")

    async def get_digest(self, url: str) -> Digest | None:
        """The cached digest for `url` (pass the normalised URL), if not expired."""
        if self._redis is not None:
            try:
                cached = await self._redis.get_digest(url)
            except StoreUnavailable as exc:
                logger.warning("digest cache skipped: %s", exc)
            else:
                if cached is not None:
                    return Digest.from_dict(cached)
        query = select(digest_cache.c.digest, digest_cache.c.expires_at).where(
            digest_cache.c.url_key == hashed_key(url), digest_cache.c.expires_at > self._clock()
        )
        async with self._breaker.attempt(), self._engine.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None:
            return None
        await self._cache_in_redis(url, row.digest, ttl=row.expires_at - self._clock())
        return Digest.from_dict(row.digest)

    async def put_digest(
        self, url: str, digest: Digest, *, ttl: timedelta = DEFAULT_DIGEST_TTL
    ) -> None:
        """Cache `digest` for `url` until `ttl` has passed, replacing any older one."""
        now = self._clock()
        data = digest.to_dict()
        values = {"url": url, "digest": data, "stored_at": now, "expires_at": now + ttl}
        await self._upsert(digest_cache, {"url_key": hashed_key(url), **values}, values)
        await self._cache_in_redis(url, data, ttl=ttl)

    async def get_channel_setting(self, platform: str, channel: str, key: str) -> str | None:
        """A channel's setting, or None when it was never set."""
        c = channel_settings.c
        query = select(c.value).where(c.platform == platform, c.channel == channel, c.key == key)
        async with self._breaker.attempt(), self._engine.connect() as conn:
            value = (await conn.execute(query)).scalar_one_or_none()
        return None if value is None else str(value)

    async def get_channel_settings(self, platform: str, channel: str) -> dict[str, str]:
        """Every setting of a channel in one query (each message reads three of them)."""
        c = channel_settings.c
        query = select(c.key, c.value).where(c.platform == platform, c.channel == channel)
        async with self._breaker.attempt(), self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return {str(key): str(value) for key, value in rows}

    async def set_channel_setting(self, platform: str, channel: str, key: str, value: str) -> None:
        """Set (or replace) a channel's setting."""
        changes = {"value": value, "updated_at": self._clock(), **_workspace()}
        row = {"platform": platform, "channel": channel, "key": key, **changes}
        await self._upsert(channel_settings, row, changes)

    async def channels_with_setting(self, platform: str, key: str) -> dict[str, str]:
        """Channel → value for every channel of `platform` where `key` is set (schedules)."""
        c = channel_settings.c
        query = select(c.channel, c.value).where(c.platform == platform, c.key == key)
        async with self._breaker.attempt(), self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return {str(row.channel): str(row.value) for row in rows}

    async def claim(self, key: str, *, ttl: timedelta) -> bool:
        """True for the first caller of `key` within `ttl`, across replicas on this database.

        Redis claims are separate (`bots.storage.claims` asks both).
        """
        now = self._clock()
        row = {"key_hash": hashed_key(key), "expires_at": now + ttl}
        # The update half only fires on an expired claim, so a live one makes
        # this statement change nothing: rowcount 0 means somebody holds it.
        changed = await self._upsert(claims, row, row, only_if=claims.c.expires_at <= now)
        return changed == 1

    async def hold(self, key: str, *, ttl: timedelta) -> None:
        """Hold `key` for `ttl` from now, whoever held it before (the work is done)."""
        row = {"key_hash": hashed_key(key), "expires_at": self._clock() + ttl}
        await self._upsert(claims, row, row)

    async def record_share(self, share: Share) -> None:
        """Remember that `share.url` was posted in a channel."""
        row = {**asdict(share), "url_key": hashed_key(share.url), **_workspace()}
        async with self._breaker.attempt(), self._engine.begin() as conn:
            await conn.execute(shares.insert().values(row))

    async def last_share(
        self, platform: str, channel: str, url: str, *, since: datetime
    ) -> Share | None:
        """The latest *digested* share of `url` in the channel at or after `since`.

        A link that could not be read is remembered (roundups count it) but never
        stops a teammate from trying it again.
        """
        return await self.last_share_of(platform, channel, [url], since=since)

    async def last_share_of(
        self, platform: str, channel: str, urls: Sequence[str], *, since: datetime
    ) -> Share | None:
        """The latest digested share of any of `urls` (one article's forms), in one query."""
        c = shares.c
        query = (
            select(shares)
            .where(c.platform == platform, c.channel == channel, c.ok.is_(True))
            .where(c.url_key.in_([hashed_key(url) for url in urls]), c.shared_at >= since)
            .order_by(c.shared_at.desc(), c.id.desc())
            .limit(1)
        )
        found = await self._shares(query)
        return found[0] if found else None

    async def shares(
        self, platform: str, channel: str, *, since: datetime, until: datetime
    ) -> list[Share]:
        """The channel's shares in `[since, until)`, oldest first."""
        c = shares.c
        query = (
            select(shares)
            .where(c.platform == platform, c.channel == channel)
            .where(c.shared_at >= since, c.shared_at < until)
            .order_by(c.shared_at, c.id)
        )
        return await self._shares(query)

    async def posted_share(self, platform: str, channel: str, message_ref: str) -> Share | None:
        """The share whose digest was posted at `message_ref` (the latest, if posted twice)."""
        query = select(shares).where(_posted(platform, channel, message_ref))
        found = await self._shares(query.order_by(shares.c.id.desc()).limit(1))
        return found[0] if found else None

    async def give_feedback(
        self, platform: str, channel: str, message_ref: str, user: str, verdict: str
    ) -> bool:
        """Keep `user`'s latest verdict on the digest; False only when they gave it already.

        Read and written in one transaction; two people voting at the same
        instant on PostgreSQL may lose one verdict (the counter still counts it).
        A digest whose share is gone (retention) keeps nothing: True, a new verdict.
        """
        c = shares.c
        query = select(c.id, c.feedback).where(_posted(platform, channel, message_ref))
        async with self._breaker.attempt(), self._engine.begin() as conn:
            row = (await conn.execute(query.order_by(c.id.desc()).limit(1))).first()
            if row is None:
                return True
            if (row.feedback or {}).get(user) == verdict:
                return False
            feedback = {**(row.feedback or {}), user: verdict}
            await conn.execute(
                shares.update().where(shares.c.id == row.id).values(feedback=feedback)
            )
        return True

    async def forget_posted(self, platform: str, channel: str, message_ref: str) -> None:
        """The digest at `message_ref` was deleted: forget its share (pointers, roundups)."""
        async with self._breaker.attempt(), self._engine.begin() as conn:
            await conn.execute(delete(shares).where(_posted(platform, channel, message_ref)))

    async def purge_expired(self) -> int:
        """Delete expired cache entries and claims; the number of rows removed."""
        now = self._clock()
        async with self._breaker.attempt(), self._engine.begin() as conn:
            cached = await conn.execute(
                delete(digest_cache).where(digest_cache.c.expires_at <= now)
            )
            claimed = await conn.execute(delete(claims).where(claims.c.expires_at <= now))
        return int(cached.rowcount) + int(claimed.rowcount)

    async def purge_shares(self, *, before: datetime) -> int:
        """Forget shares older than `before` (the retention window); the number removed."""
        async with self._breaker.attempt(), self._engine.begin() as conn:
            result = await conn.execute(delete(shares).where(shares.c.shared_at < before))
        return int(result.rowcount)

    async def forget_channels(self, platform: str, channels: list[str] | None = None) -> int:
        """Delete the shares and settings of `channels` (all of `platform` when None)."""
        removed = 0
        async with self._breaker.attempt(), self._engine.begin() as conn:
            for table in (shares, channel_settings):
                condition = table.c.platform == platform
                if channels is not None:
                    condition = condition & table.c.channel.in_(channels)
                removed += int((await conn.execute(delete(table).where(condition))).rowcount)
        return removed

    async def forget_workspace(self, platform: str, workspace: str) -> int:
        """Delete the shares and settings written for `workspace` (uninstall, guild removal).

        A Slack org ("E") takes its teams' rows ("E/T…") with it.
        """
        removed = 0
        async with self._breaker.attempt(), self._engine.begin() as conn:
            for table in (shares, channel_settings):
                column = table.c.workspace
                mine = (column == workspace) | column.startswith(f"{workspace}/", autoescape=True)
                condition = (table.c.platform == platform) & mine
                removed += int((await conn.execute(delete(table).where(condition))).rowcount)
        return removed

    async def channel_export(self, platform: str, channel: str) -> dict[str, Any]:
        """Everything kept about one channel: its settings and its shares, oldest first."""
        c = channel_settings.c
        query = select(c.key, c.value).where(c.platform == platform, c.channel == channel)
        async with self._breaker.attempt(), self._engine.connect() as conn:
            settings = {str(row.key): str(row.value) for row in (await conn.execute(query)).all()}
        query_shares = (
            select(shares)
            .where(shares.c.platform == platform, shares.c.channel == channel)
            .order_by(shares.c.shared_at, shares.c.id)
        )
        found = await self._shares(query_shares)
        return {"platform": platform, "channel": channel, "settings": settings, "shares": found}

    async def close(self) -> None:
        """Release connections (and the Redis pool)."""
        if self._redis is not None:
            await self._redis.close()
        await self._engine.dispose()

    async def _upsert(
        self,
        table: Table,
        row: Mapping[str, Any],
        changes: Mapping[str, Any],
        *,
        only_if: ColumnElement[bool] | None = None,
    ) -> int:
        """Insert `row`, or apply `changes` to the existing one; rows changed."""
        insert: Callable[[Table], Insert] = (
            postgresql.insert if self._engine.dialect.name == "postgresql" else sqlite.insert
        )
        statement = insert(table).values(dict(row))
        keys = [column.name for column in table.primary_key]
        # Both dialects' Insert have this method, with these arguments, but
        # share no base class that declares it.
        upsert = statement.on_conflict_do_update(  # type: ignore[attr-defined]
            index_elements=keys, set_=dict(changes), where=only_if
        )
        async with self._breaker.attempt(), self._engine.begin() as conn:
            result = await conn.execute(upsert)
        return int(result.rowcount)

    async def _shares(self, query: Select[Any]) -> list[Share]:
        async with self._breaker.attempt(), self._engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_share(row) for row in rows]

    async def _cache_in_redis(self, url: str, data: dict[str, Any], *, ttl: timedelta) -> None:
        if self._redis is None or ttl <= timedelta(0):
            return
        try:
            await self._redis.put_digest(url, data, ttl=ttl)
        except StoreUnavailable as exc:
            logger.warning("digest cache not updated: %s", exc)


def _posted(platform: str, channel: str, message_ref: str) -> ColumnElement[bool]:
    c = shares.c
    return (c.platform == platform) & (c.channel == channel) & (c.message_ref == message_ref)


def _workspace() -> dict[str, str]:
    """The current request's workspace as a column value; nothing outside a request, so an
    upsert from the console or a maintenance command never clears a row's workspace."""
    workspace = current_workspace.get()
    return {} if workspace is None else {"workspace": workspace}


def _share(row: Row[Any]) -> Share:
    return Share(**{f.name: getattr(row, f.name) for f in fields(Share)})
