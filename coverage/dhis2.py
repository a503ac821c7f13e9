"""Monthly workers trained per facility and course as a DHIS2 `dataValueSets` document.

Mapping (import with `idScheme=CODE`, see docs/coverage.md):
- data element: `CME_TRAINED_<course code>`, one per course;
- period: the month, `YYYYMM`;
- organisation unit: the facility code of the registry;
- category option combo: the cadre code (a "Cadre" category on the data elements);
- value: distinct health workers of that cadre at that facility who completed the course that month.
"""

from django.db.models import Sum
from django.utils import timezone

from coverage import selectors
from coverage.models import TrainedCell
from coverage.selectors import AUDIT_ROLES, CoverageQuery

DATA_ELEMENT_PREFIX = "CME_TRAINED_"


def data_value_set(*, user, query: CoverageQuery) -> dict:
    """The document for the user's scope, the query's place, courses, cadres and months."""
    cells = TrainedCell.objects.visible_to(user, roles=AUDIT_ROLES).filter(
        month__gte=query.start, month__lte=query.end
    )
    if query.level != "national":
        cells = cells.filter(**{selectors.PLACE_FIELD[query.level]: query.place_id})
    if query.courses:
        cells = cells.filter(course_id__in=query.courses)
    if query.cadres:
        cells = cells.filter(cadre_id__in=query.cadres)
    rows = (
        cells.values("facility__code", "course__code", "cadre__code", "month")
        .annotate(workers=Sum("workers"))
        .order_by("month", "facility__code", "course__code", "cadre__code")
    )
    return {
        "completeDate": timezone.localdate().isoformat(),
        "dataValues": [
            {
                "dataElement": f"{DATA_ELEMENT_PREFIX}{row['course__code']}",
                "period": row["month"].strftime("%Y%m"),
                "orgUnit": row["facility__code"],
                "categoryOptionCombo": row["cadre__code"],
                "value": str(row["workers"]),
            }
            for row in rows
        ],
    }
