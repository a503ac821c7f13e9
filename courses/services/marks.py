"""Attendance marks: the one write path of a roster tap, a sync batch and a sheet import.

Every mark, however it arrives, goes through `attendance_marks_record` and the same rules:

- a client UUID seen before (on a mark or in the history) changes nothing, however often and
  however concurrently it is replayed;
- a mark dated further ahead of the server's clock than ATTENDANCE_CLOCK_TOLERANCE is refused;
- an unknown status, a person not on the session's roster, a withdrawn person and a closed
  workshop are refused, each with its reason;
- a mark that says what is already recorded changes nothing;
- otherwise a different UUID for the same person and session changes the mark when it was taken
  later than the stored one; an older one is refused. Marks are ordered by the earlier of the time
  the device gave and the time the server received it, so a mark dated in the future (within the
  tolerance) never blocks a later correction.

A batch is written with a few multi-row statements, and one history row per change.
"""

import datetime
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.bulk import rows_insert  # also registers the `__any` lookup
from courses.models import AttendanceMark, Enrolment, RecordChange, Session, Workshop
from courses.services.history import Change, history_record_many, snapshot

RETRIES = 3  # a concurrent writer of the same marks wins; the batch is re-read and re-applied
LOOKUP_CHUNK = 5000
STATUSES = frozenset(AttendanceMark.Status.values)  # the enum builds a new list on each read


@dataclass(slots=True)
class MarkOutcome:
    """What became of one marking: applied, already known, or refused (with the reason)."""

    APPLIED = "applied"
    KNOWN = "known"
    REFUSED = "refused"

    result: str
    mark: AttendanceMark | None = None
    reason: str = ""
    created: bool = False  # applied as a new mark, not a change of a stored one


@dataclass(slots=True)
class MarkWanted:
    """One mark a trainer took: who, at which session, what, under which client UUID and when."""

    session: Session
    enrolment: Enrolment
    status: str
    client_uuid: uuid.UUID
    taken_at: datetime.datetime | None = None


def attendance_mark(
    *,
    session: Session,
    enrolment: Enrolment,
    status: str,
    client_uuid: uuid.UUID,
    method: str,
    user,
    taken_at: datetime.datetime | None = None,
) -> MarkOutcome:
    """Mark one person at one session, idempotently by the client's UUID (the rules above)."""
    wanted = MarkWanted(session, enrolment, status, client_uuid, taken_at)
    return attendance_marks_record(wanted=[wanted], method=method, user=user)[0]


def attendance_marks_record(
    *,
    wanted: Sequence[MarkWanted],
    method: str,
    user,
    progress: Callable[[int], None] | None = None,
    device_id: uuid.UUID | None = None,
) -> list[MarkOutcome]:
    """Apply many marks with the rules of one: an outcome per mark, in the order given."""
    received_at = timezone.now()
    refused = {
        i: reason for i, item in enumerate(wanted) if (reason := _refusal(item, received_at))
    }
    for attempt in range(RETRIES):
        try:
            with transaction.atomic():
                return _apply(wanted, refused, method, user, received_at, progress, device_id)
        except IntegrityError:
            # Another request stored one of these marks between our read and our write: read
            # again; its marks are now "already known" or compared by time like any other.
            if attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def _refusal(item: MarkWanted, received_at: datetime.datetime) -> str:
    """Why this mark cannot be taken at all, whatever is stored ("" when it can)."""
    taken_at = item.taken_at or received_at
    if taken_at > received_at + settings.ATTENDANCE_CLOCK_TOLERANCE:
        return _(
            "This mark is dated after the server's time: check the device's date and time, "
            "then mark again."
        )
    if item.status not in STATUSES:
        return _("Unknown attendance status.")
    if item.enrolment.workshop_id != item.session.workshop_id:
        return _("This person is not on this roster.")
    if item.enrolment.status != Enrolment.Status.ENROLLED:
        return _("This person has withdrawn.")
    if item.session.workshop.status == Workshop.Status.CLOSED:
        return _("The workshop is closed.")
    return ""


def _apply(wanted, refused, method, user, received_at, progress, device_id) -> list[MarkOutcome]:
    actor = user if getattr(user, "is_authenticated", False) else None
    actor_id = actor.pk if actor else None
    todo = [i for i in range(len(wanted)) if i not in refused]
    known = _known({wanted[i].client_uuid for i in todo})
    stored = _stored([wanted[i] for i in todo])
    outcomes: dict[int, MarkOutcome] = {
        i: MarkOutcome(MarkOutcome.REFUSED, reason=reason) for i, reason in refused.items()
    }
    new: list[AttendanceMark] = []
    changed: dict[int, AttendanceMark] = {}
    history: list[Change] = []
    created, updated = RecordChange.Action.CREATED, RecordChange.Action.CHANGED
    for count, i in enumerate(todo, 1):
        if progress and count % 1000 == 0:
            progress(count)
        item = wanted[i]
        taken_at = item.taken_at or received_at
        if item.client_uuid in known:
            outcomes[i] = MarkOutcome(MarkOutcome.KNOWN, mark=known[item.client_uuid])
            continue
        pair = (item.session.pk, item.enrolment.pk)
        mark = stored.get(pair)
        if mark is not None and min(taken_at, received_at) < min(mark.taken_at, mark.received_at):
            outcomes[i] = MarkOutcome(
                MarkOutcome.REFUSED, mark=mark, reason=_("A later mark is already recorded.")
            )
            continue
        if mark is not None and mark.status == item.status:
            outcomes[i] = MarkOutcome(MarkOutcome.KNOWN, mark=mark)
            continue
        if mark is None:
            before = {}
            # Ids, not instances, and every field given: a batch makes thousands of these.
            mark = AttendanceMark(
                session_id=pair[0],
                enrolment_id=pair[1],
                status=item.status,
                client_uuid=item.client_uuid,
                taken_at=taken_at,
                received_at=received_at,
                method=method,
                recorded_by_id=actor_id,
            )
            stored[pair] = mark
            new.append(mark)
        else:
            before = snapshot(RecordChange.Kind.ATTENDANCE, mark)
            if mark.pk is not None:
                changed[mark.pk] = mark
            mark.status, mark.client_uuid, mark.method = item.status, item.client_uuid, method
            mark.taken_at, mark.received_at = taken_at, received_at
        known[item.client_uuid] = mark
        history.append(
            Change(
                kind=RecordChange.Kind.ATTENDANCE,
                record=mark,
                action=updated if before else created,
                before=before,
                after=snapshot(RecordChange.Kind.ATTENDANCE, mark),
                workshop_id=item.session.workshop_id,
                health_worker_id=item.enrolment.health_worker_id,
                client_uuid=item.client_uuid,
            )
        )
        outcomes[i] = MarkOutcome(MarkOutcome.APPLIED, mark=mark, created=not before)
    _insert_new(new)
    AttendanceMark.objects.bulk_update(
        changed.values(), ["status", "client_uuid", "taken_at", "received_at", "method"], 1000
    )
    history_record_many(changes=history, method=method, actor=actor, device_id=device_id)
    return [outcomes[i] for i in range(len(wanted))]


def _known(keys: set[uuid.UUID]) -> dict[uuid.UUID, AttendanceMark]:
    """The marks these client UUIDs already made (or made and were later superseded)."""
    found: dict[uuid.UUID, AttendanceMark] = {}
    keys = list(keys)
    for start in range(0, len(keys), LOOKUP_CHUNK):
        chunk = keys[start : start + LOOKUP_CHUNK]
        for mark in AttendanceMark.objects.filter(client_uuid__any=chunk):
            found[mark.client_uuid] = mark
        superseded = {
            key: record_id
            for key, record_id in RecordChange.objects.filter(
                kind=RecordChange.Kind.ATTENDANCE, client_uuid__any=chunk
            ).values_list("client_uuid", "record_id")
            if key not in found
        }
        marks = AttendanceMark.objects.in_bulk(set(superseded.values()))
        for key, record_id in superseded.items():
            found[key] = marks.get(record_id) or AttendanceMark(client_uuid=key)
    return found


def _stored(items: list[MarkWanted]) -> dict[tuple[int, int], AttendanceMark]:
    """The stored marks of these people at these sessions, locked until the batch is written."""
    pairs = {(item.session.pk, item.enrolment.pk) for item in items}
    if not pairs:
        return {}
    marks = AttendanceMark.objects.select_for_update().filter(
        session_id__in={session for session, _enrolment in pairs},
        enrolment_id__in={enrolment for _session, enrolment in pairs},
    )
    return {
        (m.session_id, m.enrolment_id): m for m in marks if (m.session_id, m.enrolment_id) in pairs
    }


def _insert_new(marks: list[AttendanceMark]) -> None:
    """Insert the new marks in multi-row statements and give each its id."""
    if not marks:
        return
    fields = ["session", "enrolment", "status", "client_uuid", "taken_at", "received_at"]
    fields += ["method", "recorded_by"]
    with transaction.atomic():  # a savepoint: a concurrent writer's row fails only this insert
        rows_insert(
            AttendanceMark,
            fields,
            [
                (
                    m.session_id,
                    m.enrolment_id,
                    m.status,
                    m.client_uuid,
                    m.taken_at,
                    m.received_at,
                    m.method,
                    m.recorded_by_id,
                )
                for m in marks
            ],
        )
    # (session, person) is unique: a few short id lists find every new mark's id in one query.
    by_pair = {(m.session_id, m.enrolment_id): m for m in marks}
    stored = AttendanceMark.objects.filter(
        session_id__in={session for session, _enrolment in by_pair},
        enrolment_id__in={enrolment for _session, enrolment in by_pair},
    ).values_list("session_id", "enrolment_id", "pk")
    for session_id, enrolment_id, pk in stored:
        mark = by_pair.get((session_id, enrolment_id))
        if mark is not None:
            mark.pk = pk
            mark._state.adding = False
