from django.apps import AppConfig


class CmeConfig(AppConfig):
    """The top of the project: settings, root URLs, the Celery app. No models, no logic."""

    name = "cme"
    verbose_name = "CME Tracker"
