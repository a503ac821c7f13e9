"""Attendance beyond the roster tap: QR check-in and the walk-in requests it raises."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from courses.models import AttendanceMark, Enrolment, Session, WalkInRequest
from courses.models.workshops import RecordMethod
from courses.services.marks import MarkOutcome, attendance_mark
from courses.services.roster import enrolment_add
from workforce.duties import decision_service
from workforce.models import HealthWorker

ATTENDED = {AttendanceMark.Status.PRESENT, AttendanceMark.Status.LATE}


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
