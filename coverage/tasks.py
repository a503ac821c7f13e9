"""Celery entry points of coverage; each calls one service."""

from celery import shared_task

from coverage import services


@shared_task(text_for="nobody")
def coverage_refresh_pair_task(*, facility_id: int, course_id: int) -> None:
    """Recompute the coverage cells of one facility and course."""
    services.coverage_refresh_pair(facility_id=facility_id, course_id=course_id)


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
    from coverage.models import CoverageExport

    return services.coverage_export_build(export=CoverageExport.objects.get(pk=export_id))


@shared_task(text_for="recipient")  # each subscription's language
def monthly_reports_send_task() -> int:
    """Send the monthly coverage report to every subscribed auditor."""
    from coverage import reports

    return reports.monthly_reports_send()
