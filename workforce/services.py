"""Writes to the workforce registry."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from workforce.models import HealthWorker, RoleAssignment
from workforce.permissions import ROLE_GROUPS, role_groups_sync


def _role_group(role: str) -> Group:
    group = Group.objects.filter(name=ROLE_GROUPS[role]).first()
    if group is None:
        role_groups_sync(Group=Group, Permission=Permission)
        group = Group.objects.get(name=ROLE_GROUPS[role])
    return group


@transaction.atomic
def role_assign(
    *,
    user,
    role: str,
    level: str,
    region: str = "",
    governorate=None,
    directorate=None,
    facility=None,
) -> RoleAssignment:
    """Give `user` a role over one scope and put them in the role's group."""
    assignment = RoleAssignment(
        user=user,
        role=role,
        level=level,
        region=region,
        governorate=governorate,
        directorate=directorate,
        facility=facility,
    )
    assignment.full_clean()
    assignment.save()
    role_groups_refresh(user=user)
    return assignment


@transaction.atomic
def role_unassign(*, assignment: RoleAssignment) -> None:
    """Remove an assignment; the user leaves the role's group unless another scope keeps it."""
    user = assignment.user
    assignment.delete()
    role_groups_refresh(user=user)


def role_groups_refresh(*, user) -> None:
    """Put the user in the group of each role they hold and take them out of the others."""
    held = set(user.role_assignments.values_list("role", flat=True))
    for role in ROLE_GROUPS:
        if role in held:
            user.groups.add(_role_group(role))
        else:
            user.groups.remove(_role_group(role))


def health_worker_create(**fields) -> HealthWorker:
    """Add a person to the registry after validating every field."""
    worker = HealthWorker(**fields)
    worker.full_clean()
    worker.save()
    return worker
