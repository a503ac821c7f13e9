"""The history of tracked records: what each create, change and delete looked like."""

import dataclasses
import uuid
from dataclasses import dataclass

from django.utils import timezone

from core.bulk import rows_insert
from courses.models import RecordChange, Workshop
from workforce.models import HealthWorker

SNAPSHOT_FIELDS = {
    RecordChange.Kind.ENROLMENT: ["status", "source"],
    RecordChange.Kind.ATTENDANCE: ["session_id", "status", "taken_at", "method"],
    RecordChange.Kind.SCORE: ["kind", "score"],
    RecordChange.Kind.COMPLETION: [
        "is_complete",
        "attendance_percent",
        "post_score",
        "cme_hours",
        "valid_until",
        "override_reason",
    ],
    RecordChange.Kind.CLAIM: [
        "title",
        "provider",
        "kind",
        "date",
        "hours",
        "status",
        "review_note",
    ],
}


def snapshot(kind: str, record) -> dict:
    """The tracked fields of a record as JSON-ready text."""
    values = {}
    for field in SNAPSHOT_FIELDS[kind]:
        value = getattr(record, field)
        values[field] = value if value is None or isinstance(value, bool | int) else str(value)
    return values


def history_record(
    *,
    kind: str,
    record,
    action: str,
    method: str,
    actor=None,
    before: dict | None = None,
    workshop: Workshop | None = None,
    health_worker: HealthWorker | None = None,
    client_uuid: uuid.UUID | None = None,
) -> RecordChange:
    """Record one create, change or delete of a tracked record."""
    after = {} if action == RecordChange.Action.DELETED else snapshot(kind, record)
    return RecordChange.objects.create(
        kind=kind,
        record_id=record.pk,
        action=action,
        method=method,
        before=before or {},
        after=after,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        workshop=workshop,
        health_worker=health_worker,
        client_uuid=client_uuid,
    )


@dataclass(slots=True)
class Change:
    """One history row a bulk write adds; `record` may get its id only after the insert."""

    kind: str
    record: object
    action: str
    after: dict
    workshop_id: int
    health_worker_id: int
    before: dict = dataclasses.field(default_factory=dict)
    client_uuid: uuid.UUID | None = None


def history_record_many(
    *, changes: list[Change], method: str, actor=None, device_id: uuid.UUID | None = None
) -> None:
    """Record many creates and changes in one multi-row insert (imports and sync batches)."""
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    rows_insert(
        RecordChange,
        [
            "kind",
            "record_id",
            "action",
            "method",
            "before",
            "after",
            "actor",
            "at",
            "workshop",
            "health_worker",
            "client_uuid",
            "device_id",
        ],
        [
            (
                change.kind,
                change.record.pk,
                change.action,
                method,
                change.before,
                change.after,
                actor_id,
                now,
                change.workshop_id,
                change.health_worker_id,
                change.client_uuid,
                device_id,
            )
            for change in changes
        ],
    )
