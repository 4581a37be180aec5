"""Logging for the application (the library code never configures logging).

JSON lines when stderr is not a terminal (containers, systemd), readable
lines on a terminal. A filter masks anything that looks like a Slack or
Discord token or a URL password, and cuts URLs at their query string, so a
secret that slips into a message still never reaches the log. Each request
gets an id (`request_scope`) that every record logged while handling it
carries, including records from the background jobs it starts, since asyncio
tasks inherit the context.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["RedactingFilter", "RequestIdFilter", "configure_logging", "redact", "request_scope"]

_REQUEST_ID: ContextVar[str | None] = ContextVar("digestbot_request_id", default=None)

_SECRET = re.compile(
    r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+"
    r"|[MN][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}"
    r"|(?<=://)[^/\s:@]+:[^/\s@]+(?=@)"
)


# A URL's query string: signed links (S3, CDNs) carry their credentials there.
_QUERY = re.compile(r"(https?://[^\s?#\"'<>]+)\?[^\s#\"'<>]*")


def redact(text: str) -> str:
    """`text` with tokens and URL credentials replaced by "***", URL queries cut to "?…"."""
    return _QUERY.sub(r"\1?…", _SECRET.sub("***", text))


class RedactingFilter(logging.Filter):
    """Masks secrets in every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


@contextmanager
def request_scope(request_id: str | None = None) -> Iterator[str]:
    """Tag every record logged inside (and in tasks started inside) with one request id."""
    value = request_id or uuid.uuid4().hex[:16]
    token = _REQUEST_ID.set(value)
    try:
        yield value
    finally:
        _REQUEST_ID.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to records logged within a `request_scope`."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = _REQUEST_ID.get()
        if request_id is not None:
            record.request_id = request_id
        return True


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("request_id", "platform", "stage", "ms"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


# Libraries whose INFO lines are start-up chatter (alembic's migration context,
# Bolt's and the Socket Mode client's greetings): shown only at DEBUG.
CHATTY_LOGGERS = ("alembic", "slack_bolt", "slack_sdk.socket_mode")


def configure_logging(level: str = "INFO") -> None:
    """Install one handler on the root logger (idempotent); libraries' chatter below INFO."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_digestbot", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._digestbot = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter())
    handler.addFilter(RequestIdFilter())
    if sys.stderr.isatty():
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    else:
        handler.setFormatter(_JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level.upper())
    chatty = logging.NOTSET if root.level <= logging.DEBUG else logging.WARNING
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(chatty)
