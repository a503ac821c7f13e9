"""Pre- and post-test scores, and the completions the course's rule makes of them."""

import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    Enrolment,
    RecordChange,
    Workshop,
)
from courses.models.workshops import RecordMethod
from courses.services.attendance import ATTENDED
from courses.services.history import Change, history_record, history_record_many, snapshot
from courses.signals import completion_recorded, scores_recorded
from courses.validity import valid_until_for
from workforce.duties import decision_service

ONE_DECIMAL = Decimal("0.1")


# Scores


def score_set(
    *,
    enrolment: Enrolment,
    kind: str,
    score: Decimal | None,
    user,
    method: str = RecordMethod.ROSTER,
) -> AssessmentScore | None:
    """Enter, change or (with no score) remove a pre- or post-test score."""
    recorded = scores_record(grid={(enrolment, kind): score}, user=user, method=method)
    return recorded.records[(enrolment.pk, kind)]


@dataclass(frozen=True)
class ScoresRecorded:
    """Each cell's score after a grid was recorded, and how many were saved or removed."""

    records: dict[tuple[int, str], AssessmentScore | None]
    saved: int = 0
    removed: int = 0


@transaction.atomic
def scores_record(
    *,
    grid: dict[tuple[Enrolment, str], Decimal | None],
    user,
    method: str = RecordMethod.ROSTER,
    device_id: uuid.UUID | None = None,
    client_uuids: dict[tuple[int, str], uuid.UUID] | None = None,
) -> ScoresRecorded:
    """Record a grid of pre- and post-test scores all or nothing: each cell's score, by cell.

    A score is kept to one decimal; the same score again changes nothing; no score removes the
    stored one. A score out of range refuses the whole grid. A phone's scores carry its device id
    and each cell's client UUID (by enrolment id and kind) into the history, for replays.
    """
    if not grid:
        return ScoresRecorded({})
    field = AssessmentScore._meta.get_field("score")
    stored = {
        (s.enrolment_id, s.kind): s
        for s in AssessmentScore.objects.filter(enrolment__in=[e.pk for e, _kind in grid])
    }
    result: dict[tuple[int, str], AssessmentScore | None] = {}
    new, changed, removed, history = [], [], [], []
    for (enrolment, kind), value in grid.items():
        key = (enrolment.pk, kind)
        existing = stored.get(key)
        before = snapshot(RecordChange.Kind.SCORE, existing) if existing else {}
        if value is None:
            result[key] = None
            if existing:
                removed.append(existing)
                deleted = RecordChange.Action.DELETED
                history.append(_score_change(existing, enrolment, deleted, before, after={}))
            continue
        value = field.clean(Decimal(value).quantize(ONE_DECIMAL), None)
        result[key] = existing
        if existing and existing.score == value:
            continue
        record = existing or AssessmentScore(enrolment=enrolment, kind=kind)
        record.score, record.recorded_by, record.recorded_at = value, user, timezone.now()
        (changed if existing else new).append(record)
        action = RecordChange.Action.CHANGED if existing else RecordChange.Action.CREATED
        change = _score_change(record, enrolment, action, before)
        change.client_uuid = (client_uuids or {}).get(key)
        history.append(change)
        result[key] = record
    AssessmentScore.objects.bulk_create(new, batch_size=1000)
    if new and new[0].pk is None:  # backends that return no ids
        ids = {
            (s.enrolment_id, s.kind): s.pk
            for s in AssessmentScore.objects.filter(enrolment__in=[s.enrolment_id for s in new])
        }
        for record in new:
            record.pk = ids[(record.enrolment_id, record.kind)]
    AssessmentScore.objects.bulk_update(changed, ["score", "recorded_by", "recorded_at"], 1000)
    history_record_many(changes=history, method=method, actor=user, device_id=device_id)
    AssessmentScore.objects.filter(pk__in=[s.pk for s in removed]).delete()
    if touched := sorted({s.enrolment_id for s in (*new, *changed, *removed)}):
        # Coverage's score figures follow, whether or not the completion changes with them.
        scores_recorded.send(sender=AssessmentScore, enrolment_ids=touched)
    return ScoresRecorded(result, saved=len(new) + len(changed), removed=len(removed))


def _score_change(record, enrolment, action, before=None, after=None) -> Change:
    return Change(
        kind=RecordChange.Kind.SCORE,
        record=record,
        action=action,
        before=before or {},
        after=snapshot(RecordChange.Kind.SCORE, record) if after is None else after,
        workshop_id=enrolment.workshop_id,
        health_worker_id=enrolment.health_worker_id,
    )


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


def completion_outcome(*, enrolment: Enrolment, completion: Completion | None) -> dict:
    """What evaluating the enrolment stores: the rule's outcome, a trainer's override kept."""
    outcome = completion_rule_outcome(enrolment=enrolment)
    if completion and completion.override_reason:
        outcome["is_complete"] = completion.is_complete
    workshop = enrolment.workshop
    outcome["cme_hours"] = workshop.course.cme_hours if outcome["is_complete"] else Decimal(0)
    outcome["valid_until"] = _valid_until(
        course=workshop.course, completed_on=workshop.ends_on, is_complete=outcome["is_complete"]
    )
    return outcome


def _valid_until(*, course, completed_on, is_complete: bool):
    # Only a complete completion can expire; the course's validity as it is when evaluated.
    if not is_complete:
        return None
    return valid_until_for(completed_on=completed_on, months=course.validity_months)


@transaction.atomic
def completion_validity_refresh(*, completion: Completion, user=None) -> Completion:
    """Apply the course's current validity to a completion (a re-issued certificate takes it)."""
    valid_until = _valid_until(
        course=completion.course,
        completed_on=completion.completed_on,
        is_complete=completion.is_complete,
    )
    if valid_until != completion.valid_until:
        before = snapshot(RecordChange.Kind.COMPLETION, completion)
        completion.valid_until = valid_until
        completion.save(update_fields=["valid_until"])
        # In the history, but no completion_recorded: the outcome, hours and certificate stand.
        history_record(
            kind=RecordChange.Kind.COMPLETION,
            record=completion,
            action=RecordChange.Action.CHANGED,
            method=RecordMethod.EVALUATION,
            actor=user,
            before=before,
            workshop=completion.workshop,
            health_worker=completion.health_worker,
        )
    return completion


@transaction.atomic
def completion_evaluate(*, enrolment: Enrolment, user=None) -> Completion | None:
    """Evaluate one enrolment into its completion; nothing changes unless the inputs did.

    A trainer's override keeps its decision on re-evaluation; the attendance share and score are
    still brought up to date.
    """
    if enrolment.status != Enrolment.Status.ENROLLED:
        return None
    workshop = enrolment.workshop
    completion = Completion.objects.filter(enrolment=enrolment).first()
    outcome = completion_outcome(enrolment=enrolment, completion=completion)
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


@decision_service(subject=lambda call: call["completion"].health_worker)
@transaction.atomic
def completion_override(*, completion: Completion, is_complete: bool, reason: str, user) -> None:
    """A trainer's decision over the rule; the reason is mandatory and kept."""
    if not reason.strip():
        raise ValidationError({"override_reason": _("Give the reason for the override.")})
    before = snapshot(RecordChange.Kind.COMPLETION, completion)
    completion.is_complete = is_complete
    completion.cme_hours = completion.course.cme_hours if is_complete else Decimal(0)
    completion.valid_until = _valid_until(
        course=completion.course, completed_on=completion.completed_on, is_complete=is_complete
    )
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
