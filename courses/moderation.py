"""Who may write and publish course pages: Wagtail groups kept in step with role assignments.

The ministry's rule: trainers draft and submit, reviewers approve and publish (the "Course review"
workflow on the whole page tree). A trainer edits only the catalogue sections of the governorates
their trainer roles cover (a national trainer: the whole catalogue); each section has a Wagtail
group "trainers: <governorate code>" holding add/change permission on that section in every
language. Nobody but reviewers holds publish permission, so nothing goes live unreviewed.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from wagtail.models import Collection, GroupPagePermission, Page

from workforce.models import Role

NATIONAL_TRAINERS_GROUP = "trainers: national"
SECTION_GROUP_PREFIX = "trainers: "
EDIT_CODENAMES = ("add_page", "change_page")


def section_group_name(*, governorate) -> str:
    return f"{SECTION_GROUP_PREFIX}{governorate.code}"


def _grant_edit(*, group: Group, page: Page) -> None:
    for codename in EDIT_CODENAMES:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def course_section_permissions_sync(*, section) -> Group | None:
    """Give the section's governorate group add/change rights on the section in every language."""
    if section.governorate_id is None:
        return None
    group, _ = Group.objects.get_or_create(name=section_group_name(governorate=section.governorate))
    for page in section.get_translations(inclusive=True):
        _grant_edit(group=group, page=page)
    return group


def _national_group() -> Group:
    from courses.collections import collection_permissions_grant
    from courses.models import CourseIndexPage

    group, _ = Group.objects.get_or_create(name=NATIONAL_TRAINERS_GROUP)
    for catalogue in CourseIndexPage.objects.all():
        _grant_edit(group=group, page=catalogue)
    collection_permissions_grant(group=group, collection=Collection.get_first_root_node())
    return group


def _governorate_group(*, governorate) -> Group:
    """The governorate's trainers' group, with its documents and images collection."""
    from courses.collections import collection_permissions_grant, scope_collection

    group, _ = Group.objects.get_or_create(name=section_group_name(governorate=governorate))
    collection_permissions_grant(group=group, collection=scope_collection(governorate=governorate))
    return group


def trainer_page_groups_sync(*, user) -> None:
    """Put a user in the page and collection permission groups their roles call for."""
    from courses.models import CourseSectionPage
    from workforce.models import Governorate

    assignments = list(user.role_assignments.select_related("directorate", "facility"))
    trainer_roles = [assignment for assignment in assignments if assignment.role == Role.TRAINER]
    wanted: set[Group] = set()
    governorates = Q(pk__in=[])
    for assignment in trainer_roles:
        if assignment.level == "national":
            wanted.add(_national_group())
        elif assignment.level == "region":
            governorates |= Q(region=assignment.region)
        elif assignment.level == "governorate":
            governorates |= Q(pk=assignment.governorate_id)
        elif assignment.level == "directorate":
            governorates |= Q(pk=assignment.directorate.governorate_id)
        elif assignment.level == "facility":
            governorates |= Q(pk=assignment.facility.governorate_id)
    covered = list(Governorate.objects.filter(governorates))
    for governorate in covered:
        wanted.add(_governorate_group(governorate=governorate))
    for section in CourseSectionPage.objects.filter(
        governorate__in=covered, locale__language_code="en"
    ):
        course_section_permissions_sync(section=section)
    # The role groups themselves ("Trainers", "Reviewers": workforce.permissions.ROLE_GROUPS) are
    # kept by `role_assign`; this keeps only the sections' groups.
    managed = user.groups.filter(name__startswith=SECTION_GROUP_PREFIX)
    user.groups.remove(*[group for group in managed if group not in wanted])
    user.groups.add(*wanted)


def section_trainers_sync(*, section) -> None:
    """After a section is saved, sync the page groups of its governorate's trainers."""
    from django.contrib.auth import get_user_model

    if section.governorate_id is None:
        return
    course_section_permissions_sync(section=section)
    governorate = section.governorate
    trainers = (
        get_user_model()
        .objects.filter(
            Q(role_assignments__level="national")
            | Q(role_assignments__region=governorate.region)
            | Q(role_assignments__governorate=governorate)
            | Q(role_assignments__directorate__governorate=governorate)
            | Q(role_assignments__facility__governorate=governorate),
            role_assignments__role=Role.TRAINER,
        )
        .distinct()
    )
    for user in trainers:
        trainer_page_groups_sync(user=user)
