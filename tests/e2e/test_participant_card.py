"""A phone's camera reads `CME-HW:<id>` from the card on My learning, in Arabic and Kurdish."""

import pytest

from tests.e2e.conftest import login
from tests.e2e.journeys.checks import qr_from_screen
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, UserFactory, directorate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_card_on_my_learning_scans_as_the_health_workers_code(phone, language, tmp_path):
    worker = HealthWorkerFactory(
        user=UserFactory(username="layla"),
        name_ar="ليلى الكركوكية",
        name_latin="Layla Kirkuki",
        licence_number="KIR-2291",
        facility=FacilityFactory(directorate=directorate("KIR")),
    )
    login(phone, "layla")
    phone.goto(f"/{language}/learning/")
    assert qr_from_screen(phone, "#my-card svg") == f"CME-HW:{worker.pk}"
    card = phone.locator("#my-card")
    assert "KIR-2291" in card.inner_text() and "Layla Kirkuki" in card.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    card.screenshot(path=tmp_path / f"card-{language}.png")
