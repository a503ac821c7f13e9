import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cme.settings.dev")

# Every task carries the language of the person who queued it (core/task_language.py).
app = Celery("cme", task_cls="core.task_language:LanguageTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
