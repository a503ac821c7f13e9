"""How far an administrator's authority reaches: reference data, and the roles they hand out.

Reference data (cadres and their CME requirement, regions, governorates, directorates and which
governorate or region each belongs to) decides every credit and every scope in the country, so
only national administrators and superusers change it. Everyone else may read it. A role is
handed out only inside a scope the actor administers, never wider than the actor's own.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from workforce.models import (
    ADMINISTERING_ROLES,
    Cadre,
    Directorate,
    Facility,
    Governorate,
    Provider,
    Role,
    RoleAssignment,
    ScopeLevel,
    manages_roles,
)

REFERENCE_MODELS = (Cadre, Directorate, Governorate, Provider)


def edits_reference_data(user) -> bool:
    """Whether the user may add, change or delete reference data: national administrators."""
    return manages_roles(user)


def _reach(assignment: RoleAssignment) -> dict:
    """The places an assignment covers, from the region down to its own level."""
    reach = {}
    if assignment.facility_id:
        reach["facility"] = assignment.facility_id
        reach["directorate"] = assignment.facility.directorate_id
        reach["governorate"] = assignment.facility.governorate_id
        reach["region"] = assignment.facility.governorate.region
    elif assignment.directorate_id:
        reach["directorate"] = assignment.directorate_id
        reach["governorate"] = assignment.directorate.governorate_id
        reach["region"] = assignment.directorate.governorate.region
    elif assignment.governorate_id:
        reach["governorate"] = assignment.governorate_id
        reach["region"] = assignment.governorate.region
    elif assignment.region:
        reach["region"] = assignment.region
    return reach


def scope_within_own(*, actor, assignment: RoleAssignment) -> bool:
    """Whether one of the actor's administrator scopes contains the assignment's scope."""
    if actor is None or actor.is_superuser:
        return True
    target = _reach(assignment)
    for own in actor.role_assignments.filter(role=Role.ADMINISTRATOR):
        if own.level == "national":
            return True
        if _reach(own)[own.level] == target.get(own.level):
            return True
    return False


def _reaching(level: str, place) -> Q:
    """Assignments whose reach (as `_reach` computes it) has `place` at `level`."""
    no_facility = Q(facility__isnull=True)
    no_directorate = no_facility & Q(directorate__isnull=True)
    no_governorate = no_directorate & Q(governorate__isnull=True)
    if level == ScopeLevel.FACILITY:
        return Q(facility_id=place)
    if level == ScopeLevel.DIRECTORATE:
        return Q(facility__directorate_id=place) | (no_facility & Q(directorate_id=place))
    if level == ScopeLevel.GOVERNORATE:
        return (
            Q(facility__governorate_id=place)
            | (no_facility & Q(directorate__governorate_id=place))
            | (no_directorate & Q(governorate_id=place))
        )
    return (
        Q(facility__governorate__region=place)
        | (no_facility & Q(directorate__governorate__region=place))
        | (no_directorate & Q(governorate__region=place))
        | (no_governorate & Q(region=place))
    )


def assignments_within_own(actor):
    """The assignments `scope_within_own` accepts for this actor, as one queryset."""
    assignments = RoleAssignment.objects.all()
    if actor is None or actor.is_superuser:
        return assignments
    condition = Q(pk__in=[])
    own_scopes = actor.role_assignments.filter(role=Role.ADMINISTRATOR).select_related(
        "facility__governorate", "directorate__governorate", "governorate"
    )
    for own in own_scopes:
        if own.level == ScopeLevel.NATIONAL:
            return assignments
        condition |= _reaching(own.level, _reach(own)[own.level])
    return assignments.filter(condition)


def ensure_scope_within_own(*, actor, assignment: RoleAssignment) -> None:
    """Refuse a role wider than any scope the actor administers."""
    if not scope_within_own(actor=actor, assignment=assignment):
        raise PermissionDenied(_("You cannot give a role wider than your own."))


def verifies_health_workers_at(user, facility) -> bool:
    """Whether the user may mark a person of this facility verified: an administrator in scope."""
    if facility is None:
        return False
    in_scope = Facility.objects.visible_to(user, roles=ADMINISTERING_ROLES)
    return in_scope.filter(pk=facility.pk).exists()
