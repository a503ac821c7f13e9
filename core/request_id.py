"""The request id: which request (or which request's background task) wrote a log line.

`RequestIdMiddleware` takes the proxy's `X-Request-ID` (nginx's `$request_id`) when it is short and
plain, else makes one, and answers with it in the same header, so a person quoting the id of a
failed page leads to its log lines. `RequestIdFilter`, on the log handler (cme/settings/base.py),
writes the id on every record; inside a Celery task also the task's id and name. The id travels to
tasks in their message headers (core/task_request_id.py).

Kept free of Django and Celery imports: logging loads this module before the apps are ready.
"""

import logging
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
# What nginx sends (32 hex digits) and what other proxies send (a UUID, a short token); nothing
# that could break a log line or a header (no spaces, newlines or quotes).
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
task_var: ContextVar[tuple[str, str] | None] = ContextVar("task", default=None)


def request_id_make(proposed: str | None = None) -> str:
    """The proxy's id when it is safe to log and repeat, else a new one (a uuid4)."""
    if proposed and _SAFE.fullmatch(proposed):
        return proposed
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Gives every request an id, for its log lines, its tasks and its response's header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_make(request.headers.get(HEADER))
        # Not reset on the way out: Django logs an error response after the middleware has
        # returned; the next request (or `request_finished`, core/apps.py) replaces it.
        request_id_var.set(request.request_id)
        response = self.get_response(request)
        response[HEADER] = request.request_id
        return response


def request_id_forget(**kwargs) -> None:
    """Once a response is sent, what the thread logs next belongs to no request."""
    request_id_var.set(None)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record, and `task_id` and `task_name` inside a task."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        task = task_var.get()
        if task is not None:
            record.task_id, record.task_name = task
        return True
