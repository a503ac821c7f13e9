"""Reads of the tracking side; every read on a user's behalf starts from a `visible_to` queryset."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Avg, Case, Count, Q, Sum, When
from django.utils import timezone

from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    Enrolment,
    ExternalActivity,
    RecordChange,
    Session,
    Workshop,
)
from workforce.models import TRAINING_ROLES, HealthWorker
from workforce.selectors import health_worker_search

# Cycles are counted in whole calendar years from this year: with a 3-year cycle, 2024-2026,
# 2027-2029 and so on. The ministry's licensing cycles all started on 1 January 2024.
CYCLE_EPOCH_YEAR = getattr(settings, "CME_CYCLE_EPOCH_YEAR", 2024)


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
        .select_related("health_worker", "health_worker__cadre")
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
    """Mean pre-test, mean post-test and the gain between them for a workshop's enrolled people."""
    scores = AssessmentScore.objects.filter(
        enrolment__workshop=workshop, enrolment__status=Enrolment.Status.ENROLLED
    )
    pre = scores.filter(kind=AssessmentScore.Kind.PRE).aggregate(m=Avg("score"))["m"]
    post = scores.filter(kind=AssessmentScore.Kind.POST).aggregate(m=Avg("score"))["m"]
    gain = post - pre if pre is not None and post is not None else None
    return {"pre": _one_place(pre), "post": _one_place(post), "gain": _one_place(gain)}


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


@dataclass(frozen=True)
class CycleCredits:
    starts_on: datetime.date
    ends_on: datetime.date
    required: Decimal
    from_workshops: Decimal
    from_claims: Decimal

    @property
    def earned(self) -> Decimal:
        return self.from_workshops + self.from_claims

    @property
    def percent(self) -> int:
        """Share of the requirement earned, capped at 100 for the progress bar."""
        if not self.required:
            return 100
        return min(100, int(self.earned * 100 / self.required))


def cycle_bounds(*, cycle_years: int, on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of the cycle of `cycle_years` that contains `on`."""
    years = max(1, cycle_years)
    start = CYCLE_EPOCH_YEAR + ((on.year - CYCLE_EPOCH_YEAR) // years) * years
    return datetime.date(start, 1, 1), datetime.date(start + years - 1, 12, 31)


def credits_in_cycle(*, health_worker: HealthWorker, on: datetime.date | None = None):
    """CME hours earned in the current cycle (completions and approved claims) against the need.

    A completion counts in the cycle of its completion date; a claim in the cycle of the activity's
    date, once approved.
    """
    on = on or timezone.localdate()
    cadre = health_worker.cadre
    starts_on, ends_on = cycle_bounds(cycle_years=cadre.cycle_years, on=on)
    from_workshops = Completion.objects.filter(
        health_worker=health_worker,
        is_complete=True,
        completed_on__range=(starts_on, ends_on),
    ).aggregate(h=Sum("cme_hours"))["h"]
    from_claims = ExternalActivity.objects.filter(
        health_worker=health_worker,
        status=ExternalActivity.Status.APPROVED,
        date__range=(starts_on, ends_on),
    ).aggregate(h=Sum("hours"))["h"]
    return CycleCredits(
        starts_on=starts_on,
        ends_on=ends_on,
        required=Decimal(cadre.cme_hours_per_cycle),
        from_workshops=from_workshops or Decimal(0),
        from_claims=from_claims or Decimal(0),
    )


def transcript_for(*, health_worker: HealthWorker):
    """The health worker's evaluated workshops, newest first."""
    return (
        Completion.objects.filter(health_worker=health_worker)
        .select_related("course", "workshop__venue")
        .order_by("-completed_on")
    )


def upcoming_workshops_for(*, health_worker: HealthWorker, today: datetime.date | None = None):
    """Planned and open workshops of courses meant for the health worker's cadre."""
    today = today or timezone.localdate()
    return (
        Workshop.objects.filter(
            starts_on__gte=today,
            status__in=[Workshop.Status.PLANNED, Workshop.Status.OPEN],
            course__audience_cadres=health_worker.cadre,
        )
        .select_related("course", "venue")
        .distinct()
        .order_by("starts_on")[:10]
    )


def registry_search(*, user, query: str, limit: int = 20):
    """Health workers the user may see, best match first, by the registry's one search."""
    query = query.strip()
    if not query:
        return HealthWorker.objects.none()
    in_scope = HealthWorker.objects.visible_to(user, roles=TRAINING_ROLES)
    found = health_worker_search(queryset=in_scope, query=query)
    return found.select_related("cadre", "facility")[:limit]


def _arabic_title(page) -> str:
    """The title of a page's Arabic translation, when it has one."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code="ar").first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated.title if translated else ""


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


def transcript_facts(*, health_worker: HealthWorker, on: datetime.date | None = None):
    """What the transcript PDF shows: completions, approved claims and this cycle's credits."""
    from courses.pdf import TranscriptClaim, TranscriptFacts, TranscriptLine

    on = on or timezone.localdate()
    credits = credits_in_cycle(health_worker=health_worker, on=on)
    cadre = health_worker.cadre
    claims = health_worker.external_activities.filter(
        status=ExternalActivity.Status.APPROVED
    ).order_by("-date")
    return TranscriptFacts(
        name_latin=health_worker.name_latin,
        name_arabic=health_worker.name_ar,
        licence_number=health_worker.licence_number or "",
        cadre_en=cadre.name_en,
        cadre_ar=cadre.name_ar or cadre.name_en,
        cycle=f"{credits.starts_on:%Y}–{credits.ends_on:%Y}",
        earned=f"{credits.earned.normalize():f}",
        required=f"{credits.required.normalize():f}",
        lines=tuple(
            TranscriptLine(
                course_en=completion.course.title,
                course_ar=_arabic_title(completion.course),
                completed_on=completion.completed_on,
                attendance_percent=str(completion.attendance_percent),
                completed=completion.is_complete,
                cme_hours=str(completion.cme_hours),
            )
            for completion in transcript_for(health_worker=health_worker)
        ),
        claims=tuple(
            TranscriptClaim(
                title=claim.title, provider=claim.provider, date=claim.date, hours=str(claim.hours)
            )
            for claim in claims
        ),
        issued_on=on,
    )


def course_workshops_to_join(*, course, health_worker: HealthWorker | None, limit: int = 5):
    """The next workshops of a course (any of its translations) and where the reader stands.

    Each item: the workshop, its free places, and the reader's state: "enrolled", a request's
    status ("pending", "accepted", "declined") or "" when they may ask to join.
    """
    workshops = list(
        Workshop.objects.filter(
            course__translation_key=course.translation_key,
            starts_on__gte=timezone.localdate(),
            status__in=[Workshop.Status.PLANNED, Workshop.Status.OPEN],
        )
        .select_related("venue", "venue__governorate")
        .annotate(
            enrolled=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED))
        )
        .order_by("starts_on")[:limit]
    )
    states: dict[int, str] = {}
    if health_worker is not None:
        ids = [workshop.pk for workshop in workshops]
        for request in health_worker.join_requests.filter(workshop__in=ids):
            states[request.workshop_id] = request.status
        for enrolment in health_worker.enrolments.filter(
            workshop__in=ids, status=Enrolment.Status.ENROLLED
        ):
            states[enrolment.workshop_id] = "enrolled"
    return [
        {
            "workshop": workshop,
            "places_left": max(workshop.capacity - workshop.enrolled, 0),
            "state": states.get(workshop.pk, ""),
        }
        for workshop in workshops
    ]
