"""Who may see what: the one mechanism behind every `visible_to(user)`.

A staff user sees the records inside any scope of their role assignments: the whole country, one
region (federal Iraq or the Kurdistan Region), a governorate, a directorate or a single facility.
Each record family says on its queryset, in `scope_via`, the path from a row to the facility it
belongs to (a workshop's `venue`, a completion's `health_worker__facility`); the paths to the
facility's directorate, governorate and region follow from it. Only rows that are places above a
facility, or carry their own place columns, spell out `scope_paths`. Nothing else decides
visibility. Superusers see everything; anonymous users see nothing.
"""

from django.db import models
from django.db.models import Q

NOTHING = Q(pk__in=[])
# Not Q(): an empty Q vanishes when OR-ed (`Q() | own` is just `own`), which would hide everything
# from a national user as soon as a family adds "and always the user's own".
EVERYTHING = ~Q(pk__in=[])


def scope_q(user, scope_paths: dict[str, str], *, roles=None) -> Q:
    """The filter selecting rows inside the user's scopes, reached through `scope_paths`."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    if user.is_superuser:
        return EVERYTHING
    assignments = user.role_assignments.all()
    if roles is not None:
        assignments = assignments.filter(role__in=list(roles))
    condition = NOTHING
    for assignment in assignments:
        if assignment.level == "national":
            return EVERYTHING
        if assignment.level == "region":
            condition |= Q(**{scope_paths["region"]: assignment.region})
        else:
            target_id = getattr(assignment, f"{assignment.level}_id")
            condition |= Q(**{scope_paths[assignment.level]: target_id})
    return condition


def paths_via(facility: str) -> dict[str, str]:
    """The path to each scope level from the path to a facility ("" for a facility itself)."""
    prefix = f"{facility}__" if facility else ""
    return {
        "region": f"{prefix}governorate__region",
        "governorate": f"{prefix}governorate",
        "directorate": f"{prefix}directorate",
        "facility": facility or "pk",
    }


class ScopedQuerySet(models.QuerySet):
    """A queryset whose rows belong to places; subclasses set `scope_via` (or `scope_paths`)."""

    scope_via: str | None = None
    scope_paths: dict[str, str] = {}  # only where no single facility path says it
    scope_through_many = False  # True where a path crosses a reverse relation and can repeat rows

    def scope_q(self, user, *, roles=None) -> Q:
        paths = self.scope_paths if self.scope_via is None else paths_via(self.scope_via)
        return scope_q(user, paths, roles=roles)

    def visible_to(self, user, *, roles=None):
        """Rows the user may see, optionally only through assignments of the given roles."""
        condition = self.scope_q(user, roles=roles)
        queryset = self.filter(condition)
        return queryset.distinct() if self.scope_through_many else queryset
