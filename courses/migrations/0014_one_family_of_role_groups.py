"""One family of role groups: the page rights of "trainer" and "reviewer" move to "Trainers" and
"Reviewers" (workforce's role groups, which `role_assign` already keeps every staff member in).

Page permissions, collection permissions, model permissions, the "Reviewer approval" task and the
members of each old group go to the new one; the old groups are deleted. The group names are
written out: a migration keeps the names of its day.
"""

from django.db import migrations

MERGES = {"trainer": "Trainers", "reviewer": "Reviewers"}


def merge_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    User = apps.get_model("auth", "User")
    for old_name, new_name in MERGES.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new, _ = Group.objects.get_or_create(name=new_name)
        for right in GroupPagePermission.objects.filter(group=old):
            GroupPagePermission.objects.get_or_create(
                group=new, page_id=right.page_id, permission_id=right.permission_id
            )
        for right in GroupCollectionPermission.objects.filter(group=old):
            GroupCollectionPermission.objects.get_or_create(
                group=new, collection_id=right.collection_id, permission_id=right.permission_id
            )
        new.permissions.add(*old.permissions.all())
        for task in GroupApprovalTask.objects.filter(groups=old):
            task.groups.add(new)
        for user in User.objects.filter(groups=old):
            user.groups.add(new)
        old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0013_join_requests"),
        ("workforce", "0010_stored_numbers_in_ascii_digits"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(merge_role_groups, migrations.RunPython.noop)]
