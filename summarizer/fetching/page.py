"""A fetched page as plain data: what fetching hands to extraction, in any process.

A module of its own, without httpx: the chat fronts and the worker pools pass
pages around, and the fronts never fetch unless a job must run there (Redis
refused it); importing the fetcher with the type cost them httpx's 10 MB.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Page"]


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched body and its declared type: plain data, safe to send to a worker process."""

    url: str
    content_type: str | None
    body: bytes
