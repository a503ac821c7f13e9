"""On a phone in Arabic: a worker asks to join, the trainer accepts, the worker sees it."""

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


def _workshop(course, venue, *, in_days: int, language: str) -> Workshop:
    starts = timezone.localdate() + datetime.timedelta(days=in_days)
    return Workshop.objects.create(
        course=course,
        venue=venue,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=2),
        status="open",
        capacity=20,
        language=language,
    )


def test_a_worker_asks_to_join_in_arabic_the_trainer_accepts_and_the_worker_sees_it(phone):
    course = course_page(title="Medical oxygen", code="OXY-101")
    arabic = translation_of(course, language="ar", title="الأكسجين الطبي")
    kurdish = translation_of(course, language="ckb", title="ئۆکسجینی پزیشکی")
    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Teaching Hospital")
    basra = FacilityFactory(directorate=directorate("BAS"), name_en="Basra Teaching Hospital")
    _workshop(course, basra, in_days=4, language="ar")  # sooner, but in another governorate
    workshop = _workshop(course, venue, in_days=10, language="ckb")
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
    phone.goto(kurdish.url)
    assert "ئۆکسجینی پزیشکی" in phone.locator("h1").inner_text()
    assert "داوای بەشداربوون بکە" in phone.locator("#workshops").inner_text()
    assert _fits_the_screen(phone)
    _screenshot(phone, "join-ckb-course-phone")

    phone.goto(arabic.url)
    assert phone.locator("html").get_attribute("dir") == "rtl"
    items = phone.locator("#workshops li")
    # Her own governorate's workshop first, though Basra's is sooner.
    assert "كركوك" in items.nth(0).inner_text() and "البصرة" in items.nth(1).inner_text()
    assert "بقي 20 مكانًا" in items.nth(0).inner_text()
    items.nth(0).get_by_role("button", name="اطلب الانضمام").click()
    phone.wait_for_load_state()
    assert "بانتظار المدرّب" in phone.locator("#workshops li").nth(0).inner_text()
    assert _fits_the_screen(phone)
    _screenshot(phone, "join-ar-course-phone")

    phone.context.clear_cookies()
    login(phone, "trainer.kirkuk")
    phone.goto(f"/ckb/learning/workshops/{workshop.pk}/roster/")
    assert "Sara Aziz" in phone.locator("#join-requests").inner_text()
    assert _fits_the_screen(phone)
    _screenshot(phone, "join-ckb-requests-phone")
    phone.goto(f"/ar/learning/workshops/{workshop.pk}/")
    assert "طلب انضمام واحد" in phone.locator("a.button", has_text="قائمة الحضور").inner_text()
    requests = phone.locator("#join-requests")
    assert "Sara Aziz" in requests.inner_text() and "سارة عزيز" in requests.inner_text()
    assert _fits_the_screen(phone)
    _screenshot(phone, "join-ar-requests-phone")
    requests.get_by_role("button", name="قبول").click()
    phone.wait_for_load_state()
    assert "Sara Aziz في القائمة." in phone.locator("body").inner_text()
    assert phone.url.endswith(f"/ar/learning/workshops/{workshop.pk}/#join-requests")
    assert phone.locator("#join-requests").count() == 0
    assert Enrolment.objects.filter(workshop=workshop, health_worker=worker).count() == 1

    phone.context.clear_cookies()
    login(phone, "sara")
    phone.goto("/ar/learning/")
    mine = phone.locator("#join-requests")
    assert "طلباتي للانضمام" in mine.inner_text() and "مقبول" in mine.inner_text()
    assert _fits_the_screen(phone)
    _screenshot(phone, "join-ar-my-learning-phone")
    phone.goto(arabic.url)
    assert "أنت في قائمة المشاركين" in phone.locator("#workshops li").nth(0).inner_text()
