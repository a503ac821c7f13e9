"""Background jobs: the broker, the results, delivery rules and the beat schedule of every app."""

import os
from pathlib import Path

from certificates.schedule import BEAT_SCHEDULE as CERTIFICATES_BEAT_SCHEDULE
from courses.notices.schedule import BEAT_SCHEDULE as NOTICES_BEAT_SCHEDULE
from coverage.schedule import BEAT_SCHEDULE as COVERAGE_BEAT_SCHEDULE

from .environment import VAR_DIR, env_bool

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(VAR_DIR / "broker"),
        "data_folder_out": str(VAR_DIR / "broker"),
        "processed_folder": str(VAR_DIR / "broker-processed"),
        "control_folder": str(VAR_DIR / "broker-control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    # A task whose worker died is delivered again after this many seconds (Redis has no acks).
    else {"visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600"))}
)
if CELERY_BROKER_URL.startswith("filesystem"):
    # The embedded broker needs its folders before the first task is queued, in any process.
    for _folder in CELERY_BROKER_TRANSPORT_OPTIONS.values():
        if isinstance(_folder, str):
            Path(_folder).mkdir(parents=True, exist_ok=True)
CELERY_RESULT_BACKEND = os.environ.get(
    "CELERY_RESULT_BACKEND", f"db+sqlite:///{VAR_DIR / 'celery-results.sqlite3'}"
)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TRACK_STARTED = True
CELERY_RESULT_EXTENDED = True
CELERY_TIMEZONE = "Asia/Baghdad"  # the site's TIME_ZONE (base.py): beat runs on Iraq's clock
CELERY_BEAT_SCHEDULE: dict = {
    **COVERAGE_BEAT_SCHEDULE,
    **NOTICES_BEAT_SCHEDULE,
    **CERTIFICATES_BEAT_SCHEDULE,
}
