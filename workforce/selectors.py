"""Reads of the workforce registry; every one that reads for a user goes through `visible_to`."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from core.digits import typed_identifier, typed_phone
from workforce.matching import Rank, Typed, fuzzy_pieces, name_rank
from workforce.models import Facility, HealthWorker, HealthWorkerAlias
from workforce.names import name_normalise

# How many rows the fuzzy rank reads at most; the exact and skeleton ranks have no such bound.
FUZZY_CANDIDATES = 2000


def _any(conditions) -> Q:
    found = Q(pk__in=[])
    for condition in conditions:
        found |= condition
    return found


def _fuzzy_ids(queryset, typed: Typed, *, whole: bool, skip: Q) -> list[int]:
    """Rows whose skeleton is similar to the typed one, among those sharing a piece of it."""
    if not typed.skeleton:
        return []
    pieces = _any(Q(name_skeleton__contains=piece) for piece in fuzzy_pieces(typed.skeleton))
    candidates = queryset.filter(pieces).exclude(skip).values_list("pk", "name_skeleton")
    return [
        pk
        for pk, skeleton in candidates[:FUZZY_CANDIDATES]
        if name_rank(typed, keys=(), skeleton=skeleton, whole=whole) == Rank.SIMILAR
    ]


def alias_q(kind: str, key: str, *, contains: bool = False) -> Q:
    """Workers one of whose merged records had this identifier or name (see workforce.merging)."""
    if not key:
        return Q(pk__in=[])
    lookup = {"key__contains" if contains else "key": key.upper() if kind != "name" else key}
    aliases = HealthWorkerAlias.objects.filter(kind=kind, merge__undone_at__isnull=True, **lookup)
    return Q(pk__in=aliases.values("health_worker_id"))


def alias_owners(*, kind: str, keys, queryset) -> dict[str, HealthWorker]:
    """For each alias key of `kind` found, the worker of `queryset` it now belongs to."""
    owners, keys = {}, sorted(keys)
    for start in range(0, len(keys), 500):
        aliases = HealthWorkerAlias.objects.filter(
            kind=kind,
            key__in=keys[start : start + 500],
            merge__undone_at__isnull=True,
            health_worker__in=queryset,
        ).select_related("health_worker")
        owners |= {alias.key: alias.health_worker for alias in aliases}
    return owners


def identifier_q(number: str) -> Q:
    """Workers with this licence number or national ID, their own or a merged record's."""
    if not number:
        return Q(pk__in=[])
    return (
        Q(licence_number__iexact=number)
        | Q(national_id__iexact=number)
        | alias_q("licence_number", number)
        | alias_q("national_id", number)
    )


def health_worker_duplicates(
    *,
    user,
    name_ar: str = "",
    name_latin: str = "",
    facility: Facility | None = None,
    licence_number: str | None = None,
    national_id: str | None = None,
    exclude_pk: int | None = None,
    roles: list[str] | None = None,
) -> list[HealthWorker]:
    """Registry records, visible to `user`, that look like the person being added, best first.

    A record looks like the same person when it carries the same licence number or national ID,
    or the same name at `facility` (anywhere in the user's scope when no facility is given):
    the same normalised name in either script first, then the same consonant skeleton (an
    Arabic spelling of a Sorani one, or back), then a similar skeleton (`workforce.matching`).
    Records outside the user's scope are not shown; a clashing licence or national ID there is
    still refused by the uniqueness check when saving. Each record carries its `match_rank`.
    """
    in_scope = HealthWorker.objects.visible_to(user, roles=roles)
    if exclude_pk is not None:
        in_scope = in_scope.exclude(pk=exclude_pk)
    identifiers = []
    if licence_number:
        identifiers.append(Q(licence_number=typed_identifier(licence_number)))
        identifiers.append(alias_q("licence_number", typed_identifier(licence_number)))
    if national_id:
        identifiers.append(Q(national_id=typed_identifier(national_id)))
        identifiers.append(alias_q("national_id", typed_identifier(national_id)))
    arabic, latin = Typed.of(name_ar), Typed.of(name_latin)
    names = []
    if arabic.key:
        names += [Q(name_key=arabic.key), Q(name_latin_key=arabic.key)]
    if arabic.skeleton:
        names.append(Q(name_skeleton=arabic.skeleton))
    if latin.key:
        names += [Q(name_latin_key=latin.key), Q(name_key=latin.key)]
    area = in_scope.filter(facility=facility) if facility is not None else in_scope
    close = _any(names)
    similar = _fuzzy_ids(area, arabic, whole=True, skip=close)
    found = in_scope.filter(
        _any(identifiers) | (Q(pk__in=area.values("pk")) & (close | Q(pk__in=similar)))
    ).select_related("facility", "cadre")
    wanted = {
        "licence_number": typed_identifier(licence_number or ""),
        "national_id": typed_identifier(national_id or ""),
    }
    ranked = list(found)
    for worker in ranked:
        ranks = [
            Rank.EXACT
            for field, value in wanted.items()
            if value and value == getattr(worker, field)
        ]
        for typed in (arabic, latin):
            keys = (worker.name_key, worker.name_latin_key)
            rank = name_rank(typed, keys=keys, skeleton=worker.name_skeleton, whole=True)
            ranks += [rank] if rank is not None else []
        worker.match_rank = min(ranks, default=Rank.SIMILAR)
    return sorted(ranked, key=lambda worker: (worker.match_rank, str(worker)))


def health_worker_search(*, queryset: QuerySet[HealthWorker], query: str) -> QuerySet[HealthWorker]:
    """Workers whose name, licence, national ID or phone matches, ranked best first.

    Names match by the normalised key in either script (rank 0, with the identifiers), then by
    the consonant skeleton, so a Sorani spelling finds the Arabic one and back (rank 1), then by
    a similar skeleton (rank 2); the rank is annotated as `match_rank`.
    """
    typed = Typed.of(query)
    if not typed.key:
        return queryset
    number, phone = typed_identifier(query.strip()), typed_phone(query.strip())
    # A phone is found from four digits on, as typed in any digits; fewer would match everyone.
    by_phone = Q(pk__in=[])
    if len(phone) >= 4 and phone.isdigit():
        by_phone = Q(phone__contains=phone) | alias_q("phone", phone, contains=True)
    exact = (
        Q(name_key__contains=typed.key)
        | Q(name_latin_key__contains=typed.key)
        | identifier_q(number)
        | alias_q("name", typed.key, contains=True)
        | by_phone
    )
    skeleton = Q(name_skeleton__contains=typed.skeleton) if typed.skeleton else Q(pk__in=[])
    similar = Q(pk__in=_fuzzy_ids(queryset, typed, whole=False, skip=exact | skeleton))
    ordering = queryset.query.order_by or HealthWorker._meta.ordering
    return (
        queryset.filter(exact | skeleton | similar)
        .annotate(
            match_rank=Case(
                When(exact, then=Value(Rank.EXACT)),
                When(skeleton, then=Value(Rank.SKELETON)),
                default=Value(Rank.SIMILAR),
                output_field=IntegerField(),
            )
        )
        .order_by("match_rank", *ordering)
    )


def facility_search(*, queryset: QuerySet[Facility], query: str) -> QuerySet[Facility]:
    """Facilities whose name in any language, or code, contains the query, letters folded."""
    key = name_normalise(query)
    return queryset.filter(search_key__contains=key) if key else queryset
