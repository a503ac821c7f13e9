"""Coverage counting only training still valid on a day ("valid today only").

The cells count every completion, whenever it expires, and a worker counts in the first month of
the period they completed in; which of their completions is still valid depends on the day asked,
so it cannot be summed from the cells. Only courses with a validity differ, and only their
completions that expire carry a `valid_until` (a partial index holds just those): for those courses
the figures are counted at query time from the completions, and every other course keeps its cells,
so the national page asks one index look-up more than before.
"""

import calendar
import datetime

from django.db.models import Count, Q

from courses.models import Completion
from workforce.models import workforce_q

# The cell column each level groups by, as a path from a completion.
COMPLETION_GROUP = {
    "governorate_id": "health_worker__facility__governorate_id",
    "directorate_id": "health_worker__facility__directorate_id",
    "facility_id": "health_worker__facility_id",
    "cadre_id": "health_worker__cadre_id",
}
COMPLETION_PLACE = {
    "governorate": "health_worker__facility__governorate_id",
    "directorate": "health_worker__facility__directorate_id",
    "facility": "health_worker__facility_id",
}


def expiring_courses(*, course_ids) -> set[int]:
    """The courses among `course_ids` of which some completion expires."""
    return set(
        Completion.objects.filter(course_id__in=course_ids, valid_until__isnull=False)
        .values_list("course_id", flat=True)
        .distinct()
    )


def valid_completions(*, user, query, course_ids, roles):
    """Complete completions of verified registry workers in the query's period, place, cadres,
    provider and the user's scope that are still valid on `query.valid_on` (or never expire).

    The same people as the cells count (coverage/cell_sql.py): external participants never.
    """
    last_day = calendar.monthrange(query.end.year, query.end.month)[1]
    completions = Completion.objects.visible_to(user, roles=roles).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=query.valid_on),
        workforce_q("health_worker__"),
        is_complete=True,
        health_worker__is_verified=True,
        health_worker__merged_into__isnull=True,
        course_id__in=course_ids,
        completed_on__gte=query.start,
        completed_on__lte=datetime.date(query.end.year, query.end.month, last_day),
    )
    if query.level != "national":
        completions = completions.filter(**{COMPLETION_PLACE[query.level]: query.place_id})
    if query.cadres:
        completions = completions.filter(health_worker__cadre_id__in=query.cadres)
    if query.provider:
        completions = completions.filter(
            Q(workshop__lead_provider_id=query.provider) | Q(workshop__partners=query.provider)
        )  # a row per matching provider: the figures count distinct workers
    return completions


def valid_trained(*, user, query, course_ids, group: str, roles) -> dict[tuple[int, int], int]:
    """Distinct workers with a completion still valid, per row of the table (`group`) and course."""
    path = COMPLETION_GROUP[group]
    rows = (
        valid_completions(user=user, query=query, course_ids=course_ids, roles=roles)
        .values(path, "course_id")
        .annotate(n=Count("health_worker_id", distinct=True))
        .values_list(path, "course_id", "n")
    )
    return {(place_id, course_id): n for place_id, course_id, n in rows}
