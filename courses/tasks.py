"""Celery entry points of the courses app; each calls one service."""

from celery import shared_task

from django.urls import reverse


@shared_task
def attendance_import_task(import_id: int) -> dict:
    """Import an uploaded sign-in sheet in the background (large files)."""
    from courses.importers import attendance_import_run

    record = attendance_import_run(import_id=import_id)
    url = reverse("courses:import_result", args=[record.pk])
    return {"user_id": record.created_by_id, "url": url, "done": 1, "total": 1}
