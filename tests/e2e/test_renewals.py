"""Renewals on a 360 px phone in Arabic and Kurdish: an expiring certificate in My learning, and
the verification page of an expired one."""

import datetime
import os
from pathlib import Path

import pytest

from django.utils import timezone

from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = ["ar", "ckb"]


def _certificate(facility, worker, valid_until):
    from certificates import services
    from tests.factories.courses import CompletionFactory, EnrolmentFactory, course_page

    course = course_page(
        title="Medical oxygen: safe use and maintenance", code="OXY-101", validity_months=24
    )
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(
            workshop__course=course, workshop__venue=facility, health_worker=worker
        ),
        valid_until=valid_until,
    )
    return services.certificate_issue(completion_id=completion.pk, notify=False)


@pytest.fixture
def holder(kirkuk_facility):
    from tests.factories.workforce import HealthWorkerFactory, UserFactory

    return HealthWorkerFactory(
        facility=kirkuk_facility,
        name_latin="Zainab Hussein Al-Bayati",
        name_ar="زينب حسين البياتي",
        user=UserFactory(username="zainab"),
    )


def _shot(phone, tmp_path, name: str) -> None:
    folder = Path(os.environ.get("E2E_SCREENSHOTS") or tmp_path)
    phone.screenshot(path=str(folder / name), full_page=True)


def _fits(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_learning_on_a_phone_labels_an_expiring_certificate_with_its_date(
    phone, holder, kirkuk_facility, language, tmp_path
):
    last_day = timezone.localdate() + datetime.timedelta(days=30)
    _certificate(kirkuk_facility, holder, last_day)
    login(phone, "zainab")

    phone.goto(f"/{language}/learning/")

    label = phone.locator("#certificates .badge-expiring")
    assert label.is_visible()
    assert phone.locator("#transcript .badge-expiring").is_visible()
    assert _fits(phone)
    _shot(phone, tmp_path, f"renewals-my-learning-{language}.png")


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ar", "شهادة منتهية الصلاحية"), ("ckb", "بڕوانامەی بەسەرچوو")],
)
def test_verification_of_an_expired_certificate_on_a_phone_says_expired(
    phone, holder, kirkuk_facility, language, heading, tmp_path
):
    last_day = timezone.localdate() - datetime.timedelta(days=45)
    certificate = _certificate(kirkuk_facility, holder, last_day)

    phone.goto(f"/{language}/verify/{certificate.verification_code}/")

    status = phone.locator(".verify-status")
    assert heading in status.inner_text()
    assert last_day.isoformat() in phone.locator("main").inner_text()
    assert _fits(phone)
    _shot(phone, tmp_path, f"renewals-verify-expired-{language}.png")
