"""On a phone, in Arabic and Kurdish, a trainer types scores with the keyboard's own digits."""

import datetime
import os

import pytest

from courses.models import AssessmentScore
from tests.e2e.conftest import login
from tests.factories.courses import EnrolmentFactory, WorkshopFactory, course_page
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, directorate, governorate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _screenshot(page, name: str) -> None:
    if folder := os.environ.get("E2E_SCREENSHOTS"):
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_score_grid_on_a_phone_takes_arabic_indic_digits_and_the_percent_sign(phone, language):
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    workshop = WorkshopFactory(
        course=course_page(),
        venue__directorate=directorate("KIR"),
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 3, 2),
        status="running",
    )
    workshop.trainers.add(trainer)
    enrolment = EnrolmentFactory(
        workshop=workshop, health_worker__name_ar="سيروان حمە", health_worker__name_latin=""
    )
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{workshop.pk}/scores/")
    phone.fill(f"input[name=pre_{enrolment.pk}]", "٨٥٪")
    phone.fill(f"input[name=post_{enrolment.pk}]", "١٠١٪")
    phone.click("form.card button[type=submit]")
    phone.wait_for_load_state()
    assert phone.locator(".cell-error").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _screenshot(phone, f"{language}-scores-typed-digits")
    phone.fill(f"input[name=post_{enrolment.pk}]", "۹۲٫۵")
    phone.click("form.card button[type=submit]")
    phone.wait_for_url(f"**/learning/workshops/{workshop.pk}/")
    scores = {s.kind: str(s.score) for s in AssessmentScore.objects.filter(enrolment=enrolment)}
    assert scores == {"pre": "85.0", "post": "92.5"}
