"""A trainer's phone in ar and ckb: a sheet from Arabic Excel refused, a long roster paged."""

import datetime
import os

import pytest

from tests.e2e.conftest import login
from tests.factories.courses import EnrolmentFactory, WorkshopFactory, course_page
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    UserFactory,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

KURDISH_SHEET = (
    "Licence number,Name (Arabic),Session date,Attendance\r\nL-1,ڕێبوار دڵشاد,01/03/2026,ئامادە\r\n"
)


@pytest.fixture
def workshop(db):
    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Teaching Hospital")
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    workshop = WorkshopFactory(
        course=course_page(title="Newborn care"),
        venue=venue,
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 3, 2),
        status="running",
        capacity=120,
    )
    workshop.trainers.add(trainer)
    return workshop


def _screenshot(phone, name: str) -> None:
    if folder := os.environ.get("SCREENSHOTS"):
        phone.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.mark.parametrize(
    ("language", "words"), [("ar", "الحروف الكردية"), ("ckb", "پیتە کوردییەکانی")]
)
def test_a_kurdish_sheet_from_arabic_excel_is_refused_on_the_phone_saying_how_to_save_it(
    phone, workshop, language, words
):
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{workshop.pk}/import/")
    phone.set_input_files(
        "input[type=file]",
        {
            "name": "roster.csv",
            "mimeType": "text/csv",
            "buffer": KURDISH_SHEET.encode("cp1256", errors="replace"),
        },
    )
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()
    text = phone.inner_text("main")
    assert words in text and "CSV UTF-8 (Comma delimited)" in text
    assert phone.get_attribute("html", "dir") == "rtl"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _screenshot(phone, f"import-refused-{language}")


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_120_person_roster_pages_on_the_phone_right_to_left(phone, workshop, language):
    for number in range(1, 121):
        worker = HealthWorkerFactory(
            facility=workshop.venue, name_latin=f"Person {number:03d}", name_ar=f"عامل {number}"
        )
        EnrolmentFactory(workshop=workshop, health_worker=worker)
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{workshop.pk}/roster/")
    pager = phone.locator("nav.pager")
    pager.locator("a:not([rel])[href='?page=2']").click()
    phone.wait_for_url("**/roster/?page=2")
    assert "Person 051" in phone.inner_text("main")
    assert pager.locator("[aria-current=page]").inner_text() == "2"
    # Right to left: "previous" stands on the right of "next".
    previous = pager.locator("a[rel=prev]").bounding_box()
    following = pager.locator("a[rel=next]").bounding_box()
    assert previous["x"] > following["x"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    pager.scroll_into_view_if_needed()
    if folder := os.environ.get("SCREENSHOTS"):  # the pager and the last people, as on the phone
        phone.screenshot(path=f"{folder}/roster-page-2-{language}.png")


@pytest.mark.parametrize(
    ("language", "words"), [("ar", "والورشة تتسع لـ 1"), ("ckb", "1 شوێنی هەیە")]
)
def test_an_import_beyond_capacity_waits_for_the_box_on_the_phone(phone, workshop, language, words):
    workshop.capacity = 1
    workshop.save()
    workers = HealthWorkerFactory.create_batch(2, facility=workshop.venue)
    lines = ["Licence number,Session date,Attendance"]
    lines += [f"{worker.licence_number},01/03/2026,present" for worker in workers]
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{workshop.pk}/import/")
    phone.set_input_files(
        "input[type=file]",
        {"name": "roster.csv", "mimeType": "text/csv", "buffer": "\n".join(lines).encode()},
    )
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_selector("#import-held")
    assert words in phone.inner_text("main")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _screenshot(phone, f"import-held-{language}")
    phone.locator("#id_beyond_capacity").check()
    phone.locator("#import-held button[type=submit]").click()
    phone.wait_for_selector("[data-marks-created]")
    assert phone.inner_text("[data-marks-created]") == "2"
