"""Logging for the application (the library code never configures logging).

JSON lines when stderr is not a terminal (containers, systemd), readable
lines on a terminal. A filter masks anything that looks like a Slack or
Discord token or a URL password, so a secret that slips into a message still
never reaches the log.
"""

from __future__ import annotations

import json
import logging
import re
import sys

__all__ = ["RedactingFilter", "configure_logging", "redact"]

_SECRET = re.compile(
    r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+"
    r"|[MN][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}"
    r"|(?<=://)[^/\s:@]+:[^/\s@]+(?=@)"
)


def redact(text: str) -> str:
    """`text` with tokens and URL credentials replaced by "***"."""
    return _SECRET.sub("***", text)


class RedactingFilter(logging.Filter):
    """Masks secrets in every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
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


def configure_logging(level: str = "INFO") -> None:
    """Install one handler on the root logger (idempotent)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_digestbot", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._digestbot = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter())
    if sys.stderr.isatty():
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    else:
        handler.setFormatter(_JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level.upper())
