"""Attendance: marks taken on the roster, offline or by QR check-in, and walk-in requests."""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import (
    AttendanceMark,
    Enrolment,
    RecordChange,
    Session,
    WalkInRequest,
    Workshop,
)
from courses.models.workshops import RecordMethod
from courses.services.history import history_record, snapshot
from courses.services.roster import enrolment_add
from workforce.duties import decision_service
from workforce.models import HealthWorker

ATTENDED = {AttendanceMark.Status.PRESENT, AttendanceMark.Status.LATE}


@dataclass(frozen=True)
class MarkOutcome:
    """What became of one marking: applied, already known, or refused (with the reason)."""

    APPLIED = "applied"
    KNOWN = "known"
    REFUSED = "refused"

    result: str
    mark: AttendanceMark | None = None
    reason: str = ""


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
    """Mark one person at one session, idempotently by the client's UUID.

    A UUID seen before (on a mark or in the history) changes nothing, however often and however
    concurrently it is replayed. A different UUID for the same person and session changes the mark
    when it was taken later than the stored one; an older one is refused.

    Device clocks can be wrong. A mark dated further ahead of the server's clock than
    ATTENDANCE_CLOCK_TOLERANCE is refused, and marks are ordered by the earlier of the time the
    device gave and the time the server received it, so a mark dated in the future (before this
    rule, or within the tolerance) never blocks a later correction.
    """
    received_at = timezone.now()
    taken_at = taken_at or received_at
    if taken_at > received_at + settings.ATTENDANCE_CLOCK_TOLERANCE:
        return MarkOutcome(
            MarkOutcome.REFUSED,
            reason=_(
                "This mark is dated after the server's time: check the device's date and time, "
                "then mark again."
            ),
        )
    if status not in AttendanceMark.Status.values:
        return MarkOutcome(MarkOutcome.REFUSED, reason=_("Unknown attendance status."))
    if enrolment.workshop_id != session.workshop_id:
        return MarkOutcome(MarkOutcome.REFUSED, reason=_("This person is not on this roster."))
    if enrolment.status != Enrolment.Status.ENROLLED:
        return MarkOutcome(MarkOutcome.REFUSED, reason=_("This person has withdrawn."))
    if session.workshop.status == Workshop.Status.CLOSED:
        return MarkOutcome(MarkOutcome.REFUSED, reason=_("The workshop is closed."))
    with transaction.atomic():
        known = _mark_known(client_uuid)
        if known:
            return MarkOutcome(MarkOutcome.KNOWN, mark=known)
        try:
            with transaction.atomic():
                mark = AttendanceMark.objects.create(
                    session=session,
                    enrolment=enrolment,
                    status=status,
                    client_uuid=client_uuid,
                    taken_at=taken_at,
                    received_at=received_at,
                    method=method,
                    recorded_by=user if getattr(user, "is_authenticated", False) else None,
                )
            before, action = None, RecordChange.Action.CREATED
        except IntegrityError:
            known = _mark_known(client_uuid)
            if known:
                return MarkOutcome(MarkOutcome.KNOWN, mark=known)
            mark = AttendanceMark.objects.select_for_update().get(
                session=session, enrolment=enrolment
            )
            if min(taken_at, received_at) < min(mark.taken_at, mark.received_at):
                return MarkOutcome(
                    MarkOutcome.REFUSED, mark=mark, reason=_("A later mark is already recorded.")
                )
            before = snapshot(RecordChange.Kind.ATTENDANCE, mark)
            mark.status, mark.client_uuid, mark.taken_at, mark.received_at, mark.method = (
                status,
                client_uuid,
                taken_at,
                received_at,
                method,
            )
            mark.save(update_fields=["status", "client_uuid", "taken_at", "received_at", "method"])
            action = RecordChange.Action.CHANGED
        history_record(
            kind=RecordChange.Kind.ATTENDANCE,
            record=mark,
            action=action,
            method=method,
            actor=user,
            before=before,
            workshop=session.workshop,
            health_worker=enrolment.health_worker,
            client_uuid=client_uuid,
        )
    return MarkOutcome(MarkOutcome.APPLIED, mark=mark)


def _mark_known(client_uuid: uuid.UUID) -> AttendanceMark | None:
    mark = AttendanceMark.objects.filter(client_uuid=client_uuid).first()
    if mark:
        return mark
    change = RecordChange.objects.filter(
        kind=RecordChange.Kind.ATTENDANCE, client_uuid=client_uuid
    ).first()
    if change:
        return AttendanceMark.objects.filter(pk=change.record_id).first() or AttendanceMark(
            client_uuid=client_uuid
        )
    return None


# Walk-in requests from QR check-in


@decision_service(subject=lambda call: call["request"].health_worker)
@transaction.atomic
def walk_in_request_decide(*, request: WalkInRequest, accept: bool, user) -> WalkInRequest:
    """Accept (enrol and mark present) or reject someone who checked in without being enrolled."""
    if request.status != WalkInRequest.Status.PENDING:
        return request
    request.status = WalkInRequest.Status.ACCEPTED if accept else WalkInRequest.Status.REJECTED
    request.decided_by = user
    request.save(update_fields=["status", "decided_by"])
    if accept:
        session = request.session
        enrolment = enrolment_add(
            workshop=session.workshop,
            health_worker=request.health_worker,
            user=user,
            source=Enrolment.Source.SELF,
            method=RecordMethod.QR,
            check_capacity=False,
        )
        attendance_mark(
            session=session,
            enrolment=enrolment,
            status=AttendanceMark.Status.PRESENT,
            client_uuid=uuid.uuid5(uuid.NAMESPACE_URL, f"walk-in:{request.pk}"),
            method=RecordMethod.QR,
            user=user,
            taken_at=request.requested_at,
        )
    return request


@transaction.atomic
def qr_check_in(*, session: Session, health_worker: HealthWorker, user) -> str:
    """Mark a participant who scanned the session's code present, or ask the trainer about them.

    Returns "marked", "already" (marked before), "requested" (not on the roster: a walk-in
    request waits for the trainer) or "already_requested" (a second scan while it waits).
    """
    enrolment = session.workshop.enrolments.filter(
        health_worker=health_worker, status=Enrolment.Status.ENROLLED
    ).first()
    if enrolment is None:
        _request, created = WalkInRequest.objects.get_or_create(
            session=session, health_worker=health_worker
        )
        return "requested" if created else "already_requested"
    if AttendanceMark.objects.filter(
        session=session, enrolment=enrolment, status__in=ATTENDED
    ).exists():
        return "already"
    outcome = attendance_mark(
        session=session,
        enrolment=enrolment,
        status=AttendanceMark.Status.PRESENT,
        client_uuid=uuid.uuid4(),
        method=RecordMethod.QR,
        user=user,
    )
    if outcome.result == MarkOutcome.REFUSED:
        raise ValidationError(outcome.reason)
    return "marked"
