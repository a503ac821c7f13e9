"""Celery entry points of coverage; each calls one service."""

from celery import shared_task

from coverage import services
from coverage.models import CoverageExport


@shared_task(text_for="nobody")
def coverage_refresh_pair_task(*, facility_id: int, course_id: int) -> None:
    """Recompute the coverage cells of one facility and course."""
    services.coverage_refresh_pair(facility_id=facility_id, course_id=course_id)


@shared_task(text_for="nobody")
def coverage_refresh_pairs_task(*, pairs: list = ()) -> int:
    """Recompute the cells of every (facility, course) pair waiting for a refresh.

    `pairs`: those of a message queued by a release that named them in the task.
    """
    return services.coverage_refresh_pending(pairs=pairs)


@shared_task(text_for="nobody")
def coverage_rebuild_task() -> None:
    """Recompute every coverage cell (nightly, and after bulk loads)."""
    services.coverage_rebuild()


@shared_task(text_for="nobody")
def headcount_rebuild_task() -> None:
    """Recompute the registry head counts behind the coverage denominators."""
    services.headcount_rebuild()


@shared_task
def coverage_export_build_task(*, export_id: int) -> dict:
    """Build one background export."""
    return services.coverage_export_build(export=CoverageExport.objects.get(pk=export_id))


@shared_task(text_for="nobody")
def monthly_reports_send_task() -> int:
    """Queue the monthly coverage report of every subscribed auditor (beat, the 1st at 06:00)."""
    return services.monthly_reports_queue()


@shared_task(
    text_for="recipient",  # each subscription's language
    autoretry_for=(OSError,),  # smtplib's errors are OSErrors: the mail server, not the report
    retry_backoff=60,
    max_retries=5,
)
def monthly_report_send_task(*, subscription_id: int, today: str) -> bool:
    """Send one subscriber this month's coverage report."""
    import datetime

    from coverage.models import ReportSubscription

    subscription = ReportSubscription.objects.select_related("user").get(pk=subscription_id)
    return services.monthly_report_send(
        subscription=subscription, today=datetime.date.fromisoformat(today)
    )
