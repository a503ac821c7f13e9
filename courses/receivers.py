"""What courses does when the registry below it changes (connected in CoursesConfig.ready)."""


def governorate_saved(sender, instance, created, raw=False, **kwargs):
    """A new governorate gets its documents and images collection at once.

    Not for raw saves (fixtures, restoring a test database): those bring their collections along.
    """
    from courses.collections import scope_collection

    if created and not raw:
        scope_collection(governorate=instance)


def media_in_use_refuse_delete(sender, instance, **kwargs):
    """A document or image that a live page uses is not deleted (every delete view and action).

    The refusal is a `ProtectedError` naming the pages, which `core.deletion`'s middleware turns
    into a message: unpublish or edit the pages first, so no live course loses a handout.
    """
    from django.db.models import ProtectedError

    from wagtail.models import Page, ReferenceIndex

    live = {
        source.specific
        for source, _references in ReferenceIndex.get_references_to(
            instance
        ).group_by_source_object()
        if isinstance(source, Page) and source.live
    }
    if live:
        raise ProtectedError(f"{instance} is used by live pages", live)
