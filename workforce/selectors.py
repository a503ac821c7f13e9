"""Reads of the workforce registry; every one that reads for a user goes through `visible_to`."""

from django.db.models import Q, QuerySet

from cme.digits import typed_identifier, typed_phone
from workforce.models import Facility, HealthWorker
from workforce.names import name_normalise


def health_worker_duplicates(
    *,
    user,
    name_ar: str = "",
    name_latin: str = "",
    facility: Facility | None = None,
    licence_number: str | None = None,
    national_id: str | None = None,
    exclude_pk: int | None = None,
) -> QuerySet[HealthWorker]:
    """Registry records, visible to `user`, that look like the person being added.

    A record looks like the same person when it carries the same licence number or national ID,
    or the same normalised name (in either script) at the same facility. Records outside the
    user's scope are not shown; a clashing licence or national ID there is still refused by the
    uniqueness check when saving.
    """
    conditions = []
    if licence_number:
        conditions.append(Q(licence_number=typed_identifier(licence_number)))
    if national_id:
        conditions.append(Q(national_id=typed_identifier(national_id)))
    if facility is not None:
        names = Q(pk__in=[])
        if key := name_normalise(name_ar):
            names |= Q(name_key=key)
        if key := name_normalise(name_latin):
            names |= Q(name_latin_key=key)
        conditions.append(Q(facility=facility) & names)
    if not conditions:
        return HealthWorker.objects.none()
    condition = conditions.pop()
    for other in conditions:
        condition |= other
    found = HealthWorker.objects.visible_to(user).filter(condition)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.select_related("facility", "cadre")


def health_worker_search(*, queryset: QuerySet[HealthWorker], query: str) -> QuerySet[HealthWorker]:
    """Workers whose name (either script, normalised), licence, national ID or phone matches."""
    key = name_normalise(query)
    if not key:
        return queryset
    number = typed_identifier(query)
    return queryset.filter(
        Q(name_key__contains=key)
        | Q(name_latin_key__contains=key)
        | Q(licence_number__iexact=number)
        | Q(national_id=number)
        | Q(phone__contains=typed_phone(query))
    )


def facility_search(*, queryset: QuerySet[Facility], query: str) -> QuerySet[Facility]:
    """Facilities whose name in any language, or code, contains the query, letters folded."""
    key = name_normalise(query)
    return queryset.filter(search_key__contains=key) if key else queryset
