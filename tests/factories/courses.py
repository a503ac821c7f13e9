import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    ExternalActivity,
    Notice,
    Session,
    Workshop,
)
from courses.validity import valid_until_for
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory

_course_numbers = iter(range(1, 10**9))

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def course_page(**fields) -> CoursePage:
    """A published course in the English catalogue (Wagtail pages are added under their parent)."""
    number = next(_course_numbers)
    fields.setdefault("title", f"Course {number}")
    fields.setdefault("slug", f"course-{number}")
    fields.setdefault("code", f"CRS-{number:03d}")
    fields.setdefault("cme_hours", Decimal("12.0"))
    fields.setdefault("min_attendance_percent", 80)
    fields.setdefault("pass_mark_percent", 70)
    catalogue = CourseIndexPage.objects.get(locale__language_code="en")
    course = catalogue.add_child(instance=CoursePage(**fields))
    course.save_revision().publish()
    return course


class WorkshopFactory(DjangoModelFactory):
    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    course = factory.LazyFunction(course_page)
    venue = factory.SubFactory(FacilityFactory)
    starts_on = datetime.date(2026, 3, 1)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=2))
    status = Workshop.Status.CLOSED

    @factory.post_generation
    def sessions(obj, create, extracted, **kwargs):
        """One session per day of the workshop."""
        if create and extracted is not False:
            days = (obj.ends_on - obj.starts_on).days + 1
            for offset in range(days):
                Session.objects.create(
                    workshop=obj, date=obj.starts_on + datetime.timedelta(days=offset)
                )


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrolment

    workshop = factory.SubFactory(WorkshopFactory)
    health_worker = factory.SubFactory(HealthWorkerFactory)


class AttendanceMarkFactory(DjangoModelFactory):
    class Meta:
        model = AttendanceMark

    enrolment = factory.SubFactory(EnrolmentFactory)
    session = factory.LazyAttribute(lambda o: o.enrolment.workshop.sessions.first())
    status = AttendanceMark.Status.PRESENT
    taken_at = factory.LazyFunction(lambda: datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC))
    method = "roster"


class AssessmentScoreFactory(DjangoModelFactory):
    class Meta:
        model = AssessmentScore

    enrolment = factory.SubFactory(EnrolmentFactory)
    kind = AssessmentScore.Kind.POST
    score = Decimal("85.0")


class CompletionFactory(DjangoModelFactory):
    """A completion as the evaluation would store it (for apps that build on completions)."""

    class Meta:
        model = Completion

    enrolment = factory.SubFactory(EnrolmentFactory)
    health_worker = factory.LazyAttribute(lambda o: o.enrolment.health_worker)
    workshop = factory.LazyAttribute(lambda o: o.enrolment.workshop)
    course = factory.LazyAttribute(lambda o: o.enrolment.workshop.course)
    completed_on = factory.LazyAttribute(lambda o: o.enrolment.workshop.ends_on)
    is_complete = True
    attendance_percent = Decimal("100.0")
    post_score = Decimal("85.0")
    cme_hours = factory.LazyAttribute(lambda o: o.course.cme_hours)
    # As the evaluation stores it: the course's validity from the completion date, if complete.
    valid_until = factory.LazyAttribute(
        lambda o: (
            valid_until_for(completed_on=o.completed_on, months=o.course.validity_months)
            if o.is_complete
            else None
        )
    )


class ExternalActivityFactory(DjangoModelFactory):
    """A claim for outside CME with a small, real PDF as evidence."""

    class Meta:
        model = ExternalActivity

    health_worker = factory.SubFactory(HealthWorkerFactory)
    title = "Regional emergency medicine conference"
    provider = "Iraqi Medical Association"
    kind = ExternalActivity.Kind.CONFERENCE
    date = datetime.date(2026, 2, 10)
    hours = Decimal("6.0")
    evidence = factory.django.FileField(filename="certificate.pdf", data=MINIMAL_PDF)


class NoticeFactory(DjangoModelFactory):
    """A notice as `courses.notices` records it, queued for sending."""

    class Meta:
        model = Notice

    health_worker = factory.SubFactory(HealthWorkerFactory)
    kind = Notice.Kind.SESSION_TOMORROW
    channel = Notice.Channel.SMS
    language = "ar"
    address = "07701234567"
    body = "تذكير: غداً جلسة"
    dedupe_key = factory.Sequence(lambda n: f"sample:{n}")
