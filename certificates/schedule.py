"""The certificates' Celery beat entries (merged into CELERY_BEAT_SCHEDULE in settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # Mid-morning, Iraq's clock, beside the CME cycle reminders.
    "certificates-expiry-reminders": {
        "task": "certificates.tasks.certificate_expiry_reminders_task",
        "schedule": crontab(hour="9", minute="45"),
    },
}
