"""Renewals on the courses side: the validity rule, the completion's last valid day, My learning."""

import datetime
import uuid
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone, translation

from courses import services
from courses.models import RecordChange
from courses.validity import expiry_state, valid_until_for
from tests.factories.courses import CompletionFactory, EnrolmentFactory, course_page

pytestmark = pytest.mark.django_db


def test_validity_of_24_months_runs_to_the_same_day_two_years_on():
    last = valid_until_for(completed_on=datetime.date(2026, 3, 4), months=24)

    assert last == datetime.date(2028, 3, 4)


def test_validity_ending_in_a_shorter_month_ends_on_its_last_day():
    assert valid_until_for(completed_on=datetime.date(2026, 1, 31), months=1) == datetime.date(
        2026, 2, 28
    )
    assert valid_until_for(completed_on=datetime.date(2027, 1, 31), months=13) == datetime.date(
        2028, 2, 29
    )


def test_course_without_validity_never_expires():
    assert valid_until_for(completed_on=datetime.date(2026, 3, 4), months=None) is None


def test_completion_is_valid_on_its_last_day_and_expired_the_next():
    last = datetime.date(2028, 3, 4)

    assert expiry_state(valid_until=last, on=last) == "expiring"
    assert expiry_state(valid_until=last, on=last + datetime.timedelta(days=1)) == "expired"


def test_completion_is_expiring_from_60_days_before_its_last_day_not_61():
    last = datetime.date(2028, 3, 4)

    assert expiry_state(valid_until=last, on=last - datetime.timedelta(days=60)) == "expiring"
    assert expiry_state(valid_until=last, on=last - datetime.timedelta(days=61)) == ""
    assert expiry_state(valid_until=None, on=last) == ""


def _attend_all(enrolment, post="90"):
    for session in enrolment.workshop.sessions.all():
        services.attendance_mark(session=session, enrolment=enrolment, status="present",
                                 client_uuid=uuid.uuid4(), method="roster", user=None)  # fmt: skip
    services.score_set(enrolment=enrolment, kind="post", score=Decimal(post), user=None)


def test_evaluated_completion_of_a_course_with_validity_gets_its_last_valid_day(
    workshop, kirkuk_worker
):
    workshop.course.validity_months = 24
    workshop.course.save()
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    _attend_all(enrolment)

    completion = services.completion_evaluate(enrolment=enrolment)

    assert completion.is_complete
    assert completion.valid_until == datetime.date(2028, 3, 4)


def test_failed_completion_has_no_last_valid_day(workshop, kirkuk_worker):
    workshop.course.validity_months = 24
    workshop.course.save()
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    _attend_all(enrolment, post="10")

    assert services.completion_evaluate(enrolment=enrolment).valid_until is None


def test_completion_of_a_course_without_validity_has_no_last_valid_day(workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    _attend_all(enrolment)

    assert services.completion_evaluate(enrolment=enrolment).valid_until is None


def test_validity_refresh_applies_the_course_validity_now_and_records_it_in_the_history(
    workshop, kirkuk_worker
):
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    )
    workshop.course.validity_months = 12
    workshop.course.save()

    services.completion_validity_refresh(completion=completion)

    completion.refresh_from_db()
    assert completion.valid_until == datetime.date(2027, 3, 4)
    change = RecordChange.objects.filter(kind="completion", record_id=completion.pk).last()
    assert change.after["valid_until"] == "2027-03-04"


def _completion_ending(worker, valid_until):
    course = course_page(title="Basic Life Support", code="BLS-1", validity_months=24)
    return CompletionFactory(
        enrolment=EnrolmentFactory(workshop__course=course, health_worker=worker),
        valid_until=valid_until,
    )


@pytest.mark.parametrize(
    ("language", "expiring", "expired"),
    [
        ("en", "Expires soon", "Expired"),
        ("ar", "تنتهي صلاحيتها قريبًا", "منتهية الصلاحية"),
        ("ckb", "بەم زووانە بەسەر دەچێت", "بەسەرچووە"),
    ],
)
def test_my_learning_transcript_labels_expiring_and_expired_training_with_the_date(
    client, kirkuk_worker, participant_user, language, expiring, expired
):
    today = timezone.localdate()
    soon = _completion_ending(kirkuk_worker, today + datetime.timedelta(days=30))
    _completion_ending(kirkuk_worker, today - datetime.timedelta(days=1))
    client.force_login(participant_user)

    with translation.override(language):
        page = client.get(reverse("courses:my_learning")).content.decode()

    transcript = page.split('id="transcript"')[1].split("</table>")[0]
    assert 'data-expiry="expiring"' in transcript and expiring in transcript
    assert 'data-expiry="expired"' in transcript and expired in transcript
    assert soon.valid_until.strftime("%Y") in transcript


def test_transcript_pdf_prints_the_last_valid_day_and_expired_in_english_and_arabic(
    client, kirkuk_worker, participant_user
):
    from tests.certificates.pdftools import pdf_text

    _completion_ending(kirkuk_worker, datetime.date(2025, 3, 4))
    _completion_ending(kirkuk_worker, datetime.date(2099, 3, 4))
    client.force_login(participant_user)

    [page] = pdf_text(client.get(reverse("courses:my_transcript")).content)

    assert "Expired · Valid until 2025-03-04" in page
    assert "Valid until 2099-03-04" in page and "Expired · Valid until 2099" not in page
    assert "منتهية الصلاحية" in page and "2025/03/04" in page
