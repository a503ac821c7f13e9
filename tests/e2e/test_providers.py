"""On a 360 px phone in Arabic and Kurdish: who runs a workshop, adding an external participant."""

import os

import pytest

from tests.e2e.conftest import login
from tests.factories.courses import WorkshopFactory, course_page
from tests.factories.providers import ProviderFactory, provider_with_logo
from tests.factories.workforce import (
    FacilityFactory,
    RoleAssignmentFactory,
    UserFactory,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LOGOS_DRAWN = """() => [...document.querySelectorAll('#providers img')]
  .map((image) => image.complete && image.naturalWidth > 0)"""


def _screenshot(page, name: str) -> None:
    if folder := os.environ.get("E2E_SCREENSHOTS"):
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def _fits(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.fixture
def oxygen_workshop(db):
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Teaching Hospital")
    workshop = WorkshopFactory(
        course=course_page(title="Medical oxygen: sources, safety and supply", code="OXY-101"),
        venue=venue,
        status="running",
        lead_provider=provider_with_logo(
            code="who",
            name_en="World Health Organization",
            name_ar="منظمة الصحة العالمية",
            name_ckb="ڕێکخراوی تەندروستی جیهانی",
        ),
    )
    workshop.partners.add(
        ProviderFactory(
            name_en="Federal Ministry of Health",
            name_ar="وزارة الصحة الاتحادية",
            name_ckb="وەزارەتی تەندروستی فیدراڵ",
        )
    )
    workshop.trainers.add(trainer)
    return workshop


@pytest.mark.parametrize(
    ("language", "names"),
    [("ar", ["منظمة الصحة العالمية", "وزارة الصحة الاتحادية"]),
     ("ckb", ["ڕێکخراوی تەندروستی جیهانی", "وەزارەتی تەندروستی فیدراڵ"])],
)  # fmt: skip
def test_the_workshop_page_shows_its_providers_with_logos_on_a_phone(
    phone, oxygen_workshop, language, names
):
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{oxygen_workshop.pk}/")
    providers = phone.locator("#providers").inner_text()
    assert all(name in providers for name in names)
    assert phone.evaluate(LOGOS_DRAWN) == [True]
    assert _fits(phone)
    phone.locator("#providers").scroll_into_view_if_needed()
    _screenshot(phone, f"workshop-providers-{language}")


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_trainer_adds_an_external_participant_on_a_phone(phone, oxygen_workshop, language):
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/workshops/{oxygen_workshop.pk}/roster/external/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert _fits(phone)
    phone.fill("#id_name_ar", "حيدر كاظم الساعدي")
    phone.fill("#id_organisation", "وزارة الكهرباء")
    phone.select_option("#id_cadre", index=1)
    _screenshot(phone, f"external-participant-form-{language}")
    phone.locator("form.card button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.url.endswith(f"/{language}/learning/workshops/{oxygen_workshop.pk}/roster/")
    roster = phone.locator("main").inner_text()
    assert "حيدر كاظم الساعدي" in roster and "وزارة الكهرباء" in roster
    assert _fits(phone)
