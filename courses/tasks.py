"""Celery entry points of the courses app: thin, taking ids, each calling one service."""

from celery import shared_task

from django.conf import settings
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


# --- Reminders and notices (courses/notices) ------------------------------------------------------


@shared_task(
    bind=True,
    autoretry_for=(OSError,),  # core.sms.SmsUnavailable (5xx, 429, unreachable) and SMTP errors
    retry_backoff=settings.NOTICE_RETRY_SECONDS,
    retry_backoff_max=3600,
    max_retries=settings.NOTICE_MAX_RETRIES,
    text_for="recipient",  # each notice was written in its person's language when queued
)
def notice_send_task(self, notice_id: int) -> str:
    """Send one notice, retried with growing waits on gateway and mail errors."""
    from courses.notices.services import notice_fail, notice_send

    try:
        return notice_send(notice_id=notice_id)
    except OSError:
        if self.request.retries >= self.max_retries:
            return notice_fail(notice_id=notice_id)
        raise


@shared_task(text_for="recipient")  # each person's language
def workshop_scheduled_notify_task(workshop_id: int, health_worker_ids: list[int]) -> int:
    """Tell people newly on a workshop's roster when and where it is held."""
    from courses.notices.events import workshop_scheduled_notify

    return workshop_scheduled_notify(workshop_id=workshop_id, health_worker_ids=health_worker_ids)


@shared_task(text_for="recipient")  # each person's language
def session_reminders_task() -> int:
    """Remind everyone enrolled in a session held tomorrow (daily)."""
    from courses.notices.events import session_reminders_queue

    return session_reminders_queue()


@shared_task(text_for="recipient")  # each person's language
def cycle_reminders_task() -> int:
    """Tell people whose CME cycle ends soon, short of its hours (daily)."""
    from courses.notices.events import cycle_reminders_queue

    return cycle_reminders_queue()
