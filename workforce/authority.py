"""How far an administrator's authority reaches: reference data, and the roles they hand out.

Reference data (cadres and their CME requirement, regions, governorates, directorates and which
governorate or region each belongs to) decides every credit and every scope in the country, so
only national administrators and superusers change it. Everyone else may read it. A role is
handed out only inside a scope the actor administers, never wider than the actor's own.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from workforce.models import Cadre, Directorate, Governorate, Role, RoleAssignment, manages_roles

REFERENCE_MODELS = (Cadre, Directorate, Governorate)


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


def ensure_scope_within_own(*, actor, assignment: RoleAssignment) -> None:
    """Refuse a role wider than any scope the actor administers."""
    if not scope_within_own(actor=actor, assignment=assignment):
        raise PermissionDenied(_("You cannot give a role wider than your own."))
