"""Steps of the national-scale data set for coverage (appended to demo/dataset.py's STEPS).

Courses, workshops with one session a day, enrolments, 4 attendance marks per enrolment, pre- and
post-test scores, completions (nine in ten complete), a valid certificate for each complete one, and
finally the coverage cells. Rows go in with PostgreSQL's COPY where available (2,000,000 marks in
well under a minute), with batched inserts elsewhere.
"""

import datetime
import uuid
from decimal import Decimal

from django.utils import timezone

from certificates.models import Certificate
from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    Session,
    Workshop,
)
from demo.dataset_copy import copy_rows as _copy
from workforce.models import HealthWorker

PREFIX = "GEN-"
FIRST_DAY = datetime.date(2024, 1, 1)
DAYS = 1034  # up to the end of October 2026
LAST_DAY = FIRST_DAY + datetime.timedelta(days=DAYS - 1)
SESSIONS_PER_WORKSHOP = 4
TOPICS = ["Infection prevention", "Medical oxygen", "Emergency obstetric care", "Immunisation",
          "Neonatal resuscitation", "Mental health", "Tuberculosis", "Nutrition"]  # fmt: skip


def _ids(model, **filters) -> list[int]:
    return list(model.objects.filter(**filters).order_by("pk").values_list("pk", flat=True))


def courses_build(ctx) -> None:
    """Published courses in the English catalogue (Wagtail pages, added one by one)."""
    catalogue = CourseIndexPage.objects.filter(locale__language_code="en").first()
    total = ctx.sizes.get("courses", 500)
    for number in range(1, total + 1):
        topic = TOPICS[number % len(TOPICS)]
        catalogue.add_child(
            instance=CoursePage(
                title=f"{topic} {number:03d}",
                slug=f"gen-course-{number:03d}",
                code=f"{PREFIX}C{number:03d}",
                cme_hours=Decimal(ctx.rng.choice(["6.0", "12.0", "18.0", "24.0"])),
                min_attendance_percent=75,
                pass_mark_percent=60,
                live=True,
            )
        )
        catalogue.refresh_from_db()
        if number % 100 == 0:
            ctx.progress("courses", number, total)
    ctx.report["courses"] = _ids(CoursePage, code__startswith=PREFIX)


def courses_clear(ctx) -> None:
    for course in CoursePage.objects.filter(code__startswith=PREFIX):
        course.delete()


def workshops_span(years: int | None) -> tuple[datetime.date, int]:
    """First day and number of days the workshops start in: `years` whole years up to LAST_DAY,
    or the default set's span (January 2024 to October 2026) when no years are asked for."""
    if not years:
        return FIRST_DAY, DAYS
    first = LAST_DAY.replace(year=LAST_DAY.year - years) + datetime.timedelta(days=1)
    return first, (LAST_DAY - first).days + 1


def workshops_build(ctx) -> None:
    """Workshops of those courses at generated facilities, four days each, all closed."""
    rng, total = ctx.rng, ctx.sizes.get("workshops", 8000)
    facilities = _ids_of_generated_facilities()
    courses = ctx.report["courses"]
    now = timezone.now()
    first_day, days = workshops_span(ctx.sizes.get("years"))
    starts = []
    for _number in range(total):
        starts.append(first_day + datetime.timedelta(days=rng.randrange(days)))
    rows = (
        (rng.choice(courses), rng.choice(facilities), day,
         day + datetime.timedelta(days=SESSIONS_PER_WORKSHOP - 1), 70, "ar", "closed", now)
        for day in starts
    )  # fmt: skip
    columns = ["course_id", "venue_id", "starts_on", "ends_on", "capacity", "language", "status",
               "created_at"]  # fmt: skip
    _copy(Workshop, columns, rows, ctx=ctx, label="workshops", total=total)
    workshops = list(
        Workshop.objects.filter(venue__code__startswith=PREFIX)
        .order_by("pk")
        .values_list("pk", "course_id", "venue_id", "starts_on")
    )
    sessions = (
        (pk, start + datetime.timedelta(days=offset), "")
        for pk, _course, _venue, start in workshops
        for offset in range(SESSIONS_PER_WORKSHOP)
    )
    _copy(Session, ["workshop_id", "date", "topic"], sessions, ctx=ctx, label="sessions",
          total=len(workshops) * SESSIONS_PER_WORKSHOP)  # fmt: skip
    ctx.report["workshops"] = workshops


def _ids_of_generated_facilities() -> list[int]:
    from workforce.models import Facility

    return _ids(Facility, code__startswith=PREFIX)


def workshops_clear(ctx) -> None:
    Workshop.objects.filter(venue__code__startswith=PREFIX).delete()


def enrolments_build(ctx) -> None:
    """Enrolments of workers of the venue's governorate, ~equal per workshop."""
    rng, total = ctx.rng, ctx.sizes.get("completions", 500_000)
    workshops = ctx.report["workshops"]
    by_governorate: dict[int, list[int]] = {}
    venue_governorate = {}
    for worker, facility, governorate in HealthWorker.objects.filter(
        facility__code__startswith=PREFIX
    ).values_list("pk", "facility_id", "facility__governorate_id"):
        by_governorate.setdefault(governorate, []).append(worker)
        venue_governorate[facility] = governorate
    per_workshop = max(1, total // len(workshops))
    plan = []
    for index, (workshop, course, venue, start) in enumerate(workshops):
        pool = by_governorate.get(venue_governorate.get(venue)) or next(
            iter(by_governorate.values())
        )
        size = per_workshop + (1 if index < total - per_workshop * len(workshops) else 0)
        for worker in rng.sample(pool, min(size, len(pool))):
            plan.append((workshop, worker, course, start))
    now = timezone.now()
    rows = ((workshop, worker, "enrolled", "registry", now) for workshop, worker, _c, _s in plan)
    _copy(Enrolment, ["workshop_id", "health_worker_id", "status", "source", "created_at"], rows,
          ctx=ctx, label="enrolments", total=len(plan))  # fmt: skip
    ctx.report["enrolments"] = plan


def attendance_build(ctx) -> None:
    """Four marks per enrolment (2,000,000 for 500,000 enrolments); most present."""
    rng = ctx.rng
    sessions: dict[int, list[int]] = {}
    for pk, workshop in Session.objects.filter(
        workshop__venue__code__startswith=PREFIX
    ).values_list("pk", "workshop_id"):
        sessions.setdefault(workshop, []).append(pk)
    enrolments = list(
        Enrolment.objects.filter(workshop__venue__code__startswith=PREFIX)
        .order_by("pk")
        .values_list("pk", "workshop_id", "health_worker_id", "workshop__course_id",
                     "workshop__ends_on")
    )  # fmt: skip
    ctx.report["enrolment_rows"] = enrolments
    taken = timezone.now()
    statuses = ["present"] * 17 + ["late", "absent", "excused"]
    rows = (
        (session, enrolment, rng.choice(statuses), uuid.UUID(int=rng.getrandbits(128)), taken,
         "roster")
        for enrolment, workshop, _worker, _course, _end in enrolments
        for session in sessions[workshop]
    )  # fmt: skip
    columns = ["session_id", "enrolment_id", "status", "client_uuid", "taken_at", "method"]
    total = len(enrolments) * SESSIONS_PER_WORKSHOP
    ctx.report["marks"] = _copy(
        AttendanceMark, columns, rows, ctx=ctx, label="attendance marks", total=total
    )


def scores_build(ctx) -> None:
    """A pre- and a post-test score for every enrolment."""
    rng, now = ctx.rng, timezone.now()
    enrolments = ctx.report["enrolment_rows"]
    rows = (
        row
        for enrolment, *_rest in enrolments
        for row in (
            (enrolment, "pre", Decimal(rng.randrange(200, 800)) / 10, now),
            (enrolment, "post", Decimal(rng.randrange(450, 1000)) / 10, now),
        )
    )
    _copy(AssessmentScore, ["enrolment_id", "kind", "score", "recorded_at"], rows, ctx=ctx,
          label="scores", total=2 * len(enrolments))  # fmt: skip


def completions_build(ctx) -> None:
    """One completion per enrolment, nine in ten complete, then a certificate for each of those."""
    rng, now = ctx.rng, timezone.now()
    hours = dict(CoursePage.objects.filter(code__startswith=PREFIX).values_list("pk", "cme_hours"))
    enrolments = ctx.report["enrolment_rows"]
    rows = (
        (enrolment, worker, course, workshop, end, rng.random() < 0.9, Decimal("100.0"),
         Decimal("80.0"), hours[course], "", now)
        for enrolment, workshop, worker, course, end in enrolments
    )  # fmt: skip
    columns = ["enrolment_id", "health_worker_id", "course_id", "workshop_id", "completed_on",
               "is_complete", "attendance_percent", "post_score", "cme_hours", "override_reason",
               "evaluated_at"]  # fmt: skip
    ctx.report["completions"] = _copy(
        Completion, columns, rows, ctx=ctx, label="completions", total=len(enrolments)
    )
    # Read in full first: a server-side cursor cannot fetch while the connection is in COPY.
    complete = list(
        Completion.objects.filter(
            is_complete=True, workshop__venue__code__startswith=PREFIX
        ).values_list("pk", "course__title", "course__code", "cme_hours", "completed_on")
    )
    certificates = (
        (pk, f"{PREFIX}{pk:09d}", f"{PREFIX}V{pk:09d}", "", "", title, "", "", code, cme, day,
         now, "valid", "", "", "", "[]")
        for pk, title, code, cme, day in complete
    )  # fmt: skip
    columns = ["completion_id", "serial", "verification_code", "holder_name_ar",
               "holder_name_latin", "course_title_en", "course_title_ar", "course_title_ckb",
               "course_code", "cme_hours", "completed_on", "issued_at", "status", "status_reason",
               "signature", "pdf", "providers"]  # fmt: skip
    _copy(Certificate, columns, certificates, ctx=ctx, label="certificates",
          total=len(complete))  # fmt: skip


def attendance_clear(ctx) -> None:
    """Everything hanging off generated workshops goes with them (see workshops_clear)."""
    Certificate.objects.filter(serial__startswith=PREFIX).delete()
    Completion.objects.filter(workshop__venue__code__startswith=PREFIX).delete()


def cells_build(ctx) -> None:
    """The coverage cells and head counts, recomputed from everything above."""
    from coverage.services import coverage_rebuild

    coverage_rebuild()
    ctx.write("   coverage cells rebuilt")


def cells_clear(ctx) -> None:
    from coverage.models import ActivityCell, HeadcountCell, TrainedCell

    for model in (TrainedCell, ActivityCell, HeadcountCell):
        model.objects.all().delete()


def _nothing(ctx) -> None:
    """Cleared with the workshops."""


STEPS = [
    ("3. courses", courses_build, courses_clear),
    ("4. workshops and sessions", workshops_build, workshops_clear),
    ("5. enrolments", enrolments_build, _nothing),
    ("6. attendance marks", attendance_build, _nothing),
    ("7. pre- and post-test scores", scores_build, _nothing),
    ("8. completions and certificates", completions_build, attendance_clear),
    ("9. coverage cells", cells_build, cells_clear),
]
