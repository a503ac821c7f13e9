"""How `courses` moves a person's rows when two registry records are merged (a merge mover).

Registered in CoursesConfig.ready (see workforce.merging.movers). The rule for clashes, which the
database's one-per-person constraints force: the survivor's row is kept, and the merged record's
row fills only what the survivor lacks.

- Enrolments move, unless both were enrolled in the same workshop: then the survivor's enrolment
  stays, the merged one's marks for sessions the survivor has none of and its tests the survivor
  did not sit move onto it, and so does its completion if the survivor's enrolment has none.
  What is left (a second mark of a session, a second completion) stays with the merged record,
  which counts nowhere, and comes back on undo. A completion is not re-evaluated by the merge.
- Completions follow their enrolment; outside-activity claims and their history move.
- Walk-in and join requests move, unless the survivor asked for the same session or workshop.
- A trainer qualification follows the completion it came from.
- Notices stay: each is what was sent to that record's address (their keys are the events', so
  the survivor is not told of an event twice).
Each moved enrolment, completion and claim gets a line in the record-change log.
"""

from django.utils.translation import gettext_lazy as _

from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    Enrolment,
    ExternalActivity,
    JoinRequest,
    QualifiedTrainer,
    RecordChange,
    WalkInRequest,
)
from courses.models.workshops import RecordMethod
from workforce.merging.movers import Moves, moves_undo

_KINDS = {
    "courses.Enrolment": RecordChange.Kind.ENROLMENT,
    "courses.Completion": RecordChange.Kind.COMPLETION,
    "courses.ExternalActivity": RecordChange.Kind.CLAIM,
}


def _enrolments_move(moves: Moves, *, survivor, merged) -> None:
    kept = {e.workshop_id: e for e in Enrolment.objects.filter(health_worker=survivor)}
    for enrolment in Enrolment.objects.filter(health_worker=merged).order_by("pk"):
        own = kept.get(enrolment.workshop_id)
        if own is None:
            moves.update(enrolment, health_worker_id=survivor.pk)
            continue
        sessions = set(own.marks.values_list("session_id", flat=True))
        for mark in AttendanceMark.objects.filter(enrolment=enrolment).order_by("pk"):
            if mark.session_id not in sessions:
                moves.update(mark, enrolment_id=own.pk)
        tests = set(own.scores.values_list("kind", flat=True))
        for score in AssessmentScore.objects.filter(enrolment=enrolment).order_by("pk"):
            if score.kind not in tests:
                moves.update(score, enrolment_id=own.pk)
        completion = Completion.objects.filter(enrolment=enrolment).first()
        if completion is not None and not Completion.objects.filter(enrolment=own).exists():
            moves.update(completion, enrolment_id=own.pk)


def _requests_move(moves: Moves, model, together: str, *, survivor, merged) -> None:
    asked = set(model.objects.filter(health_worker=survivor).values_list(together, flat=True))
    for request in model.objects.filter(health_worker=merged).order_by("pk"):
        if getattr(request, together) not in asked:
            moves.update(request, health_worker_id=survivor.pk)


def _history(moves: list[dict], *, actor, back: bool) -> None:
    """One record-change line per enrolment, completion or claim that changed hands."""
    lines = []
    for entry in moves:
        kind = _KINDS.get(entry["model"])
        if kind is None or entry["field"] != "health_worker_id":
            continue
        old, new = (entry["new"], entry["old"]) if back else (entry["old"], entry["new"])
        lines.append(
            RecordChange(
                kind=kind, record_id=entry["pk"], action=RecordChange.Action.CHANGED,
                method=RecordMethod.MERGE, before={"health_worker": old},
                after={"health_worker": new}, health_worker_id=new,
                actor=actor if getattr(actor, "is_authenticated", False) else None,
            )
        )  # fmt: skip
    RecordChange.objects.bulk_create(lines)


def courses_rows_move(*, survivor, merged, actor=None) -> Moves:
    """Move the merged record's enrolments, marks, scores, completions, claims, requests and
    trainer qualifications."""
    moves = Moves()
    for change in RecordChange.objects.filter(health_worker=merged).order_by("pk"):
        moves.update(change, health_worker_id=survivor.pk)
    _enrolments_move(moves, survivor=survivor, merged=merged)
    # Completions whose enrolment now belongs to the survivor (moved, or adopted above).
    for completion in Completion.objects.filter(health_worker=merged).order_by("pk"):
        if completion.enrolment.health_worker_id == survivor.pk:
            moves.update(completion, health_worker_id=survivor.pk)
    for claim in ExternalActivity.objects.filter(health_worker=merged).order_by("pk"):
        moves.update(claim, health_worker_id=survivor.pk)
    qualifications = QualifiedTrainer.objects.filter(
        health_worker=merged, completion__health_worker=survivor
    )
    for qualification in qualifications.order_by("pk"):
        moves.update(qualification, health_worker_id=survivor.pk)
    _requests_move(moves, WalkInRequest, "session_id", survivor=survivor, merged=merged)
    _requests_move(moves, JoinRequest, "workshop_id", survivor=survivor, merged=merged)
    _history(moves, actor=actor, back=False)
    return moves


def courses_rows_restore(*, moves: list[dict], actor=None) -> None:
    """Give every moved row back to the record it came from, and log that it went back."""
    moves_undo(moves=moves)
    _history(moves, actor=actor, back=True)


def courses_rows_count(worker) -> list[tuple[str, int]]:
    """What one record holds in courses, for the side-by-side view of two records."""
    return [
        (_("Enrolments"), Enrolment.objects.filter(health_worker=worker).count()),
        (
            _("Completions"),
            Completion.objects.filter(health_worker=worker, is_complete=True).count(),
        ),
        (
            _("Outside-activity claims"),
            ExternalActivity.objects.filter(health_worker=worker).count(),
        ),
        (_("Requests to join"), JoinRequest.objects.filter(health_worker=worker).count()),
    ]
