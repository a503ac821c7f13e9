"""On a phone, a walk-in typed in Sorani is warned of the same person registered in Arabic."""

import os
from pathlib import Path

import pytest

from tests.e2e.conftest import login
from tests.factories.courses import WorkshopFactory, course_page
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    UserFactory,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = Path(os.environ.get("SCREENSHOTS_DIR", "var/screenshots"))


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_sorani_walk_in_is_warned_of_the_arabic_record_on_a_phone(phone, language):
    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Teaching Hospital")
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    workshop = WorkshopFactory(course=course_page(), venue=venue, status="running")
    workshop.trainers.add(trainer)
    known = HealthWorkerFactory(facility=venue, name_ar="عمر حسين علي", name_latin="")

    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{workshop.pk}/roster/walk-in/")
    phone.fill("#id_name_ar", "عومەر حوسێن عەلی")
    phone.select_option("#id_cadre", value=str(known.cadre_id))
    phone.locator("form.card button[type=submit]").last.click()
    notice = phone.locator(".notice[role=alert]")
    notice.wait_for()
    assert "عمر حسين علي" in notice.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / f"walk-in-sorani-{language}.png"), full_page=True)
    assert not workshop.enrolments.exists()
