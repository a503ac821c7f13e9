"""The coverage app's Celery beat entries (merged into CELERY_BEAT_SCHEDULE in settings)."""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "coverage-monthly-reports": {
        "task": "coverage.tasks.monthly_reports_send_task",
        "schedule": crontab(day_of_month="1", hour="6", minute="0"),
    },
    "coverage-headcount": {
        "task": "coverage.tasks.headcount_rebuild_task",
        "schedule": crontab(minute="*/10"),
    },
    "coverage-nightly-rebuild": {
        "task": "coverage.tasks.coverage_rebuild_task",
        "schedule": crontab(hour="2", minute="30"),
    },
}
