"""The dataValueSet a connection receives for some months, from coverage's monthly cells."""

import datetime
from collections import defaultdict

from django.db.models import Sum

from coverage.models import TrainedCell
from workforce.models import AUDITING_ROLES


def data_value_set_for(*, user, connection, months: list[datetime.date]) -> dict:
    """Workers trained per facility, month and mapped data element, read within the user's scope.

    Course × cadre pairs that share a data element and combo add up into one value: DHIS2 keeps
    one value per data element, period, organisation unit and combo, so each is sent once.
    """
    mapped = {
        (mapping.course_id, mapping.cadre_id): (
            mapping.data_element,
            mapping.category_option_combo,
        )
        for mapping in connection.mappings.all()
    }
    cells = TrainedCell.objects.visible_to(user, roles=AUDITING_ROLES).filter(
        month__in=months,
        workers__gt=0,
        course_id__in={course for course, _cadre in mapped},
        cadre_id__in={cadre for _course, cadre in mapped},
    )
    if connection.governorate_id:
        cells = cells.filter(governorate_id=connection.governorate_id)
    rows = cells.values("facility__code", "course_id", "cadre_id", "month").annotate(
        workers=Sum("workers")
    )
    totals = defaultdict(int)
    for row in rows:
        target = mapped.get((row["course_id"], row["cadre_id"]))
        if target is not None:
            key = (row["month"].strftime("%Y%m"), row["facility__code"], *target)
            totals[key] += row["workers"]
    values = []
    for (period, org_unit, data_element, combo), workers in sorted(totals.items()):
        value = {
            "dataElement": data_element,
            "period": period,
            "orgUnit": org_unit,
            "value": str(workers),
        }
        if combo:
            value["categoryOptionCombo"] = combo
        values.append(value)
    # No completeDate: DHIS2 registers completeness only for a set with one period and org unit.
    return {"dataSet": connection.data_set, "dataValues": values}


def import_params(connection, *, dry_run: bool) -> dict:
    """The query string of the import: dry run or not, create-and-update, the id schemes."""
    return {
        "dryRun": "true" if dry_run else "false",
        "importStrategy": "CREATE_AND_UPDATE",
        "idScheme": connection.id_scheme,
        "orgUnitIdScheme": connection.org_unit_id_scheme,
        "dataSetIdScheme": "UID",  # the data set is always given by its identifier
    }
