from django.apps import AppConfig


class CmeConfig(AppConfig):
    name = "cme"
    verbose_name = "CME Tracker"
