"""Pre- and post-test scores, and the completions the course's rule makes of them."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
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
from courses.services.history import history_record, snapshot
from courses.signals import completion_recorded
from workforce.duties import decision_service

ONE_DECIMAL = Decimal("0.1")


# Scores


@transaction.atomic
def scores_record(*, grid: dict[tuple[Enrolment, str], Decimal | None], user) -> None:
    """Record a grid of pre- and post-test scores all or nothing, each cell through `score_set`."""
    for (enrolment, kind), score in grid.items():
        score_set(enrolment=enrolment, kind=kind, score=score, user=user)


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


def completion_outcome(*, enrolment: Enrolment, completion: Completion | None) -> dict:
    """What evaluating the enrolment stores: the rule's outcome, a trainer's override kept."""
    outcome = completion_rule_outcome(enrolment=enrolment)
    if completion and completion.override_reason:
        outcome["is_complete"] = completion.is_complete
    course = enrolment.workshop.course
    outcome["cme_hours"] = course.cme_hours if outcome["is_complete"] else Decimal(0)
    return outcome


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
