from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app needs: its `ready()` installs the site-wide rules no app should repeat."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from PIL import Image

        from django.conf import settings
        from django.core.signals import request_finished

        from core import digit_fields, task_request_id
        from core.request_id import request_id_forget
        from core.spreadsheets import wagtail_exports_protect

        digit_fields.install()
        wagtail_exports_protect()
        _wagtail_choosers_answer_404()
        # Log lines carry the id of their request, in the web process and in its tasks.
        task_request_id.connect()
        request_finished.connect(request_id_forget, dispatch_uid="core.request_id_forget")

        # Pillow refuses to open an image of more than twice this many pixels (and warns above).
        Image.MAX_IMAGE_PIXELS = settings.CME_IMAGE_MAX_PIXELS


def _wagtail_choosers_answer_404() -> None:
    """A chooser's `chosen/<pk>/` with a pk that is no id answers 404, as an unknown id does.

    Wagtail's generic ChosenView passes the URL's text to `objects.get(pk=...)`, which raises
    ValueError (a 500) for "abc" on an integer key; every chooser (images, documents, snippets,
    the scoped facility chooser) answers through the one `get` replaced here.
    """
    from django.contrib.admin.utils import unquote
    from django.core.exceptions import ObjectDoesNotExist, ValidationError
    from django.http import Http404

    from wagtail.admin.views.generic.chooser import ChosenViewMixin

    if getattr(ChosenViewMixin, "malformed_pk_is_404", False):
        return

    def get(self, request, pk):
        try:
            item = self.get_object(unquote(str(pk)))
        except (ObjectDoesNotExist, ValueError, TypeError, OverflowError, ValidationError) as e:
            raise Http404 from e
        return self.get_chosen_response(item)

    ChosenViewMixin.get = get
    ChosenViewMixin.malformed_pk_is_404 = True
