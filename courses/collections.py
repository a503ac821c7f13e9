"""Documents and images belong to the collection of a scope: one national, one per governorate.

The ministry's rule: a trainer adds, edits, replaces and deletes documents and images only in the
collections of the governorates their trainer roles cover (a national trainer: every collection);
the choosers offer only those collections. The permissions are Wagtail's collection permissions,
held by the same "trainers: <code>" and "trainers: national" groups that hold the page
permissions (courses/moderation.py keeps users in them as their roles change). A file used by a
live page of a scope the user cannot edit is never replaced by them (`media_replace_refusal`).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Collection, GroupCollectionPermission, Page, ReferenceIndex
from wagtail.permissions import policy_registry

from courses.models import CourseSectionPage, ScopeCollection

NATIONAL_COLLECTION = "National"
# What a trainer may do with the documents and images of a collection of their scope.
MEDIA_CODENAMES = {
    "wagtaildocs": ("add_document", "change_document", "delete_document", "choose_document"),
    "wagtailimages": ("add_image", "change_image", "delete_image", "choose_image"),
}


def scope_collection(*, governorate=None) -> Collection:
    """The collection of a governorate (None: the national one), created on first use."""
    found = (
        ScopeCollection.objects.select_related("collection").filter(governorate=governorate).first()
    )
    if found is not None:
        return found.collection
    root = Collection.get_first_root_node()
    name = NATIONAL_COLLECTION if governorate is None else governorate.name_en
    with transaction.atomic():
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
        ScopeCollection.objects.create(collection=collection, governorate=governorate)
    return collection


def scope_collections_sync() -> None:
    """Make sure the national collection and one per governorate exist (safe to run again)."""
    from workforce.models import Governorate

    scope_collection(governorate=None)
    for governorate in Governorate.objects.all():
        scope_collection(governorate=governorate)


def collection_permissions_grant(*, group: Group, collection: Collection) -> None:
    """Give a group every document and image permission on a collection and its children."""
    for app_label, codenames in MEDIA_CODENAMES.items():
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def page_scope_collection(*, page: Page) -> Collection:
    """The collection of the scope a page belongs to: its catalogue section's, else national."""
    section = (
        CourseSectionPage.objects.ancestor_of(page, inclusive=True)
        .filter(governorate__isnull=False)
        .select_related("governorate")
        .first()
    )
    return scope_collection(governorate=section.governorate if section else None)


def media_replace_refusal(*, user, item) -> str | None:
    """Why the user may not replace this document's or image's file, or None if they may.

    Refused when a live page uses it and the user cannot edit the collection of that page's scope:
    a Kirkuk trainer does not change what a national or Erbil course shows.
    """
    if item.pk is None or user is None or user.is_superuser:
        return None
    allowed = set(
        policy_registry.get_by_type(type(item))
        .collections_user_has_permission_for(user, "change")
        .values_list("pk", flat=True)
    )
    for source, _references in ReferenceIndex.get_references_to(item).group_by_source_object():
        if isinstance(source, Page) and source.live:
            collection = page_scope_collection(page=source)
            reachable = set(collection.get_ancestors(inclusive=True).values_list("pk", flat=True))
            if not reachable & allowed:
                return _(
                    "This file is used by the live page “%(page)s” of another scope; "
                    "upload a new file instead of replacing this one."
                ) % {"page": source.title}
    return None
