"""Counting failed Slack Web API calls for /metrics, wherever in the bot they are made.

slack_sdk consults a client's retry handlers after every response and every
transport error; `ApiErrorCounter` is one that never retries and only counts:
an HTTP error status, an `"ok": false` body (by Slack's error code), or a
call that got no answer (by exception type).
"""

from __future__ import annotations

from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bots.metrics import Metrics

_NEVER_STOP_COUNTING = 1 << 30


class ApiErrorCounter(AsyncRetryHandler):
    """Counts each failed Web API call in `metrics`; never asks for a retry."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(max_retry_count=_NEVER_STOP_COUNTING)
        self._metrics = metrics

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        kind = _failure(response, error)
        if kind is not None:
            self._metrics.api_error(kind)
        return False


def _failure(response: HttpResponse | None, error: Exception | None) -> str | None:
    if error is not None:
        return type(error).__name__
    if response is None:
        return None
    if response.status_code >= 400:
        return f"http_{response.status_code}"
    if response.body is not None and response.body.get("ok") is False:
        return str(response.body.get("error", "not_ok"))
    return None
