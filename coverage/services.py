"""Writes of the coverage app: keeping the pre-aggregated tables in step with the records.

The tables are derived data. They count the registry's workforce only: external participants
(another ministry, a company; `HealthWorker.is_external`) are in no cell, numerator or
denominator. `coverage_rebuild` recomputes everything (after a bulk load, nightly);
`coverage_refresh_later` notes the facilities and courses a committed change touched and queues a
task, and `coverage_refresh_pending` recomputes every pair noted, so a new completion shows within
seconds; `headcount_rebuild` recomputes the registry denominators. The
monthly reports are queued one task per subscription (`monthly_reports_queue`) and each is sent
by `monthly_report_send`.
"""

import datetime
import uuid

from django.core.files import File
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import spreadsheets
from core.jobs import job_progress, job_start
from coverage import exports, selectors
from coverage.cell_sql import activity_sql, month_sql, trained_sql, where_sql
from coverage.forms import CoverageFilterForm
from coverage.models import (
    ActivityCell,
    CoverageExport,
    HeadcountCell,
    PendingRefresh,
    ProviderActivityCell,
    ProviderTrainedCell,
    ReportSubscription,
    TrainedCell,
)
from coverage.reports import coverage_report_pdf


def _cells_lock(cursor) -> None:
    if connection.vendor == "postgresql":
        # Refreshes are short; running one at a time keeps two from writing the same cells.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('coverage-cells'))")


def _refresh(*, facility_ids: list | None, course_id: int | None) -> None:
    where, params = where_sql(
        facility_ids=facility_ids, course_id=course_id, course_column="{course}"
    )
    trained_where = where.format(course="c.course_id")
    stale = {"facility_id__in": facility_ids, "course_id": course_id}
    stale = {key: value for key, value in stale.items() if value is not None}
    with transaction.atomic(), connection.cursor() as cursor:
        _cells_lock(cursor)
        for model in (TrainedCell, ActivityCell, ProviderTrainedCell, ProviderActivityCell):
            model.objects.filter(**stale).delete()
        for by_provider in (False, True):
            cursor.execute(trained_sql(trained_where, by_provider=by_provider), params)
            cursor.execute(activity_sql(where, by_provider=by_provider), params + params)


def coverage_refresh_pair(*, facility_id: int, course_id: int) -> None:
    """Recompute the cells of one facility and course (after a completion there changed)."""
    _refresh(facility_ids=[facility_id], course_id=course_id)


def coverage_refresh_pairs(*, pairs) -> None:
    """Recompute the cells of several (facility, course) pairs: one refresh per course."""
    by_course: dict[int, set[int]] = {}
    for facility_id, course_id in pairs:
        by_course.setdefault(course_id, set()).add(facility_id)
    for course_id, facility_ids in sorted(by_course.items()):
        _refresh(facility_ids=sorted(facility_ids), course_id=course_id)


def coverage_refresh_later(*, pairs) -> None:
    """After a change committed: note its (facility, course) pairs and queue a refresh task.

    The notes are written after the change's commit, so whichever task reads them recomputes
    from records that include the change.
    """
    from coverage.tasks import coverage_refresh_pairs_task  # tasks import this module

    PendingRefresh.objects.bulk_create(
        PendingRefresh(facility_id=facility_id, course_id=course_id)
        for facility_id, course_id in sorted(pairs)
    )
    coverage_refresh_pairs_task.delay()


def coverage_refresh_pending(*, pairs=()) -> int:
    """Recompute every pair noted by `coverage_refresh_later` (and `pairs`); returns how many.

    The notes read are removed in the same transaction as their cells are rewritten, one refresh
    at a time (on PostgreSQL an advisory lock, on SQLite the write lock): a refresh that fails
    leaves its notes for the next, and notes written meanwhile wait for the next task, whose
    change queued it.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            _cells_lock(cursor)
        notes = list(PendingRefresh.objects.values_list("pk", "facility_id", "course_id"))
        for start in range(0, len(notes), 500):
            PendingRefresh.objects.filter(
                pk__in=[pk for pk, _facility, _course in notes[start : start + 500]]
            ).delete()
        waiting = {(facility, course) for _pk, facility, course in notes}
        waiting |= {tuple(pair) for pair in pairs}
        coverage_refresh_pairs(pairs=waiting)
    return len(waiting)


def coverage_rebuild() -> None:
    """Recompute every trained and activity cell from the records, and the head counts."""
    _refresh(facility_ids=None, course_id=None)
    headcount_rebuild()


def headcount_rebuild() -> None:
    """Recompute the verified workers of every facility and cadre, by the month they left."""
    table = HeadcountCell._meta.db_table
    left_month = f"CASE WHEN hw.is_active THEN NULL ELSE {month_sql('hw.left_on')} END"
    with transaction.atomic(), connection.cursor() as cursor:
        HeadcountCell.objects.all().delete()
        cursor.execute(
            f"""
            INSERT INTO {table} (facility_id, directorate_id, governorate_id, cadre_id,
                                 left_month, workers)
            SELECT f.id, f.directorate_id, f.governorate_id, hw.cadre_id, {left_month}, COUNT(*)
            FROM workforce_healthworker hw
            JOIN workforce_facility f ON f.id = hw.facility_id
            WHERE hw.is_verified AND NOT hw.is_external AND hw.merged_into_id IS NULL
            GROUP BY f.id, f.directorate_id, f.governorate_id, hw.cadre_id, {left_month}
            """  # noqa: S608
        )


def coverage_export_start(*, user, view: str, file_format: str, query_string: str, language: str):
    """Record a background export and queue it after commit; returns the export."""
    from coverage.tasks import coverage_export_build_task  # tasks import this module

    export = CoverageExport(
        user=user,
        view=view,
        file_format=file_format,
        query=query_string,
        language=language,
        task_id=str(uuid.uuid4()),
    )
    export.full_clean()
    export.save()
    job_start(coverage_export_build_task, kwargs={"export_id": export.pk}, job_id=export.task_id)
    return export


def coverage_export_build(*, export) -> dict:
    """Build a background export as its requester would see it and store the file privately."""
    with translation.override(export.language):
        form = CoverageFilterForm(data=QueryDict(export.query))
        if not form.is_valid():
            raise ValueError(form.errors.as_text())
        query = form.coverage_query()
        focus = form.cleaned_data.get("focus")
        total = exports.estimated_rows(view=export.view, user=export.user, query=query) or 1

        def progress(done: int) -> None:
            if done % 2000 == 0:
                job_progress(done=done, total=total, user_id=export.user_id)

        rows = exports.ROWS[export.view](user=export.user, query=query, focus=focus)
        name = f"coverage-{export.view}-{export.pk}.{export.file_format}"
        if export.file_format == "xlsx":
            handle = spreadsheets.xlsx_write(
                rows, title=export.view, rtl=export.language in ("ar", "ckb"), on_row=progress
            )
        else:
            import tempfile

            handle = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
            for number, line in enumerate(spreadsheets.csv_stream(rows)):
                handle.write(line.encode("utf-8"))
                progress(number)
            handle.seek(0)
        with handle:
            export.file.save(name, File(handle), save=False)
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "finished_at"])
    url = reverse("coverage:export_download", args=[export.pk])
    return {"done": total, "total": total, "user_id": export.user_id, "url": url}


def report_subscription_set(*, user, active: bool, language: str):
    """Subscribe the user to the monthly report (in their language), or unsubscribe them."""

    subscription, _ = ReportSubscription.objects.get_or_create(
        user=user, defaults={"language": language}
    )
    subscription.is_active = active
    subscription.language = language
    subscription.full_clean()
    subscription.save()
    return subscription


def _report_due(subscription, *, today: datetime.date) -> bool:
    """Whether a subscription still waits for this month's report, and may read one."""
    user = subscription.user
    already = subscription.last_sent_on and subscription.last_sent_on.replace(day=1) == (
        today.replace(day=1)
    )
    return not already and bool(user.email) and user.is_active and selectors.user_may_audit(user)


def monthly_reports_queue(*, today: datetime.date | None = None) -> int:
    """Queue this month's report of each subscription that waits for it; returns how many.

    One task per subscription: a report that fails to render or to send (a full mailbox, an SMTP
    error) is retried on its own and stops nobody else's.
    """
    from coverage.tasks import monthly_report_send_task  # tasks import this module

    today = today or timezone.localdate()
    due = [
        subscription.pk
        for subscription in ReportSubscription.objects.filter(is_active=True).select_related("user")
        if _report_due(subscription, today=today)
    ]
    for subscription_id in due:
        monthly_report_send_task.delay(subscription_id=subscription_id, today=today.isoformat())
    return len(due)


def monthly_report_send(*, subscription, today: datetime.date) -> bool:
    """Email one subscriber the report of their scope, once a month; False if not due (any more)."""
    if not _report_due(subscription, today=today):
        return False
    user = subscription.user
    pdf = coverage_report_pdf(user=user, language=subscription.language, today=today)
    with translation.override(subscription.language):
        message = EmailMessage(
            subject=_("Monthly training coverage report"),
            body=_("The training coverage report of your scope is attached."),
            to=[user.email],
        )
    message.attach(f"coverage-{today:%Y-%m}.pdf", pdf, "application/pdf")
    message.send()
    subscription.last_sent_on = today
    subscription.save(update_fields=["last_sent_on"])
    return True
