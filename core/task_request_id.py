"""A task logs with the id of the request that queued it, and with its own id and name.

Queuing writes the current request id into the message's headers (`before_task_publish`); before
the body runs, the worker reads it back (`task_prerun`) for `core.request_id.RequestIdFilter`. A
task queued by a task carries the first request's id on. Run eagerly (tests, a site without a
worker) no message is published: the task runs inside the request and keeps its id. Connected in
core/apps.py.
"""

from celery.signals import before_task_publish, task_postrun, task_prerun

from core.request_id import request_id_var, task_var

HEADER = "request_id"
# What each running task replaced, restored when it ends (an eager task runs inside a request).
_replaced: dict[str, tuple] = {}


def _request_id_of(request) -> str | None:
    """The id a message carries: a header in a worker, in `headers` when applied with headers."""
    request_id = getattr(request, HEADER, None)
    if not request_id and isinstance(getattr(request, "headers", None), dict):
        request_id = request.headers.get(HEADER)
    return request_id or None


def request_id_publish(headers=None, **kwargs) -> None:
    """Writes the current request's id into a message being queued."""
    request_id = request_id_var.get()
    if request_id and headers is not None:
        headers.setdefault(HEADER, request_id)


def task_context_enter(task_id=None, task=None, **kwargs) -> None:
    """Before a task's body: its request id, task id and name go on every log record."""
    request_id = _request_id_of(task.request)
    if request_id is None and task.request.is_eager:
        request_id = request_id_var.get()
    _replaced[task_id] = (request_id_var.get(), task_var.get())
    request_id_var.set(request_id)
    task_var.set((task_id, task.name))


def task_context_leave(task_id=None, **kwargs) -> None:
    """After a task's body: back to what the process logged with before it."""
    request_id, task = _replaced.pop(task_id, (None, None))
    request_id_var.set(request_id)
    task_var.set(task)


def connect() -> None:
    before_task_publish.connect(request_id_publish, dispatch_uid="core.request_id_publish")
    task_prerun.connect(task_context_enter, dispatch_uid="core.task_context_enter")
    task_postrun.connect(task_context_leave, dispatch_uid="core.task_context_leave")
