from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and workshops")

    def ready(self) -> None:
        from courses.admin_names import translated_names_connect
        from courses.receivers import governorate_saved

        translated_names_connect()
        post_save.connect(
            governorate_saved, sender="workforce.Governorate", dispatch_uid="courses_governorate"
        )
