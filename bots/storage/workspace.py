"""Which workspace a request came from, so that what it writes can be deleted with the workspace.

A workspace is a Slack team (in an Enterprise Grid org: "ENTERPRISE/TEAM",
or the org alone for an org-wide install) or a Discord guild. Shares and
channel settings written while handling a request carry it in their
`workspace` column, so an uninstall, a bot-token revocation or a guild
removal deletes exactly that workspace's rows (`SqlStore.forget_workspace`).

The adapters set `current_workspace` where a request enters (a Bolt
middleware, the Discord client's event entry points, the queue worker from
the job) and the store reads it when it writes: one context variable
instead of a parameter through every answer, roundup and settings path,
as `bots.jobs.job_claims` does for a job's claims. Rows written outside any
request (the console, `digestbot purge`) carry none.
"""

from __future__ import annotations

from contextvars import ContextVar

__all__ = ["current_workspace", "slack_workspace"]

current_workspace: ContextVar[str | None] = ContextVar("digestbot_workspace", default=None)


def slack_workspace(enterprise: str | None, team: str | None) -> str | None:
    """The workspace key of a Slack request: "E/T", "T", "E" (org-wide install) or None."""
    return "/".join(part for part in (enterprise, team) if part) or None
