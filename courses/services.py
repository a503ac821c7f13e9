"""Writes of the tracking side: workshops, rosters, attendance, scores, completions and claims.

Every create, change and delete of an enrolment, attendance mark, score, completion or claim goes
through `history_record`, so the history shown on a workshop and on a health worker's record is
complete. Who may call a service is decided by the caller through the scoped querysets.
"""

import datetime
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    Enrolment,
    ExternalActivity,
    RecordChange,
    Session,
    WalkInRequest,
    Workshop,
)
from courses.models.workshops import RecordMethod
from courses.signals import completion_recorded
from workforce.models import HealthWorker

ATTENDED = {AttendanceMark.Status.PRESENT, AttendanceMark.Status.LATE}
ONE_DECIMAL = Decimal("0.1")

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


# Workshops and sessions


@transaction.atomic
def workshop_create(
    *,
    user,
    course,
    venue,
    starts_on: datetime.date,
    ends_on: datetime.date,
    capacity: int = 30,
    language: str = "ar",
    trainers=(),
) -> Workshop:
    """Schedule a workshop with one session per day; the user who schedules it trains it."""
    workshop = Workshop(
        course=course,
        venue=venue,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        language=language,
        created_by=user,
    )
    workshop.full_clean()
    if (ends_on - starts_on).days > 60:
        raise ValidationError({"ends_on": _("A workshop lasts at most 60 days.")})
    workshop.save()
    workshop.trainers.add(user, *trainers)
    Session.objects.bulk_create(
        Session(workshop=workshop, date=starts_on + datetime.timedelta(days=offset))
        for offset in range((ends_on - starts_on).days + 1)
    )
    return workshop


def session_update(
    *, session: Session, topic: str, starts_at: datetime.time | None, ends_at: datetime.time | None
) -> Session:
    """Change a session's topic and times."""
    session.topic, session.starts_at, session.ends_at = topic, starts_at, ends_at
    session.full_clean()
    session.save()
    return session


def workshop_status_set(*, workshop: Workshop, status: str) -> Workshop:
    """Move a workshop to another status (closing goes through `workshop_close`)."""
    workshop.status = status
    workshop.full_clean()
    workshop.save(update_fields=["status"])
    return workshop


@transaction.atomic
def workshop_close(*, workshop: Workshop, user) -> list[Completion]:
    """Close the workshop and evaluate every enrolment into a completion."""
    workshop_status_set(workshop=workshop, status=Workshop.Status.CLOSED)
    return completions_evaluate(workshop=workshop, user=user)


# Roster


@transaction.atomic
def enrolment_add(
    *,
    workshop: Workshop,
    health_worker: HealthWorker,
    user,
    source: str = Enrolment.Source.REGISTRY,
    method: str = RecordMethod.ROSTER,
    check_capacity: bool = True,
) -> Enrolment:
    """Put a health worker on the roster (again, if they had withdrawn)."""
    enrolment = Enrolment.objects.filter(workshop=workshop, health_worker=health_worker).first()
    if enrolment and enrolment.status == Enrolment.Status.ENROLLED:
        return enrolment
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("The workshop is closed."))
    enrolled = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED).count()
    if check_capacity and enrolled >= workshop.capacity:
        raise ValidationError(_("The workshop is full (%(n)d places).") % {"n": workshop.capacity})
    if enrolment:
        before = snapshot(RecordChange.Kind.ENROLMENT, enrolment)
        enrolment.status = Enrolment.Status.ENROLLED
        enrolment.save(update_fields=["status"])
        action = RecordChange.Action.CHANGED
    else:
        before = None
        enrolment = Enrolment.objects.create(
            workshop=workshop, health_worker=health_worker, source=source
        )
        action = RecordChange.Action.CREATED
    history_record(
        kind=RecordChange.Kind.ENROLMENT,
        record=enrolment,
        action=action,
        method=method,
        actor=user,
        before=before,
        workshop=workshop,
        health_worker=health_worker,
    )
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, user) -> Enrolment:
    """Take a health worker off the roster; their marks stay in the history."""
    if enrolment.status == Enrolment.Status.WITHDRAWN:
        return enrolment
    before = snapshot(RecordChange.Kind.ENROLMENT, enrolment)
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save(update_fields=["status"])
    history_record(
        kind=RecordChange.Kind.ENROLMENT,
        record=enrolment,
        action=RecordChange.Action.CHANGED,
        method=RecordMethod.ROSTER,
        actor=user,
        before=before,
        workshop=enrolment.workshop,
        health_worker=enrolment.health_worker,
    )
    return enrolment


@transaction.atomic
def walk_in_add(*, workshop: Workshop, user, **worker_fields) -> Enrolment:
    """Register a new health worker on the spot and put them on the roster."""
    worker = HealthWorker(**worker_fields)
    worker.full_clean()
    worker.save()
    return enrolment_add(
        workshop=workshop, health_worker=worker, user=user, source=Enrolment.Source.WALK_IN
    )


# Attendance


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
    """
    taken_at = taken_at or timezone.now()
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
            if taken_at < mark.taken_at:
                return MarkOutcome(
                    MarkOutcome.REFUSED, mark=mark, reason=_("A later mark is already recorded.")
                )
            before = snapshot(RecordChange.Kind.ATTENDANCE, mark)
            mark.status, mark.client_uuid, mark.taken_at, mark.method = (
                status,
                client_uuid,
                taken_at,
                method,
            )
            mark.save(update_fields=["status", "client_uuid", "taken_at", "method"])
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


# Scores


@transaction.atomic
def score_set(
    *,
    enrolment: Enrolment,
    kind: str,
    score: Decimal | None,
    user,
    method: str = RecordMethod.ROSTER,
) -> AssessmentScore | None:
    """Enter, change or (with no score) remove a pre- or post-test score."""
    existing = AssessmentScore.objects.filter(enrolment=enrolment, kind=kind).first()
    context = {"workshop": enrolment.workshop, "health_worker": enrolment.health_worker}
    if score is None:
        if existing:
            before = snapshot(RecordChange.Kind.SCORE, existing)
            history_record(
                kind=RecordChange.Kind.SCORE,
                record=existing,
                action=RecordChange.Action.DELETED,
                method=method,
                actor=user,
                before=before,
                **context,
            )
            existing.delete()
        return None
    score = Decimal(score).quantize(ONE_DECIMAL)
    if existing and existing.score == score:
        return existing
    before = snapshot(RecordChange.Kind.SCORE, existing) if existing else None
    record = existing or AssessmentScore(enrolment=enrolment, kind=kind)
    record.score, record.recorded_by = score, user
    record.full_clean()
    record.save()
    history_record(
        kind=RecordChange.Kind.SCORE,
        record=record,
        action=RecordChange.Action.CHANGED if existing else RecordChange.Action.CREATED,
        method=method,
        actor=user,
        before=before,
        **context,
    )
    return record


# Completion


def completion_rule_outcome(*, enrolment: Enrolment) -> dict:
    """Apply the course's completion rule (see CoursePage) to one enrolment's marks and scores.

    The attendance threshold is compared exactly (attended × 100 ≥ minimum × sessions), so a
    participant at exactly the minimum completes; the share shown is rounded half up to 0.1 %.
    """
    workshop = enrolment.workshop
    course = workshop.course
    sessions = workshop.sessions.count()
    counted = set(ATTENDED)
    if course.excused_counts_as_attended:
        counted.add(AttendanceMark.Status.EXCUSED)
    attended = enrolment.marks.filter(status__in=counted).count()
    post = (
        AssessmentScore.objects.filter(enrolment=enrolment, kind=AssessmentScore.Kind.POST)
        .values_list("score", flat=True)
        .first()
    )
    attends = sessions > 0 and attended * 100 >= course.min_attendance_percent * sessions
    passes = course.pass_mark_percent is None or (
        post is not None and post >= course.pass_mark_percent
    )
    percent = Decimal(attended * 100) / sessions if sessions else Decimal(0)
    return {
        "is_complete": attends and passes,
        "attendance_percent": percent.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP),
        "post_score": post,
    }


@transaction.atomic
def completion_evaluate(*, enrolment: Enrolment, user=None) -> Completion | None:
    """Evaluate one enrolment into its completion; nothing changes unless the inputs did.

    A trainer's override keeps its decision on re-evaluation; the attendance share and score are
    still brought up to date.
    """
    if enrolment.status != Enrolment.Status.ENROLLED:
        return None
    workshop = enrolment.workshop
    outcome = completion_rule_outcome(enrolment=enrolment)
    completion = Completion.objects.filter(enrolment=enrolment).first()
    if completion and completion.override_reason:
        outcome["is_complete"] = completion.is_complete
    outcome["cme_hours"] = workshop.course.cme_hours if outcome["is_complete"] else Decimal(0)
    if completion is None:
        completion = Completion(
            enrolment=enrolment,
            health_worker=enrolment.health_worker,
            course=workshop.course,
            workshop=workshop,
            completed_on=workshop.ends_on,
            **outcome,
        )
        completion.save()
        _completion_history(completion, RecordChange.Action.CREATED, RecordMethod.EVALUATION, user)
        return completion
    before = snapshot(RecordChange.Kind.COMPLETION, completion)
    for field, value in outcome.items():
        setattr(completion, field, value)
    completion.completed_on = workshop.ends_on
    if snapshot(RecordChange.Kind.COMPLETION, completion) != before:
        completion.save()
        _completion_history(
            completion, RecordChange.Action.CHANGED, RecordMethod.EVALUATION, user, before
        )
    return completion


def completions_evaluate(*, workshop: Workshop, user=None) -> list[Completion]:
    """Evaluate every enrolment of a workshop."""
    enrolments = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED).select_related(
        "workshop__course", "health_worker"
    )
    return [completion_evaluate(enrolment=enrolment, user=user) for enrolment in enrolments]


@transaction.atomic
def completion_override(*, completion: Completion, is_complete: bool, reason: str, user) -> None:
    """A trainer's decision over the rule; the reason is mandatory and kept."""
    if not reason.strip():
        raise ValidationError({"override_reason": _("Give the reason for the override.")})
    before = snapshot(RecordChange.Kind.COMPLETION, completion)
    completion.is_complete = is_complete
    completion.cme_hours = completion.course.cme_hours if is_complete else Decimal(0)
    completion.override_reason = reason.strip()
    completion.overridden_by = user
    completion.save()
    _completion_history(
        completion, RecordChange.Action.CHANGED, RecordMethod.OVERRIDE, user, before
    )


def _completion_history(completion, action, method, user, before=None) -> None:
    history_record(
        kind=RecordChange.Kind.COMPLETION,
        record=completion,
        action=action,
        method=method,
        actor=user,
        before=before,
        workshop=completion.workshop,
        health_worker=completion.health_worker,
    )
    # Receivers (certificates) queue their work with transaction.on_commit, so a rolled-back
    # evaluation never issues anything.
    completion_recorded.send(sender=Completion, completion=completion)


# Walk-in requests from QR check-in


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


# Outside activities


@transaction.atomic
def external_activity_claim(*, health_worker: HealthWorker, user, **fields) -> ExternalActivity:
    """A health worker's claim for CME done elsewhere, waiting for review."""
    activity = ExternalActivity(health_worker=health_worker, **fields)
    activity.full_clean()
    activity.save()
    history_record(
        kind=RecordChange.Kind.CLAIM,
        record=activity,
        action=RecordChange.Action.CREATED,
        method=RecordMethod.SELF,
        actor=user,
        health_worker=health_worker,
    )
    return activity


@transaction.atomic
def external_activity_review(
    *, activity: ExternalActivity, approve: bool, note: str, user
) -> ExternalActivity:
    """Approve or reject a claim; a rejection needs a note the health worker can act on."""
    if not approve and not note.strip():
        raise ValidationError({"review_note": _("Say why the claim is rejected.")})
    before = snapshot(RecordChange.Kind.CLAIM, activity)
    activity.status = (
        ExternalActivity.Status.APPROVED if approve else ExternalActivity.Status.REJECTED
    )
    activity.review_note = note.strip()
    activity.reviewer = user
    activity.reviewed_at = timezone.now()
    activity.save()
    history_record(
        kind=RecordChange.Kind.CLAIM,
        record=activity,
        action=RecordChange.Action.CHANGED,
        method=RecordMethod.REVIEW,
        actor=user,
        before=before,
        health_worker=activity.health_worker,
    )
    return activity


@transaction.atomic
def qr_check_in(*, session: Session, health_worker: HealthWorker, user) -> str:
    """Mark a participant who scanned the session's code present, or ask the trainer about them.

    Returns "marked", "already" (marked before) or "requested" (not on the roster: a walk-in
    request waits for the trainer).
    """
    enrolment = session.workshop.enrolments.filter(
        health_worker=health_worker, status=Enrolment.Status.ENROLLED
    ).first()
    if enrolment is None:
        WalkInRequest.objects.get_or_create(session=session, health_worker=health_worker)
        return "requested"
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
