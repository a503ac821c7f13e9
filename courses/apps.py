from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and workshops")

    def ready(self) -> None:
        from courses.admin_names import translated_names_connect

        translated_names_connect()
