"""Writes of a merge: make two records of one person one, preview it, and undo it exactly."""

import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from core.digits import typed_phone
from workforce.duties import decision_service, is_own_record
from workforce.merging.movers import MOVERS
from workforce.models import ADMINISTERING_ROLES, HealthWorker, HealthWorkerAlias, HealthWorkerMerge
from workforce.names import name_normalise
from workforce.signals import health_workers_merged

# The fields an administrator chooses, one by one, between the two records.
MERGE_FIELDS = (
    "name_ar", "name_latin", "sex", "cadre", "facility", "phone", "email", "licence_number",
    "national_id", "licensed_on", "is_verified", "is_external", "organisation",
    "organisation_provider", "user",
)  # fmt: skip
SURVIVOR, MERGED = "survivor", "merged"
_UNIQUE = {"licence_number": None, "national_id": None, "user": None}


def _own_of_pair(call):
    """The one of the two records that is the actor's own, if any (the decision's subject)."""
    pair = (call.get("survivor"), call.get("merged"))
    own = [worker for worker in pair if is_own_record(actor=call.get("actor"), subject=worker)]
    return own[0] if own else pair[0]


def mergeable_workers(actor):
    """The records an administrator may merge: those their administering roles cover."""
    return HealthWorker.objects.visible_to(actor, roles=ADMINISTERING_ROLES)


def _ensure_mergeable(*, actor, survivor, merged) -> None:
    in_scope = mergeable_workers(actor).filter(pk__in=[survivor.pk, merged.pk]).count()
    if in_scope != 2:
        raise Http404  # out of scope (or merged already) answers as if it did not exist
    if survivor.pk == merged.pk:
        raise ValidationError(_("Choose two different records."), code="same_record")


def _row(worker: HealthWorker) -> dict:
    """The stored row as JSON-ready values, keyed by attribute name."""
    values = {f.attname: getattr(worker, f.attname) for f in HealthWorker._meta.concrete_fields}
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _row_restore(pk: int, row: dict) -> None:
    fields = {f.attname: f for f in HealthWorker._meta.concrete_fields}
    values = {name: fields[name].to_python(value) for name, value in row.items() if name != "id"}
    HealthWorker.objects.filter(pk=pk).update(**values)


def _aliases(*, record: HealthWorkerMerge, before: dict, survivor: HealthWorker) -> None:
    """Every identifier and name of either record that the survivor no longer carries."""
    wanted = {}
    for row in (before[MERGED], before[SURVIVOR]):
        for kind in ("licence_number", "national_id"):
            if row[kind] and row[kind] != getattr(survivor, kind):
                wanted[(kind, row[kind].upper())] = row[kind]
        if row["phone"] and typed_phone(row["phone"]) != typed_phone(survivor.phone):
            wanted[("phone", typed_phone(row["phone"]))] = row["phone"]
        for name in (row["name_ar"], row["name_latin"]):
            key = name_normalise(name)
            if key and key not in (survivor.name_key, survivor.name_latin_key):
                wanted[("name", key)] = name
    HealthWorkerAlias.objects.bulk_create(
        HealthWorkerAlias(health_worker=survivor, merge=record, kind=kind, key=key, value=value)
        for (kind, key), value in wanted.items()
    )


@decision_service(subject=_own_of_pair, actor="actor")
@transaction.atomic
def health_worker_merge(
    *, survivor: HealthWorker, merged: HealthWorker, actor, choices: dict[str, str]
) -> HealthWorkerMerge:
    """Merge `merged` into `survivor`: chosen fields, every row of the person, aliases, history.

    `choices` names, for each field of MERGE_FIELDS, the record whose value the survivor keeps
    ("survivor" or "merged"; the survivor's where not given). The actor must administer both
    records and be neither person; the merged record stays, marked merged, for the undo.
    """
    _ensure_mergeable(actor=actor, survivor=survivor, merged=merged)
    if set(choices) - set(MERGE_FIELDS) or set(choices.values()) - {SURVIVOR, MERGED}:
        raise ValidationError(_("Choose, for each field, one of the two records."), code="choice")
    survivor = HealthWorker.objects.select_for_update().get(pk=survivor.pk)
    merged = HealthWorker.objects.select_for_update().get(pk=merged.pk)
    before = {SURVIVOR: _row(survivor), MERGED: _row(merged)}
    record = HealthWorkerMerge.objects.create(
        survivor=survivor, merged=merged, merged_by=actor, before=before
    )
    taken = {}
    for name in MERGE_FIELDS:
        attname = HealthWorker._meta.get_field(name).attname
        source = merged if choices.get(name) == MERGED else survivor
        taken[attname] = getattr(source, attname)
    # Free the merged record's unique identifiers and account before the survivor takes them.
    HealthWorker.objects.filter(pk=merged.pk).update(
        licence_number=None, national_id=None, user=None, merged_into=survivor
    )
    for attname, value in taken.items():
        setattr(survivor, attname, value)
    survivor.full_clean()
    survivor.save()
    accounts = {before[SURVIVOR]["user_id"], before[MERGED]["user_id"]} - {None, survivor.user_id}
    if accounts:
        # The account not chosen stays with the duplicate it belonged to (restored by undo).
        HealthWorker.objects.filter(pk=merged.pk).update(user_id=accounts.pop())
    merged.refresh_from_db()
    record.moves = {
        name: mover.move(survivor=survivor, merged=merged, actor=actor)
        for name, mover in MOVERS.items()
    }
    record.save(update_fields=["moves"])
    _aliases(record=record, before=before, survivor=survivor)
    log(survivor, "cme.health_worker.merge", user=actor, data=_log_data(record))
    _signal(record, undone=False)
    return record


def _log_data(record: HealthWorkerMerge) -> dict:
    moved = sum(len(moves) for moves in record.moves.values())
    return {"merge": record.pk, "survivor": record.survivor_id, "merged": record.merged_id,
            "merged_name": str(record.merged), "changes": moved}  # fmt: skip


def _signal(record: HealthWorkerMerge, *, undone: bool) -> None:
    facility_ids = {row["facility_id"] for row in record.before.values()}
    facility_ids |= {record.survivor.facility_id, record.merged.facility_id}
    health_workers_merged.send(
        sender=HealthWorker,
        survivor=record.survivor,
        merged=record.merged,
        facility_ids=facility_ids,
        undone=undone,
    )


class _Preview(Exception):
    def __init__(self, record):
        self.record = record


def health_worker_merge_preview(**call) -> HealthWorkerMerge:
    """The merge as it would be, computed and rolled back: its `moves` say what would move."""
    try:
        with transaction.atomic():
            record = health_worker_merge(**call)
            record.alias_list = list(record.aliases.all())  # gone with the rollback
            raise _Preview(record)
    except _Preview as preview:
        return preview.record


def merge_undoable(record: HealthWorkerMerge) -> bool:
    """Whether the merge can still be undone: not undone, and no later merge of either record."""
    if record.undone_at is not None:
        return False
    pair = [record.survivor_id, record.merged_id]
    later = HealthWorkerMerge.objects.filter(pk__gt=record.pk, undone_at__isnull=True)
    return (
        not later.filter(survivor_id__in=pair).exists()
        and not later.filter(merged_id__in=pair).exists()
    )


def _own_of_merge(call):
    record = call["record"]
    return _own_of_pair(
        {"survivor": record.survivor, "merged": record.merged, "actor": call.get("actor")}
    )


@decision_service(subject=_own_of_merge, actor="actor")
@transaction.atomic
def health_worker_merge_undo(*, record: HealthWorkerMerge, actor) -> HealthWorkerMerge:
    """Give back every row the merge moved and both records exactly as they were before it."""
    record = HealthWorkerMerge.objects.select_for_update().get(pk=record.pk)
    if not mergeable_workers(actor).filter(pk=record.survivor_id).exists():
        raise Http404
    if not merge_undoable(record):
        raise ValidationError(
            _("This merge was undone already, or a later merge of these records must be undone "
              "first."),
            code="not_undoable",
        )  # fmt: skip
    for name, mover in reversed(list(MOVERS.items())):
        mover.restore(moves=record.moves.get(name, []), actor=actor)
    record.aliases.all().delete()
    HealthWorker.objects.filter(pk=record.merged_id).update(**_UNIQUE)
    _row_restore(record.survivor_id, record.before[SURVIVOR])
    _row_restore(record.merged_id, record.before[MERGED])
    record.undone_at, record.undone_by = timezone.now(), actor
    record.save(update_fields=["undone_at", "undone_by"])
    record.survivor.refresh_from_db()
    record.merged.refresh_from_db()
    log(record.survivor, "cme.health_worker.unmerge", user=actor, data=_log_data(record))
    _signal(record, undone=True)
    return record
