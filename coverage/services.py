"""Writes of the coverage app: keeping the pre-aggregated tables in step with the records.

The tables are derived data. `coverage_rebuild` recomputes everything (after a bulk load, nightly);
`coverage_refresh_pair` recomputes one facility and course after a completion is recorded, so a new
completion shows within seconds; `headcount_rebuild` recomputes the registry denominators. The
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
from coverage.forms import CoverageFilterForm
from coverage.models import (
    ActivityCell,
    CoverageExport,
    HeadcountCell,
    ReportSubscription,
    TrainedCell,
)
from coverage.reports import coverage_report_pdf


def _month(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {column})::date"
    return f"date({column}, 'start of month')"


def _where(*, facility_ids: list | None, course_id: int | None, course_column: str) -> tuple:
    # A record merged into another is the same person: its leftovers count nowhere.
    clauses, params = ["hw.merged_into_id IS NULL"], []
    if facility_ids is not None:
        clauses.append(f"hw.facility_id IN ({', '.join(['%s'] * len(facility_ids))})")
        params.extend(facility_ids)
    if course_id is not None:
        clauses.append(f"{course_column} = %s")
        params.append(course_id)
    return "".join(f" AND {clause}" for clause in clauses), params


def _trained_sql(where: str) -> str:
    table = TrainedCell._meta.db_table
    return f"""
        INSERT INTO {table} (facility_id, directorate_id, governorate_id, cadre_id, course_id,
                             month, previous_month, workers, completions)
        SELECT f.id, f.directorate_id, f.governorate_id, m.cadre_id, m.course_id, m.month,
               m.previous_month, COUNT(*), SUM(m.completions)
        FROM (
            SELECT wm.*, LAG(wm.month) OVER (
                PARTITION BY wm.health_worker_id, wm.course_id ORDER BY wm.month
            ) AS previous_month
            FROM (
                SELECT c.health_worker_id, c.course_id, hw.facility_id, hw.cadre_id,
                       {_month("c.completed_on")} AS month, COUNT(*) AS completions
                FROM courses_completion c
                JOIN workforce_healthworker hw ON hw.id = c.health_worker_id
                WHERE c.is_complete AND hw.is_verified {where}
                GROUP BY c.health_worker_id, c.course_id, hw.facility_id, hw.cadre_id,
                         {_month("c.completed_on")}
            ) wm
        ) m
        JOIN workforce_facility f ON f.id = m.facility_id
        GROUP BY f.id, f.directorate_id, f.governorate_id, m.cadre_id, m.course_id, m.month,
                 m.previous_month
    """  # noqa: S608 - table names come from the models; values go as parameters


def _activity_sql(where: str) -> str:
    # The scores are summed per enrolment first, so that a participant with both tests adds their
    # own post - pre to the paired gain; the group means keep summing every test.
    table = ActivityCell._meta.db_table
    return f"""
        INSERT INTO {table} (facility_id, directorate_id, governorate_id, cadre_id, course_id,
                             month, certificates, pre_sum, pre_count, post_sum, post_count,
                             tested_count, paired_count, paired_gain_sum)
        SELECT f.id, f.directorate_id, f.governorate_id, a.cadre_id, a.course_id, a.month,
               SUM(a.certificates), SUM(a.pre_sum), SUM(a.pre_count), SUM(a.post_sum),
               SUM(a.post_count), SUM(a.tested), SUM(a.paired), SUM(a.paired_gain)
        FROM (
            SELECT hw.facility_id, hw.cadre_id, c.course_id, {_month("c.completed_on")} AS month,
                   COUNT(*) AS certificates, 0 AS pre_sum, 0 AS pre_count, 0 AS post_sum,
                   0 AS post_count, 0 AS tested, 0 AS paired, 0 AS paired_gain
            FROM certificates_certificate cert
            JOIN courses_completion c ON c.id = cert.completion_id
            JOIN workforce_healthworker hw ON hw.id = c.health_worker_id
            WHERE cert.status = 'valid' {where.format(course="c.course_id")}
            GROUP BY hw.facility_id, hw.cadre_id, c.course_id, {_month("c.completed_on")}
            UNION ALL
            SELECT p.facility_id, p.cadre_id, p.course_id, p.month, 0, SUM(p.pre_sum),
                   SUM(p.pre_n), SUM(p.post_sum), SUM(p.post_n), COUNT(*),
                   SUM(CASE WHEN p.pre_n > 0 AND p.post_n > 0 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN p.pre_n > 0 AND p.post_n > 0 THEN p.post_sum - p.pre_sum
                       ELSE 0 END)
            FROM (
                SELECT hw.facility_id, hw.cadre_id, w.course_id, {_month("w.ends_on")} AS month,
                       SUM(CASE WHEN s.kind = 'pre' THEN s.score ELSE 0 END) AS pre_sum,
                       SUM(CASE WHEN s.kind = 'pre' THEN 1 ELSE 0 END) AS pre_n,
                       SUM(CASE WHEN s.kind = 'post' THEN s.score ELSE 0 END) AS post_sum,
                       SUM(CASE WHEN s.kind = 'post' THEN 1 ELSE 0 END) AS post_n
                FROM courses_assessmentscore s
                JOIN courses_enrolment e ON e.id = s.enrolment_id
                JOIN courses_workshop w ON w.id = e.workshop_id
                JOIN workforce_healthworker hw ON hw.id = e.health_worker_id
                WHERE 1 = 1 {where.format(course="w.course_id")}
                GROUP BY e.id, hw.facility_id, hw.cadre_id, w.course_id, {_month("w.ends_on")}
            ) p
            GROUP BY p.facility_id, p.cadre_id, p.course_id, p.month
        ) a
        JOIN workforce_facility f ON f.id = a.facility_id
        GROUP BY f.id, f.directorate_id, f.governorate_id, a.cadre_id, a.course_id, a.month
    """  # noqa: S608 - table names come from the models; values go as parameters


def _refresh(*, facility_ids: list | None, course_id: int | None) -> None:
    where, params = _where(facility_ids=facility_ids, course_id=course_id, course_column="{course}")
    trained_where = where.format(course="c.course_id")
    stale = {"facility_id__in": facility_ids, "course_id": course_id}
    stale = {key: value for key, value in stale.items() if value is not None}
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Refreshes are short; running one at a time keeps two from writing the same cells.
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('coverage-cells'))")
        TrainedCell.objects.filter(**stale).delete()
        ActivityCell.objects.filter(**stale).delete()
        cursor.execute(_trained_sql(trained_where), params)
        cursor.execute(_activity_sql(where), params + params)


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


def coverage_rebuild() -> None:
    """Recompute every trained and activity cell from the records, and the head counts."""
    _refresh(facility_ids=None, course_id=None)
    headcount_rebuild()


def headcount_rebuild() -> None:
    """Recompute the verified workers of every facility and cadre, by the month they left."""
    table = HeadcountCell._meta.db_table
    left_month = f"CASE WHEN hw.is_active THEN NULL ELSE {_month('hw.left_on')} END"
    with transaction.atomic(), connection.cursor() as cursor:
        HeadcountCell.objects.all().delete()
        cursor.execute(
            f"""
            INSERT INTO {table} (facility_id, directorate_id, governorate_id, cadre_id,
                                 left_month, workers)
            SELECT f.id, f.directorate_id, f.governorate_id, hw.cadre_id, {left_month}, COUNT(*)
            FROM workforce_healthworker hw
            JOIN workforce_facility f ON f.id = hw.facility_id
            WHERE hw.is_verified AND hw.merged_into_id IS NULL
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
