from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo and national-scale data: built on the product apps, never imported by them."""

    name = "demo"
    verbose_name = "Demo data"
