"""The notices' Celery beat entries (merged into CELERY_BEAT_SCHEDULE in settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    # In the evening, Iraq's clock: tomorrow's sessions are known and people read it before bed.
    "notices-session-reminders": {
        "task": "courses.tasks.session_reminders_task",
        "schedule": crontab(hour="17", minute="0"),
    },
    "notices-cycle-reminders": {
        "task": "courses.tasks.cycle_reminders_task",
        "schedule": crontab(hour="9", minute="30"),
    },
}
