"""Demo step for the tracking records (see demo/build.py): workshops past, running and to come.

Everything goes through the services, so the demo's history, completions and certificates are the
ones a real trainer would leave behind.
"""

import datetime
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from courses import services
from courses.models import AttendanceMark, CoursePage, ExternalActivity, Workshop
from courses.models.workshops import RecordMethod
from workforce.models import Facility, HealthWorker

# (course code, governorate, days before today it started, days, participants)
PAST_WORKSHOPS = [
    ("OXY-101", "KIR", 120, 3, 18),
    ("PHC-110", "KIR", 60, 3, 16),
    ("PHC-110", "BGD", 200, 3, 20),
    ("OXY-101", "BAS", 150, 2, 15),
    ("HRM-201", "ERB", 90, 2, 12),
    ("PHC-110", "SUL", 40, 3, 14),
    ("OXY-101", "NIN", 30, 3, 16),
]
RUNNING = ("PHC-110", "KIR", 1, 3, 15)  # started yesterday: day 2 of 3 is today
UPCOMING = [("OXY-101", "KIR", -21, 3), ("PHC-110", "ERB", -35, 2)]
DEMO_WORKER_LICENCE = "DEMO-KIR-0001"

# Present, late, absent, excused: most people come, a few are late, some miss a day.
ATTENDANCE_WEIGHTS = [84, 7, 6, 3]


def _venue(governorate: str) -> Facility:
    return (
        Facility.objects.filter(code__startswith="DEMO-", governorate__code=governorate)
        .order_by("kind", "code")
        .first()
    )


def _participants(course: CoursePage, governorate: str, count: int, rng) -> list[HealthWorker]:
    workers = list(
        HealthWorker.objects.filter(
            facility__governorate__code=governorate,
            cadre__in=course.audience_cadres.all(),
            user__isnull=True,
        ).order_by("pk")[: count * 4]
    )
    rng.shuffle(workers)
    return workers[:count]


def _workshop(*, trainer, code, governorate, started_days_ago, days, today) -> Workshop:
    course = CoursePage.objects.get(code=code, locale__language_code="en")
    starts_on = today - datetime.timedelta(days=started_days_ago)
    return services.workshop_create(
        user=trainer,
        course=course,
        venue=_venue(governorate),
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        capacity=25,
        language="ckb" if governorate in ("ERB", "SUL", "DOH", "HAL") else "ar",
    )


def _fill(workshop: Workshop, *, trainer, people, rng, today, demo_worker=None) -> None:
    """Roster, marks for the days gone by and scores (post-test only once the last day is over)."""
    enrolments = [
        services.enrolment_add(workshop=workshop, health_worker=worker, user=trainer)
        for worker in people
    ]
    if demo_worker:
        enrolments.append(
            services.enrolment_add(workshop=workshop, health_worker=demo_worker, user=trainer)
        )
    statuses = AttendanceMark.Status.values
    for session in workshop.sessions.all():
        if session.date > today:
            continue
        taken_at = timezone.make_aware(datetime.datetime.combine(session.date, datetime.time(9)))
        for enrolment in enrolments:
            status = (
                AttendanceMark.Status.PRESENT
                if enrolment.health_worker == demo_worker
                else rng.choices(statuses, weights=ATTENDANCE_WEIGHTS)[0]
            )
            services.attendance_mark(
                session=session,
                enrolment=enrolment,
                status=status,
                client_uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                method=rng.choice([RecordMethod.ROSTER, RecordMethod.ROSTER, RecordMethod.QR]),
                user=trainer,
                taken_at=taken_at,
            )
    for enrolment in enrolments:
        pre = rng.randint(35, 70)
        services.score_set(enrolment=enrolment, kind="pre", score=Decimal(pre), user=trainer)
        if workshop.ends_on < today:
            post = min(100, pre + rng.randint(12, 40))
            if enrolment.health_worker == demo_worker:
                post = max(post, 85)
            services.score_set(enrolment=enrolment, kind="post", score=Decimal(post), user=trainer)


def seed_workshops(*, rng, report) -> None:
    """Closed workshops in several governorates, one running today and two to come."""
    trainer = get_user_model().objects.get(username="trainer.kirkuk")
    admin = get_user_model().objects.get(username="admin")
    if Workshop.objects.filter(trainers=trainer).exists():
        report["workshops"] = Workshop.objects.count()
        return
    today = timezone.localdate()
    demo_worker = HealthWorker.objects.filter(licence_number=DEMO_WORKER_LICENCE).first()
    for code, governorate, started, days, count in PAST_WORKSHOPS:
        # The Kirkuk trainer runs the Kirkuk workshops; elsewhere the national administrator does.
        runner = trainer if governorate == "KIR" else admin
        workshop = _workshop(
            trainer=runner,
            code=code,
            governorate=governorate,
            started_days_ago=started,
            days=days,
            today=today,
        )
        course = workshop.course
        people = _participants(course, governorate, count, rng)
        includes_demo = governorate == "KIR" and demo_worker is not None
        _fill(
            workshop,
            trainer=runner,
            people=people,
            rng=rng,
            today=today,
            demo_worker=demo_worker if includes_demo else None,
        )
        services.workshop_close(workshop=workshop, user=runner)
    code, governorate, started, days, count = RUNNING
    workshop = _workshop(
        trainer=trainer,
        code=code,
        governorate=governorate,
        started_days_ago=started,
        days=days,
        today=today,
    )
    services.workshop_status_set(workshop=workshop, status=Workshop.Status.RUNNING)
    # Only yesterday is marked: today's session is the one to mark in the demo.
    _fill(
        workshop,
        trainer=trainer,
        people=_participants(workshop.course, governorate, count, rng),
        rng=rng,
        today=today - datetime.timedelta(days=1),
    )
    for code, governorate, started, days in UPCOMING:
        upcoming = _workshop(
            trainer=trainer if governorate == "KIR" else admin,
            code=code,
            governorate=governorate,
            started_days_ago=started,
            days=days,
            today=today,
        )
        services.workshop_status_set(workshop=upcoming, status=Workshop.Status.OPEN)
    if demo_worker:
        _claims(demo_worker, today=today)
    report["workshops"] = Workshop.objects.count()


def _evidence_png() -> SimpleUploadedFile:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (600, 400), "white")
    ImageDraw.Draw(image).text((40, 180), "Certificate of attendance - demo", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("certificate.png", buffer.getvalue(), content_type="image/png")


def _claims(worker: HealthWorker, *, today) -> None:
    """One approved conference and one online course waiting for the reviewer."""
    reviewer = get_user_model().objects.get(username="reviewer.national")
    conference = services.external_activity_claim(
        health_worker=worker,
        user=worker.user,
        title="Iraqi Nursing Conference",
        provider="Iraqi Nurses Association",
        kind=ExternalActivity.Kind.CONFERENCE,
        date=today - datetime.timedelta(days=75),
        hours=Decimal("6.0"),
        evidence=_evidence_png(),
    )
    services.external_activity_review(
        activity=conference, approve=True, note="Attendance certificate checked.", user=reviewer
    )
    services.external_activity_claim(
        health_worker=worker,
        user=worker.user,
        title="Infection prevention and control (online)",
        provider="WHO Academy",
        kind=ExternalActivity.Kind.ONLINE,
        date=today - datetime.timedelta(days=10),
        hours=Decimal("4.0"),
        evidence=_evidence_png(),
    )
