from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and workshops")

    def ready(self) -> None:
        from django.db.models.signals import pre_delete

        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.signals import page_published

        from courses.admin_names import translated_names_connect
        from courses.merging import courses_rows_count, courses_rows_move, courses_rows_restore
        from courses.models import CourseSectionPage
        from courses.receivers import (
            completion_recorded_qualify,
            governorate_saved,
            media_in_use_refuse_delete,
            page_published_repair_child_count,
            role_assignment_changed_sync_pages,
            section_saved,
        )
        from courses.signals import completion_recorded
        from workforce.merging.movers import Mover, merge_mover_register
        from workforce.signals import role_assignment_changed

        translated_names_connect()
        completion_recorded.connect(completion_recorded_qualify, dispatch_uid="courses-qualify")
        merge_mover_register(
            Mover(
                name="courses",
                move=courses_rows_move,
                restore=courses_rows_restore,
                counts=courses_rows_count,
            )
        )
        role_assignment_changed.connect(
            role_assignment_changed_sync_pages, dispatch_uid="courses-role-pages"
        )
        post_save.connect(section_saved, sender=CourseSectionPage, dispatch_uid="courses-section")
        page_published.connect(
            page_published_repair_child_count, dispatch_uid="courses_repair_child_count"
        )
        post_save.connect(
            governorate_saved, sender="workforce.Governorate", dispatch_uid="courses_governorate"
        )
        for model in (get_document_model(), get_image_model()):
            pre_delete.connect(
                media_in_use_refuse_delete, sender=model, dispatch_uid=f"media-in-use-{model}"
            )
