"""Which Django group each staff role puts a user in, and what that group may do.

Wagtail's admin asks Django's model permissions whether a user may list, add, change or delete;
the rows a user may reach are decided separately by `visible_to(user)`.
"""

from workforce.models import Role

ROLE_GROUPS = {
    Role.TRAINER: "Trainers",
    Role.REVIEWER: "Reviewers",
    Role.AUDITOR: "Auditors",
    Role.ADMINISTRATOR: "Administrators",
}

_REGISTRY = ["governorate", "directorate", "facility", "cadre", "healthworker", "provider"]
_VIEW = [f"workforce.view_{model}" for model in _REGISTRY]

ROLE_PERMISSIONS = {
    Role.AUDITOR: ["wagtailadmin.access_admin", *_VIEW],
    Role.REVIEWER: ["wagtailadmin.access_admin", *_VIEW],
    Role.TRAINER: [
        "wagtailadmin.access_admin",
        *_VIEW,
        "workforce.add_healthworker",
        "workforce.change_healthworker",
    ],
    Role.ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        *[
            f"workforce.{action}_{model}"
            for model in [*_REGISTRY, "roleassignment"]
            for action in ("view", "add", "change", "delete")
        ],
    ],
}


def role_groups_sync(*, Group, Permission, GroupCollectionPermission=None) -> None:
    """Create each role's group with exactly its permissions; safe to run again."""
    for role, name in ROLE_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if GroupCollectionPermission is not None:
            # No document or image rights on any collection: those come with a scope's group
            # ("trainers: <code>", courses/collections.py). Wagtail's migrations that introduced
            # "choose" gave it on the root collection to every group with admin access.
            GroupCollectionPermission.objects.filter(group=group).delete()
        wanted = []
        for dotted in ROLE_PERMISSIONS[role]:
            app_label, codename = dotted.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            # An earlier migration runs before a later model (providers) exists; the migration
            # that adds the model syncs the groups again.
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)
