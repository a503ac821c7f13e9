from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site for years: backups and restore (reads every app's models generically)."""

    name = "operations"
    verbose_name = "Operations"
