"""A database of the previous release migrates to today's code with its records.

The previous release is commit 08b5b99, the last before the migration that merged the role groups
(f943c48): every app of today existed there, each at the migration named in PREVIOUS_RELEASE.
The test builds a small site, takes the database back to that release's migrations, adds what only
that release had (its own "trainer" and "reviewer" groups with page and collection rights, members
and the approval task) through the historical models, then migrates to today.
"""

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission

from operations.inventory import live_row_counts
from tests.factories.site import small_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PREVIOUS_RELEASE = [
    ("workforce", "0010_stored_numbers_in_ascii_digits"),
    ("accounts", "0002_record_claims"),
    ("courses", "0013_join_requests"),
    ("certificates", "0004_certificate_status_withdrawn"),
    ("coverage", "0002_cells_without_constraints_course_indexes"),
]
# What the merge of role groups rewrites; every other table keeps its rows.
GROUP_TABLES = {
    "auth.Group",
    "auth.Group_permissions",
    "auth.User_groups",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.GroupCollectionPermission",
    "wagtailcore.GroupApprovalTask_groups",
}


def _release_state(executor) -> list[tuple[str, str]]:
    ours = {app for app, _name in PREVIOUS_RELEASE}
    leaves = executor.loader.graph.leaf_nodes()
    return [node for node in leaves if node[0] not in ours] + PREVIOUS_RELEASE


def _previous_release_groups(old) -> None:
    """The page-rights groups the previous release kept beside workforce's role groups."""
    Group = old.get_model("auth", "Group")
    User = old.get_model("auth", "User")
    Permission = old.get_model("auth", "Permission")
    Page = old.get_model("wagtailcore", "Page")
    Collection = old.get_model("wagtailcore", "Collection")
    trainer = Group.objects.create(name="trainer")
    reviewer = Group.objects.create(name="reviewer")
    courses = Page.objects.get(depth=3, slug="courses")
    for group, codename in ((trainer, "add_page"), (reviewer, "publish_page")):
        old.get_model("wagtailcore", "GroupPagePermission").objects.create(
            group=group, page=courses, permission=Permission.objects.get(codename=codename)
        )
    old.get_model("wagtailcore", "GroupCollectionPermission").objects.create(
        group=trainer,
        collection=Collection.objects.get(depth=1),
        permission=Permission.objects.get(codename="add_document"),
    )
    old.get_model("wagtailcore", "GroupApprovalTask").objects.get(
        name="Reviewer approval"
    ).groups.add(reviewer)
    User.objects.create(username="old-trainer").groups.add(trainer)
    User.objects.create(username="old-reviewer").groups.add(reviewer)


def test_a_database_of_the_previous_release_migrates_to_today_with_its_records(
    kirkuk_facility, basra_facility
):
    small_site(facilities=[kirkuk_facility, basra_facility])
    executor = MigrationExecutor(connection)
    release = _release_state(executor)
    executor.migrate(release)
    _previous_release_groups(executor.loader.project_state(release).apps)
    rows = live_row_counts()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    after = live_row_counts()
    existed = {label for label, count in rows.items() if count is not None}
    assert {label: after[label] for label in existed - GROUP_TABLES} == {
        label: rows[label] for label in existed - GROUP_TABLES
    }
    # Tables the release did not have yet (a model added since) start empty.
    assert {label: after[label] for label in rows.keys() - existed} == dict.fromkeys(
        rows.keys() - existed, 0
    )
    assert after["certificates.Certificate"] == 2
    assert not Group.objects.filter(name__in=["trainer", "reviewer"]).exists()
    trainers, reviewers = Group.objects.get(name="Trainers"), Group.objects.get(name="Reviewers")
    assert trainers.user_set.filter(username="old-trainer").exists()
    assert reviewers.user_set.filter(username="old-reviewer").exists()
    assert GroupPagePermission.objects.filter(
        group=trainers, page__slug="courses", permission__codename="add_page"
    ).exists()
    assert GroupPagePermission.objects.filter(
        group=reviewers, page__slug="courses", permission__codename="publish_page"
    ).exists()
    assert GroupCollectionPermission.objects.filter(
        group=trainers, collection__depth=1, permission__codename="add_document"
    ).exists()
    assert reviewers in GroupApprovalTask.objects.get(name="Reviewer approval").groups.all()
