"""What courses does when its pages or the apps below it change (connected in its ready())."""


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


def role_assignment_changed_sync_pages(sender, *, user, **kwargs):
    """A staff member's roles changed (workforce's signal): their page groups follow."""
    from courses.moderation import trainer_page_groups_sync

    trainer_page_groups_sync(user=user)


def section_saved(sender, instance, **kwargs):
    """A course section saved: the page groups of its governorate's trainers follow."""
    from courses.moderation import section_trainers_sync

    section_trainers_sync(section=instance)


def page_published_repair_child_count(sender, instance, **kwargs):
    """Publishing a page from a revision must not reset how many children it has.

    wagtail-localize publishes a new translation from its first revision after the subtree was
    translated (wagtail-localize#773), which wrote back `numchild=0` and hid the children.
    """
    from wagtail.models import Page

    actual = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if actual != instance.numchild:
        Page.objects.filter(pk=instance.pk).update(numchild=actual)
        instance.numchild = actual


def completion_recorded_qualify(sender, *, completion, **kwargs):
    """A trainer course completed (or undone): the person's trainer qualification follows."""
    from courses.services.trainers import trainer_qualification_record

    trainer_qualification_record(completion=completion)
