"""What the training achieved and where it is missing: knowledge gain by course, coverage gaps."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from coverage.models import ActivityCell
from coverage.selectors.figures import (
    AUDIT_ROLES,
    GROUP_FIELD,
    CoverageQuery,
    Row,
    headcount_cells,
    place_rows,
    scoped_cells,
    trained_cells,
)
from coverage.selectors.validity import expiring_courses, valid_trained
from workforce.models import Facility


@dataclass
class Gain:
    place: Row
    pre_mean: Decimal | None
    post_mean: Decimal | None
    pre_count: int
    post_count: int
    tested_count: int = 0
    paired_count: int = 0
    paired_gain: Decimal | None = None  # mean of each participant's own post - pre

    @property
    def gain(self) -> Decimal | None:
        if self.pre_mean is None or self.post_mean is None:
            return None
        return self.post_mean - self.pre_mean


def knowledge_gain(*, user, query: CoverageQuery) -> list[Gain]:
    """Mean pre- and post-test score per place, and the paired gain, for workshops of the period.

    The group means compare everyone who sat the pre-test with everyone who sat the post-test; the
    paired gain averages each participant's own post - pre over those who sat both, so a weak
    participant missing the post-test cannot lift it.
    """
    group = GROUP_FIELD[query.level]
    sums = {
        row[group]: row
        for row in scoped_cells(ActivityCell, user=user, query=query)
        .filter(month__gte=query.start, month__lte=query.end)
        .values(group)
        .annotate(
            pre_sum=Sum("pre_sum"),
            pre_n=Sum("pre_count"),
            post_sum=Sum("post_sum"),
            post_n=Sum("post_count"),
            tested_n=Sum("tested_count"),
            paired_n=Sum("paired_count"),
            paired_sum=Sum("paired_gain_sum"),
        )
    }
    gains = []
    for place in place_rows(user=user, query=query):
        row = sums.get(place.id, {})
        pre_n, post_n = row.get("pre_n") or 0, row.get("post_n") or 0
        gains.append(
            Gain(
                place=place,
                pre_mean=_mean(row.get("pre_sum"), pre_n),
                post_mean=_mean(row.get("post_sum"), post_n),
                pre_count=pre_n,
                post_count=post_n,
                tested_count=row.get("tested_n") or 0,
                paired_count=row.get("paired_n") or 0,
                paired_gain=_mean(row.get("paired_sum"), row.get("paired_n") or 0),
            )
        )
    return gains


def _mean(total, count: int) -> Decimal | None:
    if not count:
        return None
    return (Decimal(total) / count).quantize(Decimal("0.1"))


@dataclass
class Gap:
    facility: Row
    directorate: str
    governorate: str
    workforce: int


def coverage_gaps(*, user, query: CoverageQuery, course_id: int) -> list[Gap]:
    """Facilities with workers of the chosen cadres none trained in the course, largest first."""
    headcounts = defaultdict(int)
    for facility_id, n in (
        headcount_cells(user=user, query=query)
        .values("facility_id")
        .annotate(n=Sum("workers"))
        .values_list("facility_id", "n")
    ):
        headcounts[facility_id] = n
    if query.valid_on and expiring_courses(course_ids=[course_id]):
        found = valid_trained(
            user=user, query=query, course_ids=[course_id], group="facility_id", roles=AUDIT_ROLES
        )
        trained = {facility_id for facility_id, _course in found}
    else:
        trained = set(
            trained_cells(user=user, query=query)
            .filter(course_id=course_id, workers__gt=0)
            .values_list("facility_id", flat=True)
            .distinct()
        )
    missing = [pk for pk, n in headcounts.items() if n and pk not in trained]
    facilities = Facility.objects.visible_to(user, roles=AUDIT_ROLES).filter(pk__in=missing)
    gaps = [
        Gap(
            facility=Row(id=f.pk, name=f.name, code=f.code),
            directorate=f.directorate.name,
            governorate=f.governorate.name,
            workforce=headcounts[f.pk],
        )
        for f in facilities.select_related("directorate", "governorate")
    ]
    gaps.sort(key=lambda gap: (-gap.workforce, gap.facility.code))
    return gaps
