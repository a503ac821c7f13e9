import datetime
from decimal import Decimal

import pytest

from courses.models import Workshop
from tests.e2e.conftest import login, wait_until
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


def test_trainer_runs_a_three_day_workshop_and_the_participant_sees_credits(page, phone):
    course = course_page(
        title="Newborn care",
        cme_hours=Decimal("6"),
        min_attendance_percent=30,
        pass_mark_percent=None,
    )
    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Teaching Hospital")
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    participant = HealthWorkerFactory(
        facility=venue,
        name_latin="Ahmed Kirkuki",
        name_ar="أحمد الكركوكي",
        user=UserFactory(username="ahmed"),
    )
    participant.cadre.cme_hours_per_cycle = 24
    participant.cadre.save()
    HealthWorkerFactory(facility=venue, name_latin="Layla Kirkuki", name_ar="ليلى الكركوكي")
    today = datetime.date.today()

    # The trainer schedules the workshop on a computer.
    login(page, "trainer.kirkuk")
    page.goto("/learning/workshops/new/")
    page.select_option("#id_course", value=str(course.pk))
    page.select_option("#id_venue", value=str(venue.pk))
    page.fill("#id_starts_on", today.isoformat())
    page.fill("#id_ends_on", (today + datetime.timedelta(days=2)).isoformat())
    page.fill("#id_capacity", "20")
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_url("**/learning/workshops/*/")
    assert page.locator("ul.sessions > li").count() == 3
    workshop = Workshop.objects.get(course=course)

    # The roster: both people found by name in the registry and added.
    page.get_by_role("link", name="Roster").click()
    for name in ("Ahmed", "ليلى"):
        page.fill("#q", name)
        page.locator("form.inline-form button[type=submit]").click()
        page.get_by_role("button", name="Add").click()
        page.wait_for_load_state()
    assert "2 people enrolled" in page.locator("h2").nth(1).inner_text()

    # Day 1 is marked on a phone: one tap a person, counted without a reload.
    login(phone, "trainer.kirkuk")
    phone.goto("/learning/workshops/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.get_by_role("link", name="Newborn care").tap()
    phone.wait_for_url(f"**/learning/workshops/{workshop.pk}/")
    phone.get_by_role("link", name="Day 1").click()
    phone.wait_for_url("**/learning/sessions/*/")
    rows = phone.locator("ul.marking > li")
    rows.filter(has_text="Ahmed Kirkuki").get_by_role("button", name="Present").tap()
    rows.filter(has_text="Layla Kirkuki").get_by_role("button", name="Absent").tap()
    wait_until(phone, "document.querySelector('[data-count=unmarked]').textContent.trim() === '0'")
    assert phone.locator("[data-count=present]").inner_text() == "1"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.reload()
    ahmed = rows.filter(has_text="Ahmed Kirkuki").get_by_role("button", name="Present")
    assert ahmed.get_attribute("aria-pressed") == "true"

    # The trainer closes the workshop: the rule is evaluated for everyone.
    page.goto(f"/learning/workshops/{workshop.pk}/")
    page.locator("#close-workshop").click()
    page.locator("#confirm-close").click()
    page.wait_for_load_state()
    assert "Workshop closed: 1 of 2 completed." in page.content()

    # The participant sees the completion and the hours on My learning.
    page.context.clear_cookies()
    login(page, "ahmed")
    page.goto("/learning/")
    transcript = page.locator("#transcript")
    assert "Newborn care" in transcript.inner_text()
    assert "Completed" in transcript.inner_text()
    assert page.locator("[data-earned]").inner_text() == "6"
    assert page.locator("#cycle [role=progressbar]").get_attribute("aria-valuenow") == "25"
