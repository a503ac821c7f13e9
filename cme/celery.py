import os

from celery import Celery
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cme.settings.dev")

# Every task carries the language of the person who queued it (core/task_language.py).
app = Celery("cme", task_cls="core.task_language:LanguageTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def worker_logging(loglevel=None, **kwargs) -> None:
    """Workers and beat log as the web does (LOGGING: LOG_FORMAT, request and task ids), at the
    level of their `--loglevel`, instead of Celery's own format."""
    from logging import getLogger
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
    if loglevel:
        getLogger().setLevel(loglevel)
