"""Progress of background work, for the progress bars of long tasks.

A task reports `{"done": n, "total": m}` through `job_progress()`; the page polls `/jobs/<id>/`.
A job is readable only by the user who started it, whose id the task carries in its meta; a job
whose meta names no owner yet (queued, just started, or an unknown id) tells its state only. A task
that reports a `message` stores its id (`gettext_noop`) and `message_params`: the page polling the
job may be read in another language than the task ran in, so the message is translated here.
"""

import uuid

from celery import current_task
from celery.result import AsyncResult

from django.db import transaction
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _

from core.task_language import stored_text_shown


def job_start(task, *, args=(), kwargs=None, job_id: str | None = None) -> str:
    """Queue a background job once the current transaction commits; returns the id to follow.

    The one way pages start background work: the records the task reads exist when it runs, and
    the page knows the job's id at once (to store it, or to poll `/jobs/<id>/`).
    """
    job_id = job_id or str(uuid.uuid4())
    transaction.on_commit(
        lambda: task.apply_async(args=list(args), kwargs=kwargs or {}, task_id=job_id)
    )
    return job_id


def job_progress(*, done: int, total: int, user_id: int | None = None, **extra) -> None:
    """Record how far the current task has come; a no-op outside a worker."""
    task = current_task
    if not task or task.request.id is None or task.request.is_eager:  # a Proxy: never None
        return
    task.update_state(
        state="PROGRESS", meta={"done": done, "total": total, "user_id": user_id, **extra}
    )


def job_status(request, task_id: str):
    if not request.user.is_authenticated:
        raise Http404
    result = AsyncResult(task_id)
    info = result.info if isinstance(result.info, dict) else {}
    if "user_id" in info and info["user_id"] != request.user.pk:
        raise Http404
    if "user_id" not in info:
        # Queued, just started (Celery's own meta: worker and pid) or unknown: nothing to tell.
        info = {}
    payload = {
        "state": result.state,
        "done": info.get("done", 0),
        "total": info.get("total", 0),
        "ready": result.ready(),
        "failed": result.failed(),
        "url": info.get("url", ""),
        "message": stored_text_shown(info.get("message", ""), info.get("message_params")),
    }
    if result.failed():
        payload["message"] = _("The job failed. Please try again or contact an administrator.")
    return JsonResponse(payload)
