"""Reads of trainers' workshops: rosters, marks, scores, closing, history and sign-in sheets."""

from decimal import Decimal

from django.db.models import Avg, Case, Count, Q, When

from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    Enrolment,
    RecordChange,
    Session,
    Workshop,
)
from workforce.models import TRAINING_ROLES, HealthWorker
from workforce.selectors import health_worker_search


# Cycles are counted in whole calendar years from this year: with a 3-year cycle, 2024-2026,
# 2027-2029 and so on. The ministry's licensing cycles all started on 1 January 2024.
def workshops_for_trainer(*, user):
    """Workshops the user may run, soonest first among the open ones."""
    return (
        Workshop.objects.manageable_by(user)
        .select_related("course", "venue")
        .annotate(
            enrolled=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED))
        )
        .order_by(Case(When(status=Workshop.Status.CLOSED, then=1), default=0), "starts_on")
    )


def workshop_roster(*, workshop: Workshop):
    """Enrolled people of a workshop, in name order."""
    return (
        workshop.enrolments.filter(status=Enrolment.Status.ENROLLED)
        .select_related(
            "health_worker", "health_worker__cadre", "health_worker__organisation_provider"
        )
        .order_by("health_worker__name_latin", "health_worker__name_ar")
    )


def session_marks(*, session: Session) -> dict[int, str]:
    """Enrolment id → attendance status at one session."""
    return dict(session.marks.values_list("enrolment_id", "status"))


def session_counts(*, session: Session) -> dict[str, int]:
    """How many are present, late, absent, excused and not yet marked at a session."""
    enrolled = session.workshop.enrolments.filter(status=Enrolment.Status.ENROLLED)
    rows = (
        session.marks.filter(enrolment__in=enrolled)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    counts = dict.fromkeys(AttendanceMark.Status.values, 0) | dict(rows)
    counts["unmarked"] = enrolled.count() - sum(counts.values())
    return counts


def workshop_scores(*, workshop: Workshop) -> dict[int, dict[str, Decimal]]:
    """Enrolment id → {"pre": score, "post": score}."""
    scores: dict[int, dict[str, Decimal]] = {}
    for enrolment_id, kind, score in AssessmentScore.objects.filter(
        enrolment__workshop=workshop
    ).values_list("enrolment_id", "kind", "score"):
        scores.setdefault(enrolment_id, {})[kind] = score
    return scores


def workshop_close_preview(*, workshop: Workshop) -> dict:
    """What closing the workshop would record, by the evaluation's own rule; writes nothing."""
    from courses.services.completion import completion_outcome

    sessions = list(workshop.sessions.all())
    unmarked = []
    for number, session in enumerate(sessions, 1):
        missing = session_counts(session=session)["unmarked"]
        if missing:
            unmarked.append({"number": number, "session": session, "unmarked": missing})
    roster = list(workshop_roster(workshop=workshop).select_related("workshop__course"))
    completions = {c.enrolment_id: c for c in Completion.objects.filter(workshop=workshop)}
    scored = set(
        AssessmentScore.objects.filter(
            enrolment__workshop=workshop, kind=AssessmentScore.Kind.POST
        ).values_list("enrolment_id", flat=True)
    )
    outcomes = [completion_outcome(enrolment=e, completion=completions.get(e.pk)) for e in roster]
    return {
        "unmarked_sessions": unmarked,
        "missing_post_tests": [e.health_worker for e in roster if e.pk not in scored],
        "will_complete": sum(1 for outcome in outcomes if outcome["is_complete"]),
        "will_not_complete": sum(1 for outcome in outcomes if not outcome["is_complete"]),
    }


def workshop_knowledge_gain(*, workshop: Workshop) -> dict:
    """Group means of the pre- and post-test, and the paired gain, of a workshop's enrolled people.

    The paired gain is the mean of each participant's own post - pre over those who sat both tests
    ("paired" of "tested", who sat at least one); the group means compare different people when
    some missed a test.
    """
    scores = AssessmentScore.objects.filter(
        enrolment__workshop=workshop, enrolment__status=Enrolment.Status.ENROLLED
    )
    pre = scores.filter(kind=AssessmentScore.Kind.PRE).aggregate(m=Avg("score"))["m"]
    post = scores.filter(kind=AssessmentScore.Kind.POST).aggregate(m=Avg("score"))["m"]
    gain = post - pre if pre is not None and post is not None else None
    by_person: dict[int, dict[str, Decimal]] = {}
    for enrolment_id, kind, score in scores.values_list("enrolment_id", "kind", "score"):
        by_person.setdefault(enrolment_id, {})[kind] = score
    pairs = [s["post"] - s["pre"] for s in by_person.values() if "pre" in s and "post" in s]
    paired = sum(pairs) / len(pairs) if pairs else None
    return {
        "pre": _one_place(pre),
        "post": _one_place(post),
        "gain": _one_place(gain),
        "paired": _one_place(paired),
        "paired_count": len(pairs),
        "tested_count": len(by_person),
    }


def _one_place(value):
    return None if value is None else Decimal(value).quantize(Decimal("0.1"))


def workshop_history(*, workshop: Workshop, limit: int = 200):
    """The latest changes to a workshop's records."""
    return workshop.history.select_related("actor", "health_worker")[:limit]


def health_worker_history(*, user, health_worker: HealthWorker, limit: int = 200):
    """The latest changes to a health worker's records that the user may see."""
    return (
        RecordChange.objects.visible_to(user)
        .filter(health_worker=health_worker)
        .select_related("actor", "workshop__course")[:limit]
    )


def registry_search(*, user, query: str, limit: int = 20):
    """Health workers the user may see, best match first, by the registry's one search."""
    query = query.strip()
    if not query:
        return HealthWorker.objects.none()
    in_scope = HealthWorker.objects.visible_to(user, roles=TRAINING_ROLES)
    found = health_worker_search(queryset=in_scope, query=query)
    return found.select_related("cadre", "facility")[:limit]


def session_sign_in_facts(*, session: Session):
    """What the printed sign-in sheet of a session shows: the day and the enrolled people."""
    from courses.pdf import SheetFacts, SheetPerson

    workshop = session.workshop
    days = list(workshop.sessions.values_list("pk", flat=True))
    trainers = ", ".join(
        user.get_full_name() or user.get_username() for user in workshop.trainers.all()
    )
    return SheetFacts(
        course_title=workshop.course.title,
        venue=str(workshop.venue),
        date=session.date,
        day_number=days.index(session.pk) + 1,
        days=len(days),
        trainers=trainers,
        people=tuple(
            SheetPerson(
                licence_number=enrolment.health_worker.licence_number or "",
                name_latin=enrolment.health_worker.name_latin,
                name_arabic=enrolment.health_worker.name_ar,
            )
            for enrolment in workshop_roster(workshop=workshop)
        ),
    )
