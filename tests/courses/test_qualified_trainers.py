"""Completing a trainer course qualifies a trainer; only qualified trainers or a waiver lead."""

import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from courses import services
from courses.models import LeadTrainerWaiver, QualifiedTrainer, Workshop
from tests.courses.cascade_tree import trainer_courses
from tests.factories.courses import (
    AssessmentScoreFactory,
    AttendanceMarkFactory,
    EnrolmentFactory,
    WorkshopFactory,
)
from tests.factories.workforce import directorate, staff_user

pytestmark = pytest.mark.django_db
MARCH_4 = datetime.date(2026, 3, 4)


@pytest.fixture
def courses():
    return trainer_courses()


@pytest.fixture
def kirkuk_trainer(kirkuk_worker):
    """A trainer of Kirkuk whose login is linked to their registry record."""
    user = staff_user("trainer", "governorate", governorate=directorate("KIR").governorate)
    kirkuk_worker.user = user
    kirkuk_worker.save()
    return user


def _complete_tot(tot, worker, *, on=MARCH_4):
    """The worker attends the one-day trainer course and passes; the workshop is closed."""
    held = WorkshopFactory(course=tot, venue=worker.facility, starts_on=on, ends_on=on)
    enrolment = EnrolmentFactory(workshop=held, health_worker=worker)
    AttendanceMarkFactory(enrolment=enrolment)
    AssessmentScoreFactory(enrolment=enrolment, score=85)
    return services.workshop_close(workshop=held, user=staff_user("administrator", "national"))[0]


def _schedule(course, user, starts_on, **extra):
    return services.workshop_create(
        user=user,
        course=course,
        venue=user.health_worker.facility if hasattr(user, "health_worker") else extra.pop("venue"),
        starts_on=starts_on,
        ends_on=starts_on,
        **extra,
    )


def test_completing_the_trainer_course_qualifies_for_24_months_less_a_day(courses, kirkuk_worker):
    tot, course = courses
    completion = _complete_tot(tot, kirkuk_worker)
    qualification = QualifiedTrainer.objects.get(health_worker=kirkuk_worker)
    assert qualification.course == course
    assert qualification.completion == completion
    assert (qualification.qualified_on, qualification.valid_until) == (
        MARCH_4,
        datetime.date(2028, 3, 3),
    )


def test_a_trainer_course_without_validity_qualifies_without_expiry(courses, kirkuk_worker):
    tot, _course = courses
    tot.qualification_months = None
    tot.save()
    _complete_tot(tot, kirkuk_worker)
    assert QualifiedTrainer.objects.get(health_worker=kirkuk_worker).valid_until is None


def test_failing_the_trainer_course_qualifies_nobody(courses, kirkuk_worker):
    tot, _course = courses
    held = WorkshopFactory(
        course=tot, venue=kirkuk_worker.facility, starts_on=MARCH_4, ends_on=MARCH_4
    )
    EnrolmentFactory(workshop=held, health_worker=kirkuk_worker)
    services.workshop_close(workshop=held, user=staff_user("administrator", "national"))
    assert not QualifiedTrainer.objects.exists()


def test_a_completion_overridden_to_not_completed_withdraws_the_qualification(
    courses, kirkuk_worker
):
    tot, _course = courses
    completion = _complete_tot(tot, kirkuk_worker)
    services.completion_override(
        completion=completion,
        is_complete=False,
        reason="Sat the post-test for someone else",
        user=staff_user("administrator", "national"),
    )
    assert not QualifiedTrainer.objects.exists()


def test_a_qualified_trainer_leads_on_the_last_valid_day(courses, kirkuk_worker, kirkuk_trainer):
    tot, course = courses
    _complete_tot(tot, kirkuk_worker)
    workshop = _schedule(course, kirkuk_trainer, datetime.date(2028, 3, 3))
    assert workshop.trainer_roles.get().role == "lead"


def test_a_trainer_whose_qualification_expired_the_day_before_is_refused(
    courses, kirkuk_worker, kirkuk_trainer
):
    tot, course = courses
    _complete_tot(tot, kirkuk_worker)
    with pytest.raises(ValidationError) as refused:
        _schedule(course, kirkuk_trainer, datetime.date(2028, 3, 4))
    assert "Only a qualified trainer of" in refused.value.messages[0]
    assert not Workshop.objects.filter(course=course).exists()


def test_a_workshop_before_the_trainer_qualified_is_refused(courses, kirkuk_worker, kirkuk_trainer):
    tot, course = courses
    _complete_tot(tot, kirkuk_worker)
    with pytest.raises(ValidationError):
        _schedule(course, kirkuk_trainer, MARCH_4 - datetime.timedelta(days=1))


def test_an_unqualified_trainer_scheduling_on_the_page_is_told_why_in_arabic(
    client, courses, kirkuk_trainer
):
    _tot, course = courses
    client.force_login(kirkuk_trainer)
    response = client.post(
        "/ar" + reverse("courses:workshop_create"),
        {
            "course": course.pk,
            "venue": kirkuk_trainer.health_worker.facility.pk,
            "starts_on": "2026-05-01",
            "ends_on": "2026-05-02",
            "capacity": 20,
            "language": "ar",
        },
    )
    assert response.status_code == 200
    assert "مدرّب مؤهَّل" in response.content.decode()
    assert not Workshop.objects.filter(course=course).exists()


def test_a_course_without_a_trainer_course_needs_no_qualification(kirkuk_trainer):
    from tests.factories.courses import course_page

    workshop = _schedule(course_page(), kirkuk_trainer, MARCH_4)
    assert workshop.trainer_roles.get().user == kirkuk_trainer


def test_an_administrator_in_scope_records_a_waiver_with_its_reason(courses, kirkuk_trainer):
    _tot, course = courses
    admin = staff_user("administrator", "governorate", governorate=directorate("KIR").governorate)
    workshop = _schedule(
        course,
        admin,
        MARCH_4,
        venue=kirkuk_trainer.health_worker.facility,
        lead=kirkuk_trainer,
        waiver_reason="No qualified trainer in Kirkuk until the next OXY-TOT",
    )
    waiver = LeadTrainerWaiver.objects.get(workshop=workshop)
    assert (waiver.trainer, waiver.granted_by) == (kirkuk_trainer, admin)
    assert waiver.reason == "No qualified trainer in Kirkuk until the next OXY-TOT"
    assert workshop.trainer_roles.get(role="lead").user == kirkuk_trainer


def test_a_waiver_without_a_reason_is_refused(courses, kirkuk_trainer):
    _tot, course = courses
    admin = staff_user("administrator", "national")
    workshop = WorkshopFactory(course=course, venue=kirkuk_trainer.health_worker.facility)
    with pytest.raises(ValidationError):
        services.lead_waiver_record(
            workshop=workshop, trainer=kirkuk_trainer, reason="  ", user=admin
        )
    assert not LeadTrainerWaiver.objects.exists()


def test_a_trainer_cannot_waive_the_qualification(courses, kirkuk_trainer):
    _tot, course = courses
    colleague = staff_user("trainer", "governorate", governorate=directorate("KIR").governorate)
    workshop = WorkshopFactory(course=course, venue=kirkuk_trainer.health_worker.facility)
    with pytest.raises(PermissionDenied):
        services.workshop_lead_set(
            workshop=workshop,
            trainer=kirkuk_trainer,
            user=colleague,
            waiver_reason="Short of trainers",
        )
    assert not LeadTrainerWaiver.objects.exists()


def test_an_administrator_of_another_governorate_cannot_waive(courses, kirkuk_trainer):
    _tot, course = courses
    basra_admin = staff_user(
        "administrator", "governorate", governorate=directorate("BAS").governorate
    )
    workshop = WorkshopFactory(course=course, venue=kirkuk_trainer.health_worker.facility)
    with pytest.raises(PermissionDenied):
        services.lead_waiver_record(
            workshop=workshop, trainer=kirkuk_trainer, reason="Short of trainers", user=basra_admin
        )


def test_the_workshop_page_shows_the_waiver_of_the_lead(client, courses, kirkuk_trainer):
    _tot, course = courses
    admin = staff_user("administrator", "national")
    workshop = WorkshopFactory(course=course, venue=kirkuk_trainer.health_worker.facility)
    client.force_login(admin)
    response = client.post(
        reverse("courses:lead_set", args=[workshop.pk]),
        {"trainer": kirkuk_trainer.pk, "waiver_reason": "Only trainer who speaks Turkmen"},
    )
    assert response.status_code == 302
    client.force_login(kirkuk_trainer)
    html = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    assert "Leads by a waiver of" in html
    assert "Only trainer who speaks Turkmen" in html


def test_a_month_from_the_31st_of_january_ends_on_the_last_day_of_february(courses, kirkuk_worker):
    tot, _course = courses
    tot.qualification_months = 1
    tot.save()
    _complete_tot(tot, kirkuk_worker, on=datetime.date(2027, 1, 31))
    qualification = QualifiedTrainer.objects.get(health_worker=kirkuk_worker)
    assert qualification.valid_until == datetime.date(2027, 2, 27)


def test_an_administrator_schedules_on_the_page_for_an_unqualified_lead_with_a_waiver(
    client, courses, kirkuk_trainer
):
    _tot, course = courses
    admin = staff_user("administrator", "governorate", governorate=directorate("KIR").governorate)
    client.force_login(admin)
    response = client.post(
        reverse("courses:workshop_create"),
        {
            "course": course.pk,
            "venue": kirkuk_trainer.health_worker.facility.pk,
            "starts_on": "2026-05-01",
            "ends_on": "2026-05-02",
            "capacity": 20,
            "language": "ar",
            "lead": kirkuk_trainer.pk,
            "waiver_reason": "The only trainer who teaches in Turkmen",
        },
    )
    workshop = Workshop.objects.get(course=course)
    assert response.status_code == 302
    assert workshop.trainer_roles.get().user == kirkuk_trainer
    assert workshop.lead_waivers.get().reason == "The only trainer who teaches in Turkmen"


def test_a_lead_from_another_governorate_is_refused_and_nothing_scheduled(
    client, courses, kirkuk_trainer
):
    _tot, course = courses
    basra_trainer = staff_user("trainer", "governorate", governorate=directorate("BAS").governorate)
    with pytest.raises(ValidationError):
        _schedule(course, kirkuk_trainer, MARCH_4, lead=basra_trainer, waiver_reason="x")
    assert not Workshop.objects.filter(course=course).exists()
