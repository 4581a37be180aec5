"""A fake Slack on 127.0.0.1: the Web API methods digestbot calls, response_urls, Socket Mode.

Every call is recorded (method, merged query/form/JSON parameters, bearer
token) so tests assert on what Slack would have received. `throttle(method, n)`
makes the next `n` calls of a method answer 429 with `Retry-After: 1`.
`oauth.v2.access` installs the app in team T2 (bot token `xoxb-T2`) for
`OAUTH_CODE`. `/ws` is a Socket Mode server: `apps.connections.open` hands out its URL,
`push(envelope)` sends an envelope and `wait_ack(id)` returns the app's ack.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web

BOT_USER = "UBOT"
BOT_ID = "BBOT"
OAUTH_CODE = "code-for-T2"
INSTALLED_TEAM = "T2"
INSTALLED_TOKEN = "xoxb-T2"
_LOOKUPS = frozenset({"auth.test", "users.info", "conversations.info"})


@dataclass(frozen=True)
class Call:
    """One request the fake received."""

    method: str
    params: dict[str, Any]
    token: str | None
    status: int = 200
    answer: dict[str, Any] | None = None
    peer: tuple[str, int] | None = None
    """The caller's address and port: one connection per client session shows as one port."""


class FakeSlack:
    """The Web API under `/api/`, response_urls under `/respond/`, Socket Mode on `/ws`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.threads: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.people: dict[str, dict[str, Any]] = {}  # users.info answers by user id
        self.creators: dict[str, str] = {}  # conversations.info creator by channel
        self.default_creator = "U0STEVE"
        self._throttled: dict[str, int] = {}
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._sockets: list[web.WebSocketResponse] = []
        self._acks: dict[str, dict[str, Any]] = {}
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_get("/ws", self._websocket)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        for socket in self._sockets:
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}"

    def throttle(self, method: str, times: int = 1) -> None:
        self._throttled[method] = times

    def to(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every answered (not throttled) call of `method`, in arrival order."""
        return [c.params for c in self.calls if c.method == method and c.status == 200]

    def answers(self, method: str) -> list[dict[str, Any]]:
        """What the fake answered to each successful call of `method`."""
        return [c.answer for c in self.calls if c.method == method and c.answer is not None]

    def sent(self) -> list[Call]:
        """Every call but lookups (`auth.test`, `users.info`, …): what could have reached a user."""
        return [c for c in self.calls if c.method not in _LOOKUPS]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 20.0) -> list[Any]:
        """Block until `method` has been called `count` times; return those calls."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.to(method)) >= count), timeout
            )
        return self.to(method)

    async def push(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope to the connected app."""
        await self._sockets[-1].send_json(envelope)

    async def wait_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: envelope_id in self._acks), timeout
            )
        return self._acks[envelope_id]

    async def wait_connected(self, timeout: float = 5.0) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: bool(self._sockets)), timeout)

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        params = await _params(request)
        if self._throttled.get(method, 0) > 0:
            self._throttled[method] -= 1
            await self._record(Call(method, params, token, status=429))
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"}
            )
        answer = self._answer(method, params, token)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        await self._record(Call(method, params, token, answer=answer, peer=peer))
        return web.json_response(answer)

    def _answer(self, method: str, params: dict[str, Any], token: str) -> dict[str, Any]:
        channel = params.get("channel", "")
        if method == "auth.test":
            return _auth_test(token)
        if method == "oauth.v2.access":
            return _oauth_access(params)
        if method == "chat.postMessage":
            return {"ok": True, "channel": channel, "ts": f"1700000000.{next(self._ts):06d}"}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if method == "chat.delete":
            return {"ok": True, "channel": channel, "ts": params.get("ts")}
        if method == "chat.getPermalink":
            ts = str(params.get("message_ts", "")).replace(".", "")
            return {"ok": True, "permalink": f"https://fake.slack.com/archives/{channel}/p{ts}"}
        if method == "conversations.replies":
            return {"ok": True, "messages": self.threads.get((channel, params.get("ts", "")), [])}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/ws"}
        if method in ("chat.unfurl", "reactions.add", "reactions.remove", "views.publish"):
            return {"ok": True}
        if method == "users.info":
            user = str(params.get("user", ""))
            return {
                "ok": True,
                "user": {"id": user, "locale": "en-US", **self.people.get(user, {})},
            }
        if method == "conversations.info":
            creator = self.creators.get(channel, self.default_creator)
            return {"ok": True, "channel": {"id": channel, "creator": creator}}
        return {"ok": False, "error": "unknown_method"}

    async def _respond(self, request: web.Request) -> web.Response:
        params = {**await request.json(), "name": request.match_info["name"]}
        await self._record(Call("response_url", params, None))
        return web.Response(text="ok")

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1})
        async with self._changed:
            self._sockets.append(socket)
            self._changed.notify_all()
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                ack = json.loads(message.data)
                async with self._changed:
                    self._acks[ack["envelope_id"]] = ack
                    self._changed.notify_all()
        return socket


def _auth_test(token: str) -> dict[str, Any]:
    """The workspace a token belongs to: T2 for the token `oauth.v2.access` hands out, else T1."""
    team = INSTALLED_TEAM if token == INSTALLED_TOKEN else "T1"
    return {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": team}


def _oauth_access(params: dict[str, Any]) -> dict[str, Any]:
    """Trades `OAUTH_CODE` (and only it) for an installation in team T2."""
    if params.get("code") != OAUTH_CODE:
        return {"ok": False, "error": "invalid_code"}
    return {
        "ok": True,
        "app_id": "A0DIGEST",
        "access_token": INSTALLED_TOKEN,
        "token_type": "bot",
        "scope": "commands,chat:write",
        "bot_user_id": BOT_USER,
        "team": {"id": INSTALLED_TEAM, "name": "Team Two"},
        "authed_user": {"id": "U0INSTALLER"},
    }


async def _params(request: web.Request) -> dict[str, Any]:
    """Query string, form fields and JSON body, merged; JSON-in-form values decoded."""
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
    elif request.can_read_body:
        params.update(await request.post())
    for key in ("blocks", "unfurls"):
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params
