"""The certificates the 60- and 14-day reminders are for (certificates_expiring)."""

import datetime

import pytest

from certificates import services
from certificates.selectors import certificates_expiring
from tests.factories.courses import CompletionFactory, EnrolmentFactory, course_page
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db

ON = datetime.date(2026, 12, 5)


def _certificate(valid_until, *, worker=None, course=None, completed_on=None):
    course = course or course_page(validity_months=24)
    enrolment = EnrolmentFactory(
        workshop__course=course, health_worker=worker or HealthWorkerFactory()
    )
    completion = CompletionFactory(
        enrolment=enrolment,
        valid_until=valid_until,
        **({"completed_on": completed_on} if completed_on else {}),
    )
    return services.certificate_issue(completion_id=completion.pk, notify=False)


def _after(days: int) -> datetime.date:
    return ON + datetime.timedelta(days=days)


def test_60_day_reminder_finds_only_the_certificate_ending_exactly_60_days_on(default_template):
    due = _certificate(_after(60))
    _certificate(_after(59))
    _certificate(_after(61))

    assert list(certificates_expiring(on=ON, days=60)) == [due]


def test_14_day_reminder_finds_the_certificate_ending_14_days_on(default_template):
    due = _certificate(_after(14))
    _certificate(_after(60))

    assert list(certificates_expiring(on=ON, days=14)) == [due]


def test_certificate_ending_today_is_due_on_the_day_and_one_ended_yesterday_never(
    default_template,
):
    today = _certificate(ON)
    _certificate(_after(-1))

    assert list(certificates_expiring(on=ON, days=0)) == [today]
    assert [list(certificates_expiring(on=ON, days=days)) for days in (60, 14)] == [[], []]


def test_certificates_that_never_expire_or_are_revoked_get_no_reminder(
    default_template, admin_user
):
    _certificate(None)
    revoked = _certificate(_after(60))
    services.certificate_revoke(certificate=revoked, reason="Entered twice", user=admin_user)

    assert list(certificates_expiring(on=ON, days=60)) == []


def test_holder_who_renewed_the_course_gets_no_reminder_for_the_old_certificate(
    default_template,
):
    worker = HealthWorkerFactory()
    course = course_page(validity_months=24)
    _certificate(_after(60), worker=worker, course=course)
    _certificate(_after(60 + 730), worker=worker, course=course, completed_on=_after(-10))
    other = _certificate(_after(60))  # someone else's certificate of another course

    assert list(certificates_expiring(on=ON, days=60)) == [other]
