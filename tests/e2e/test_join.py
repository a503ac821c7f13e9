"""On a phone, a health worker asks to join a workshop in Arabic; a Kurdish trainer accepts."""

import datetime
import os

import pytest

from django.utils import timezone

from courses.models import Enrolment, Workshop
from tests.e2e.conftest import login
from tests.factories.course_pages import translation_of
from tests.factories.courses import course_page
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    UserFactory,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _screenshot(page, name: str) -> None:
    if folder := os.environ.get("SCREENSHOTS"):
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_worker_asks_to_join_in_arabic_and_a_kurdish_trainer_accepts_on_a_phone(phone):
    course = course_page(title="Medical oxygen", code="OXY-101")
    arabic = translation_of(course, language="ar", title="الأكسجين الطبي")
    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Teaching Hospital")
    starts = timezone.localdate() + datetime.timedelta(days=10)
    workshop = Workshop.objects.create(
        course=course, venue=venue, starts_on=starts, ends_on=starts, status="open", capacity=20
    )
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    workshop.trainers.add(trainer)
    worker = HealthWorkerFactory(
        facility=venue,
        name_latin="Sara Aziz",
        name_ar="سارة عزيز",
        user=UserFactory(username="sara"),
    )

    login(phone, "sara")
    phone.goto(arabic.url)
    assert phone.locator("html").get_attribute("dir") == "rtl"
    section = phone.locator("#workshops")
    assert "الورش القادمة" in section.inner_text()
    assert "بقي 20 مكانًا" in section.inner_text()
    section.get_by_role("button", name="اطلب الانضمام").click()
    phone.wait_for_load_state()
    assert "بانتظار المدرّب" in phone.locator("#workshops").inner_text()
    assert _fits_the_screen(phone)
    _screenshot(phone, "join-ar-phone")

    phone.context.clear_cookies()
    login(phone, "trainer.kirkuk")
    phone.goto(f"/ckb/learning/workshops/{workshop.pk}/")
    phone.get_by_role("link", name="لیستی بەشداربووان").click()
    phone.wait_for_load_state()
    requests = phone.locator("#join-requests")
    assert "Sara Aziz" in requests.inner_text()
    assert _fits_the_screen(phone)
    _screenshot(phone, "join-ckb-roster-phone")
    requests.get_by_role("button", name="وەرگرتن").click()
    phone.wait_for_load_state()
    assert Enrolment.objects.filter(workshop=workshop, health_worker=worker).exists()
    assert phone.locator("#join-requests").count() == 0
