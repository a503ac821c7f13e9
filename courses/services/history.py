"""The history of tracked records: what each create, change and delete looked like."""

import uuid

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
