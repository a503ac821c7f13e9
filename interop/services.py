"""Writes of the DHIS2 push: connections' tokens, a dry run, its confirmed send, the answer kept.

Only national administrators (and superusers) configure connections and push: the figures leave
the ministry for another system, for the whole country or one governorate (`edits_reference_data`).
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.jobs import job_start
from interop.dhis2 import client
from interop.dhis2.payload import data_value_set_for, import_params
from interop.dhis2.secrets import token_open, token_seal
from interop.models import Dhis2Connection, Dhis2Push
from workforce.authority import edits_reference_data

SUMMARY_STATUSES = {"SUCCESS", "WARNING", "ERROR"}


def _ensure_may_push(user) -> None:
    if not edits_reference_data(user):
        raise PermissionDenied


def connection_token_set(*, connection: Dhis2Connection, token: str) -> None:
    """Store a new personal access token, encrypted; an empty one keeps the current token."""
    if token:
        connection.token_encrypted = token_seal(token.strip())


@transaction.atomic
def dhis2_push_start(*, connection: Dhis2Connection, months: list[datetime.date], user):
    """Build the months' dataValueSet and queue its dry run; returns the push."""
    from interop.tasks import dhis2_push_send_task

    _ensure_may_push(user)
    push = Dhis2Push.objects.create(
        connection=connection,
        requested_by=user,
        months=[month.strftime("%Y-%m") for month in months],
        dry_run=True,
        payload=data_value_set_for(user=user, connection=connection, months=months),
    )
    push.task_id = job_start(dhis2_push_send_task, kwargs={"push_id": push.pk})
    push.save(update_fields=["task_id"])
    return push


@transaction.atomic
def dhis2_push_confirm(*, dry_run: Dhis2Push, user) -> Dhis2Push:
    """Queue the real import of exactly what the answered dry run sent; returns the new push."""
    from interop.tasks import dhis2_push_send_task

    _ensure_may_push(user)
    if not dry_run.dry_run or dry_run.state != Dhis2Push.State.DONE:
        raise PermissionDenied
    # A second click, or a second tab, gets the send already under way or done.
    earlier = dry_run.sends.exclude(state=Dhis2Push.State.FAILED).first()
    if earlier is not None:
        return earlier
    push = Dhis2Push.objects.create(
        connection=dry_run.connection,
        requested_by=user,
        confirms=dry_run,
        months=dry_run.months,
        dry_run=False,
        payload=dry_run.payload,
    )
    push.task_id = job_start(dhis2_push_send_task, kwargs={"push_id": push.pk})
    push.save(update_fields=["task_id"])
    return push


def dhis2_push_send(*, push: Dhis2Push) -> str:
    """Send one push and keep DHIS2's answer; a push already answered is not sent again.

    Raises `client.Dhis2Unavailable` (network, 5xx) for the task to retry. A 409 carries the
    import summary with its conflicts: an answer to keep, not a failure to retry.
    """
    if push.state != Dhis2Push.State.QUEUED:
        return push.state
    push.attempts += 1
    push.save(update_fields=["attempts"])
    connection = push.connection
    token = token_open(connection.token_encrypted)
    if not token:
        unreadable = gettext_noop("The connection has no token that can be read: enter it again.")
        return dhis2_push_fail(push=push, error=unreadable)
    status, body = client.data_value_set_post(
        base_url=connection.base_url,
        token=token,
        payload=push.payload,
        params=import_params(connection, dry_run=push.dry_run),
    )
    push.http_status = status
    if status in (401, 403):
        return dhis2_push_fail(
            push=push,
            error=gettext_noop(
                "DHIS2 refused the token (HTTP %(status)s). Enter a valid personal access token "
                "in the connection."
            ),
            params={"status": status},
        )
    summary = body.get("response", body)  # 2.38+ wraps the summary; older versions do not
    if status not in (200, 201, 409) or summary.get("status") not in SUMMARY_STATUSES:
        return dhis2_push_fail(
            push=push,
            error=gettext_noop("DHIS2 answered HTTP %(status)s without an import summary."),
            params={"status": status},
        )
    counts = summary.get("importCount") or {}
    push.import_status = summary["status"]
    for name in ("imported", "updated", "ignored", "deleted"):
        setattr(push, name, int(counts.get(name) or 0))
    push.conflicts = [
        {key: str(conflict.get(key, "")) for key in ("object", "value", "errorCode", "property")}
        for conflict in summary.get("conflicts") or []
        if isinstance(conflict, dict)
    ]
    push.state = Dhis2Push.State.DONE
    push.finished_at = timezone.now()
    push.save()
    return push.state


def dhis2_push_fail(*, push: Dhis2Push, error: str, params: dict | None = None) -> str:
    """Mark a push failed with a message id kept for the reader's language."""
    push.state = Dhis2Push.State.FAILED
    push.error = error
    push.error_params = params or {}
    push.finished_at = timezone.now()
    push.save()
    return push.state
