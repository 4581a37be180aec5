"""A fake Discord on 127.0.0.1: the REST API and the websocket gateway, with aiohttp.

Just enough of Discord for the real discord.py client to log in, connect,
resume, receive recorded MESSAGE_CREATE / INTERACTION_CREATE payloads and
send replies; every write the bot makes is recorded for the tests to read.
Quirks discord.py 2.7 relies on are reproduced on purpose: JSON bodies carry
`Content-Type: application/json` exactly, a 429 carries a `Via` header (or
discord.py takes it for a Cloudflare ban), interaction callbacks answer
`{"interaction": {...}}`.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

PAYLOADS = Path(__file__).resolve().parent / "payloads"
APP_ID = "1100000000000000001"
GUILD_ID = "1200000000000000001"
CHANNEL_ID = "1300000000000000001"
OTHER_CHANNEL_ID = "1300000000000000002"
MESSAGE_CONTENT_INTENT = 1 << 15
HEARTBEAT_MS = 41250


def load_payload(name: str) -> dict[str, Any]:
    """A recorded payload, as a fresh dict the test may change."""
    return json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """JSON with `Content-Type: application/json` and no charset, as discord.py requires."""
    body = json.dumps(data).encode()
    return web.Response(
        body=body, status=status, headers={"Content-Type": "application/json", **(headers or {})}
    )


@dataclass
class Sent:
    """One write the bot made: a channel message, an interaction callback or a followup."""

    kind: str
    path: str
    payload: dict[str, Any]
    query: dict[str, str] = field(default_factory=dict)
    created: dict[str, Any] | None = None
    """The message the fake made of it, for the ids a later reply may point to."""


@dataclass
class _Session:
    ws: web.WebSocketResponse
    seq: int = 0
    session_id: str = ""


class FakeDiscord:
    """The fake; `await start()`, point discord.py at `api_base`, then `dispatch` events."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.command_syncs: list[tuple[str, list[dict[str, Any]]]] = []
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.message_content_granted = True
        self.failed: list[str] = []
        self._failures: list[tuple[str, int, float]] = []
        self._sessions: list[_Session] = []
        self._ids = itertools.count(1800000000000000001)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def stop(self) -> None:
        for session in self._sessions:
            await session.ws.close()
        if self._runner:
            await self._runner.cleanup()

    def fail_next(self, path_prefix: str, *, status: int = 429, retry_after: float = 0.2) -> None:
        """Answer the next POST under `path_prefix` with `status` (429 carries Retry-After)."""
        self._failures.append((path_prefix, status, retry_after))

    # -- waiting ---------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 15.0) -> None:
        """Block until `predicate()` holds after some request; fail the test on timeout."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(predicate), timeout)

    async def wait_sent(self, count: int, kind: str | None = None) -> list[Sent]:
        """The first `count` writes of `kind`, once they have arrived."""
        await self.wait_for(lambda: len(self.of_kind(kind)) >= count)
        return self.of_kind(kind)[:count]

    def of_kind(self, kind: str | None) -> list[Sent]:
        return [s for s in self.sent if kind is None or s.kind == kind]

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # -- gateway ---------------------------------------------------------------

    async def wait_ready(self, sessions: int = 1) -> None:
        await self.wait_for(lambda: sum(1 for s in self._sessions if s.session_id) >= sessions)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH to every live gateway session."""
        for session in list(self._sessions):
            if session.session_id and not session.ws.closed:
                await self._send_event(session, event, data)

    async def drop_connections(self, code: int = 4000) -> None:
        """Close every gateway socket the way Discord does on a server restart."""
        for session in list(self._sessions):
            await session.ws.close(code=code, message=b"fake restart")

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        session = _Session(ws)
        self._sessions.append(session)
        await ws.send_json(
            {"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}, "s": None, "t": None}
        )
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            await self._on_gateway_message(session, json.loads(msg.data))
        self._sessions.remove(session)
        await self._notify()
        return ws

    async def _on_gateway_message(self, session: _Session, msg: dict[str, Any]) -> None:
        op, data = msg["op"], msg.get("d")
        if op == 1:
            await session.ws.send_json({"op": 11, "d": None, "s": None, "t": None})
        elif op == 2:
            await self._identify(session, data)
        elif op == 6:
            self.resumes.append(data)
            session.session_id, session.seq = data["session_id"], data["seq"]
            await self._send_event(session, "RESUMED", {"_trace": ["fake"]})
        await self._notify()

    async def _identify(self, session: _Session, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        if data["intents"] & MESSAGE_CONTENT_INTENT and not self.message_content_granted:
            await session.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        ready = load_payload("ready")
        session.session_id = f"session-{len(self.identifies)}"
        ready.update(session_id=session.session_id, resume_gateway_url=self.gateway_url)
        ready["shard"] = data.get("shard", [0, 1])
        await self._send_event(session, "READY", ready)
        await self._send_event(session, "GUILD_CREATE", load_payload("guild_create"))

    async def _send_event(self, session: _Session, event: str, data: dict[str, Any]) -> None:
        session.seq += 1
        await session.ws.send_json({"op": 0, "t": event, "s": session.seq, "d": data})

    # -- REST ------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        failure = self._take_failure(request.method, path)
        if failure:
            return failure
        try:
            response = await self._route(request, path)
        finally:
            await self._notify()
        return response

    def _take_failure(self, method: str, path: str) -> web.Response | None:
        for index, (prefix, status, retry_after) in enumerate(self._failures):
            if method == "POST" and path.startswith(prefix):
                del self._failures[index]
                self.failed.append(path)
                body = {"message": "You are being rate limited.", "retry_after": retry_after}
                headers = {"Retry-After": str(retry_after), "Via": "1.1 google"}
                return json_response({**body, "global": False}, status, headers)
        return None

    async def _route(self, request: web.Request, path: str) -> web.Response:
        parts = path.strip("/").split("/")
        if request.method == "GET":
            return self._get(path)
        payload = await _read_payload(request)
        if request.method == "PUT" and parts[0] == "applications":
            return self._sync(path, payload)
        if request.method == "DELETE":
            self.sent.append(Sent("delete", path, payload, dict(request.query)))
            return web.Response(status=204)
        if parts[0] == "interactions":
            return self._callback(request, path, payload, parts[1])
        if parts[0] == "channels" and parts[-1] == "typing":
            self.sent.append(Sent("typing", path, payload, dict(request.query), None))
            return web.Response(status=204)
        if parts[0] in ("channels", "webhooks"):
            kind = "message" if parts[0] == "channels" else "followup"
            message = self._message(payload, parts[1] if kind == "message" else CHANNEL_ID)
            self.sent.append(Sent(kind, path, payload, dict(request.query), message))
            return json_response(message)
        return json_response({"message": "404: Not Found", "code": 0}, 404)

    def _get(self, path: str) -> web.Response:
        if path == "/gateway/bot":
            return json_response({**load_payload("gateway_bot"), "url": self.gateway_url})
        if path == "/users/@me":
            return json_response(load_payload("user_me"))
        if path == "/oauth2/applications/@me":
            return json_response(load_payload("application_me"))
        guild = load_payload("guild_create")
        for channel in guild["channels"]:  # GET /channels/{id}: a REST-only client's lookup
            if path == f"/channels/{channel['id']}":
                return json_response({**channel, "guild_id": guild["id"]})
        return json_response({"message": "404: Not Found", "code": 0}, 404)

    def _sync(self, path: str, commands: Any) -> web.Response:
        self.command_syncs.append((path, commands))
        synced = [
            {
                "description": "",
                **c,
                "id": str(next(self._ids)),
                "application_id": APP_ID,
                "version": "1",
            }
            for c in commands
        ]
        return json_response(synced)

    def _callback(
        self, request: web.Request, path: str, payload: dict[str, Any], interaction_id: str
    ) -> web.Response:
        self.sent.append(Sent("callback", path, payload, dict(request.query)))
        flags = (payload.get("data") or {}).get("flags", 0)
        interaction = {
            "id": interaction_id,
            "type": 2,
            "response_message_loading": payload["type"] == 5,
            "response_message_ephemeral": bool(flags & 64),
        }
        return json_response({"interaction": interaction, "resource": {"type": payload["type"]}})

    def _message(self, payload: dict[str, Any], channel_id: str) -> dict[str, Any]:
        message = load_payload("message_create")
        message.update(
            id=str(next(self._ids)),
            channel_id=channel_id,
            content=payload.get("content") or "",
            embeds=copy.deepcopy(payload.get("embeds") or []),
            components=copy.deepcopy(payload.get("components") or []),
            author=load_payload("user_me"),
        )
        return message


async def _read_payload(request: web.Request) -> Any:
    if request.content_type == "multipart/form-data":
        form = await request.post()
        return json.loads(str(form["payload_json"]))
    if not request.can_read_body:
        return {}
    return await request.json()
