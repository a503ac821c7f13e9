"""Celery entry points of the courses app: thin, taking ids, each calling one service."""

from celery import shared_task

from django.urls import reverse


@shared_task
def attendance_import_task(import_id: int) -> dict:
    """Import an uploaded sign-in sheet in the background (large files)."""
    from courses.importers import attendance_import_run

    record = attendance_import_run(import_id=import_id)
    url = reverse("courses:import_result", args=[record.pk])
    return {"user_id": record.created_by_id, "url": url, "done": 1, "total": 1}


# --- Course content: offline packs (courses/packs.py) ---------------------------------------------


@shared_task
def course_pack_build_task(course_id: int, language: str, user_id: int | None = None) -> dict:
    """Build the offline pack of a course in one language."""
    from courses.packs import pack_build

    return pack_build(course_id=course_id, language=language, user_id=user_id)


# --- end of course content tasks ------------------------------------------------------------------
