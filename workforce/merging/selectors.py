"""Reads for merging: likely duplicate pairs in an administrator's scope; two records compared."""

from dataclasses import dataclass, field
from itertools import combinations

from django.apps import apps
from django.db.models import Count, F
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from core.digits import typed_phone
from workforce.matching import Rank, Typed, name_rank
from workforce.merging.movers import MOVERS
from workforce.merging.services import MERGE_FIELDS, mergeable_workers
from workforce.models import HealthWorker

# A group of more records than this sharing one key is a key too common to mean one person
# (a shared facility phone); it is left out rather than listed as dozens of pairs.
GROUP_AT_MOST = 6
PAIRS_AT_MOST = 200

REASONS = {
    "name": _("same name and cadre"),
    "phone": _("same phone"),
    "identifier": _("same licence number or national ID"),
}


@dataclass
class DuplicatePair:
    first: HealthWorker
    second: HealthWorker
    reasons: list = field(default_factory=list)
    rank: Rank = Rank.SIMILAR


def _groups(queryset, *keys) -> list[list[int]]:
    """Ids of the records sharing each value of `keys` (expressions), among small groups."""
    named = {f"k{i}": F(key) if isinstance(key, str) else key for i, key in enumerate(keys)}
    shared = (
        queryset.annotate(**named)
        .values(*named)
        .annotate(n=Count("pk"))
        .filter(n__gt=1, n__lte=GROUP_AT_MOST)
        .order_by()
    )
    groups = []
    for row in shared[:PAIRS_AT_MOST]:
        values = {name: row[name] for name in named}
        if any(value in ("", None) for value in values.values()):
            continue
        ids = queryset.annotate(**named).filter(**values).values_list("pk", flat=True)
        groups.append(sorted(ids))
    return groups


def duplicate_pairs(*, user) -> list[DuplicatePair]:
    """Pairs of records in the user's administering scope that look like one person, best first.

    A pair shares the normalised name in either script or its consonant skeleton (an Arabic and
    a Sorani spelling of one name match), in one cadre; or a phone; or a licence number or
    national ID written differently (capitals). The registry records no birth date, so the
    cadre stands in for it. Each pair is ranked by `workforce.matching.name_rank`.
    """
    records = mergeable_workers(user)
    pairs: dict[tuple[int, int], list[str]] = {}
    grouped = [
        ("name", _groups(records, "name_key", "cadre_id")),
        ("name", _groups(records, "name_skeleton", "cadre_id")),
        ("name", _groups(records, "name_latin_key", "cadre_id")),
        ("phone", _groups(records, "phone")),
        ("identifier", _groups(records, Upper("licence_number"))),
        ("identifier", _groups(records, Upper("national_id"))),
    ]
    for reason, groups in grouped:
        for ids in groups:
            for pair in combinations(ids, 2):
                reasons = pairs.setdefault(pair, [])
                if REASONS[reason] not in reasons:
                    reasons.append(REASONS[reason])
    chosen = sorted(pairs)[:PAIRS_AT_MOST]
    ids = {pk for pair in chosen for pk in pair}
    workers = records.filter(pk__in=ids).select_related("facility", "cadre").in_bulk()
    found = []
    for first, second in chosen:
        pair = DuplicatePair(workers[first], workers[second], pairs[(first, second)])
        typed = Typed.of(pair.first.name_ar or pair.first.name_latin)
        keys = (pair.second.name_key, pair.second.name_latin_key)
        rank = name_rank(typed, keys=keys, skeleton=pair.second.name_skeleton, whole=True)
        pair.rank = Rank.SIMILAR if rank is None else rank
        found.append(pair)
    return sorted(found, key=lambda p: (-len(p.reasons), p.rank, str(p.first)))


@dataclass
class ComparedField:
    name: str
    label: str
    survivor: str
    merged: str

    @property
    def differs(self) -> bool:
        return self.survivor != self.merged

    @property
    def default(self) -> str:
        """The survivor's value, unless it has none and the other record has one."""
        return "merged" if not self.survivor and self.merged else "survivor"


def _shown(worker: HealthWorker, name: str) -> str:
    value = getattr(worker, name)
    if name == "phone":
        return typed_phone(value) or ""
    if name == "is_verified":
        return str(_("yes") if value else _("no"))
    if name == "sex":
        return worker.get_sex_display()
    if name == "user":
        return value.get_username() if value else ""
    return "" if value is None else str(value)


def merge_comparison(*, survivor: HealthWorker, merged: HealthWorker) -> list[ComparedField]:
    """Each field an administrator chooses, with both records' values as a person reads them."""
    return [
        ComparedField(
            name=name,
            label=str(HealthWorker._meta.get_field(name).verbose_name),
            survivor=_shown(survivor, name),
            merged=_shown(merged, name),
        )
        for name in MERGE_FIELDS
    ]


def merge_counts(*, survivor: HealthWorker, merged: HealthWorker) -> list[tuple[str, int, int]]:
    """What each record holds in the apps above the registry: (label, survivor's, merged's)."""
    rows = []
    for mover in MOVERS.values():
        if mover.counts is not None:
            theirs = dict(mover.counts(merged))
            rows += [(label, n, theirs[label]) for label, n in mover.counts(survivor)]
    return rows


def merge_moved(record) -> list[tuple[str, int]]:
    """How many rows of each kind a merge moved (or, previewed, would move)."""
    counted: dict[str, set] = {}
    for moves in record.moves.values():
        for entry in moves:
            counted.setdefault(entry["model"], set()).add(entry["pk"])
    return [
        (str(apps.get_model(label)._meta.verbose_name_plural), len(pks))
        for label, pks in sorted(counted.items())
    ]
