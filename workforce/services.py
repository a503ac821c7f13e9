"""Writes to the workforce registry."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.log_actions import log

from workforce.authority import ensure_scope_within_own
from workforce.duties import decision_service, ensure_not_own_record
from workforce.log_actions import role_data
from workforce.models import HealthWorker, RoleAssignment
from workforce.permissions import ROLE_GROUPS, role_groups_sync
from workforce.signals import role_assignment_changed


def _role_group(role: str) -> Group:
    group = Group.objects.filter(name=ROLE_GROUPS[role]).first()
    if group is None:
        role_groups_sync(Group=Group, Permission=Permission)
        group = Group.objects.get(name=ROLE_GROUPS[role])
    return group


@decision_service(subject=lambda call: call["user"], actor="actor")
@transaction.atomic
def role_assign(
    *,
    user,
    actor=None,
    role: str,
    level: str,
    region: str = "",
    governorate=None,
    directorate=None,
    facility=None,
) -> RoleAssignment:
    """Give `user` a role over one scope and put them in the role's group.

    `actor` is the administrator handing it out (None for the seeding commands): never the user
    themself, and never a scope wider than the actor's own.
    """
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
    ensure_scope_within_own(actor=actor, assignment=assignment)
    assignment.save()
    role_groups_refresh(user=user)
    role_assignment_changed.send(sender=RoleAssignment, user=user)
    log(assignment, "cme.role.assign", user=actor, data=role_data(assignment))
    return assignment


@decision_service(subject=lambda call: call["user"], actor="actor")
@transaction.atomic
def role_assignment_update(*, assignment: RoleAssignment, actor, user, **fields) -> RoleAssignment:
    """Change an assignment's holder, role or scope, under the same rules as handing it out."""
    ensure_not_own_record(actor=actor, subject=assignment.user)
    before = role_data(assignment)
    previous_user = assignment.user
    assignment.user = user
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.full_clean()
    ensure_scope_within_own(actor=actor, assignment=assignment)
    assignment.save()
    role_groups_refresh(user=user)
    role_assignment_changed.send(sender=RoleAssignment, user=user)
    if previous_user != user:
        role_groups_refresh(user=previous_user)
        role_assignment_changed.send(sender=RoleAssignment, user=previous_user)
    log(assignment, "cme.role.change", user=actor, data={"before": before, **role_data(assignment)})
    return assignment


@decision_service(subject=lambda call: call["assignment"].user, actor="actor")
@transaction.atomic
def role_unassign(*, assignment: RoleAssignment, actor=None) -> None:
    """Remove an assignment; the user leaves the role's group unless another scope keeps it."""
    user = assignment.user
    log(assignment, "cme.role.remove", user=actor, data=role_data(assignment))
    assignment.delete()
    role_groups_refresh(user=user)
    role_assignment_changed.send(sender=RoleAssignment, user=user)


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
