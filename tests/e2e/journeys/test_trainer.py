"""The trainer's journey on a 360 px phone, in English, Arabic and Kurdish."""

import datetime
import io
import re

import pytest
from openpyxl import load_workbook

from django.utils.translation import override

from certificates.models import Certificate
from courses.importers.report import COLUMNS
from courses.models import AssessmentScore, AttendanceMark, Completion, CoursePage, Workshop
from tests.e2e.conftest import wait_until
from tests.e2e.journeys.checks import (
    LANGUAGES,
    OVERFLOW,
    assert_reads,
    at,
    login,
    qr_from_screen,
)
from workforce.models import HealthWorker

COURSE_CODE = "PHC-110"
ATTENDANCE_WORD = {"en": "present", "ar": "حاضر", "ckb": "ئامادە"}


def _registry_people(count: int) -> list[HealthWorker]:
    """Kirkuk nurses of the registry on no workshop yet, without an account."""
    return list(
        HealthWorker.objects.filter(
            facility__governorate__code="KIR", user__isnull=True, enrolments__isnull=True
        ).order_by("pk")[:count]
    )


def _schedule(phone, language: str) -> Workshop:
    english = CoursePage.objects.get(code=COURSE_CODE, locale__language_code="en")
    reader = CoursePage.objects.get(code=COURSE_CODE, locale__language_code=language)
    phone.goto(at(language, "/learning/workshops/new/"))
    assert_reads(phone)
    options = phone.locator("#id_course option").all_inner_texts()
    assert reader.title in options
    phone.select_option("#id_course", value=str(english.pk))
    phone.select_option("#id_venue", index=1)
    start = datetime.date.today() - datetime.timedelta(days=1)
    phone.fill("#id_starts_on", start.isoformat())
    phone.fill("#id_ends_on", (start + datetime.timedelta(days=1)).isoformat())
    phone.fill("#id_capacity", "20")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/learning/workshops/\d+/$"))
    return Workshop.objects.get(pk=int(phone.url.rstrip("/").split("/")[-1]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainer_runs_a_workshop_from_roster_to_certificates(
    open_page, screenshots, tmp_path, language
):
    phone = open_page(language)
    login(phone, "trainer.kirkuk")
    workshop = _schedule(phone, language)
    assert phone.locator("ul.sessions > li").count() == 2
    assert_reads(phone)
    screenshots(phone, "workshop")

    # Roster: two people found in the registry by name, one walk-in.
    searched, typed = _registry_people(2)
    phone.goto(at(language, f"/learning/workshops/{workshop.pk}/roster/"))
    for person, query in ((searched, searched.name_latin), (typed, typed.name_ar)):
        phone.fill("#q", query)
        phone.locator("form.inline-form button[type=submit]").click()
        phone.wait_for_load_state()
        row = phone.locator("ul.people li", has_text=person.name_ar).first
        row.locator("button[type=submit]").click()
        phone.wait_for_load_state()
    phone.locator(f"a[href$='/learning/workshops/{workshop.pk}/roster/walk-in/']").click()
    phone.fill("#id_name_ar", "سارا كريم")
    phone.fill("#id_name_latin", "Sara Karim")
    phone.select_option("#id_cadre", index=1)
    phone.select_option("#id_facility", index=1)
    phone.locator("main form button[type=submit]").last.click()
    phone.wait_for_load_state()
    if phone.locator("#id_confirm_new").count():
        phone.check("#id_confirm_new")
        phone.locator("main form button[type=submit]").last.click()
        phone.wait_for_load_state()
    assert workshop.enrolments.count() == 3
    assert_reads(phone)
    screenshots(phone, "roster")

    # Day 1 marked on the phone, with the QR code shown for people to scan.
    first, second = workshop.sessions.order_by("date")
    phone.goto(at(language, f"/learning/sessions/{first.pk}/"))
    for row in phone.locator("ul.marking > li").all():
        row.locator("button").first.tap()
    wait_until(phone, "document.querySelector('[data-count=unmarked]').textContent.trim() === '0'")
    phone.locator(".qr-panel summary").click()
    wait_until(phone, "document.getElementById('qr').naturalWidth > 0")
    assert "/learning/check-in/" in qr_from_screen(phone, "#qr")
    assert_reads(phone)
    screenshots(phone, "marking-and-qr")

    # Scores typed on the phone.
    phone.goto(at(language, f"/learning/workshops/{workshop.pk}/scores/"))
    inputs = phone.locator("input.score-input")
    for index in range(inputs.count()):
        inputs.nth(index).fill("55" if index % 2 == 0 else "85")
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_load_state()
    assert AssessmentScore.objects.filter(enrolment__workshop=workshop).count() == 6
    assert_reads(phone)
    screenshots(phone, "scores")

    # Day 2 from the paper sheet: the template, filled in a spreadsheet, imported.
    phone.goto(at(language, f"/learning/workshops/{workshop.pk}/"))
    with phone.expect_download() as download:
        phone.locator(f"a[href$='/{workshop.pk}/template.xlsx']").click()
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    sheet = book.active
    # The header sits below the note that says where scores go, as a person reads it.
    with override(language):
        labels = [str(COLUMNS[key]) for key in ("date", "attendance")]
    header_row = next(
        number
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        if labels[0] in [str(value) for value in row]
    )
    header = [str(cell.value) for cell in sheet[header_row]]
    date, attendance = (header.index(label) for label in labels)
    for row in sheet.iter_rows(min_row=header_row + 1):
        if row[date].value and row[date].value.date() == second.date:
            row[attendance].value = ATTENDANCE_WORD[language]
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    phone.goto(at(language, f"/learning/workshops/{workshop.pk}/import/"))
    phone.set_input_files("input[type=file]", str(filled))
    phone.locator("main form button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/learning/imports/\d+/"))
    assert AttendanceMark.objects.filter(session=second, status="present").count() == 3
    assert_reads(phone)
    screenshots(phone, "import")

    # Close, evaluate, and issue the certificates.
    phone.goto(at(language, f"/learning/workshops/{workshop.pk}/"))
    phone.locator("#close-workshop").click()
    phone.wait_for_load_state()
    if phone.locator("#close-workshop, main form[action$='/close/'] button").count():
        phone.locator("main form[action$='/close/'] button[type=submit]").last.click()
        phone.wait_for_load_state()
    workshop.refresh_from_db()
    assert workshop.status == "closed"
    assert Completion.objects.filter(workshop=workshop, is_complete=True).count() >= 1
    phone.goto(at(language, f"/learning/workshops/{workshop.pk}/"))
    phone.locator(f"a[href$='/certificates/workshops/{workshop.pk}/']").first.click()
    phone.wait_for_url(re.compile(rf"/certificates/workshops/{workshop.pk}/$"))
    assert_reads(phone)
    # Closing queues the certificates; the page offers to issue only those still missing.
    issue = phone.locator(f"form[action$='/workshops/{workshop.pk}/issue/'] button")
    if issue.count():
        issue.click()
        phone.wait_for_load_state()
    else:
        assert phone.locator("#nothing-to-issue").is_visible()
    issued = Certificate.objects.filter(completion__workshop=workshop).count()
    assert issued == Completion.objects.filter(workshop=workshop, is_complete=True).count()
    assert_reads(phone)
    screenshots(phone, "certificates")


def test_the_workshop_page_leads_to_its_certificates(open_page):
    phone = open_page("ar")
    login(phone, "trainer.kirkuk")
    closed = Workshop.objects.filter(status="closed", venue__governorate__code="KIR").first()
    phone.goto(f"/ar/learning/workshops/{closed.pk}/")
    phone.locator(f"a[href$='/certificates/workshops/{closed.pk}/']").first.click(timeout=3000)
    assert phone.url.endswith(f"/certificates/workshops/{closed.pk}/")


def test_a_newly_scheduled_workshop_fits_a_phone_in_english(open_page):
    phone = open_page("en")
    login(phone, "trainer.kirkuk")
    workshop = _schedule(phone, "en")
    phone.goto(f"/learning/workshops/{workshop.pk}/")
    assert phone.evaluate(OVERFLOW) <= 0
