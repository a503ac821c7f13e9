"""My phones on a phone in Arabic and Kurdish shows the QR code; the API docs stay local."""

import pytest

from tests.e2e.conftest import login
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, directorate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_trainer_enrols_a_phone_by_qr_code_in_a_right_to_left_page(phone, language, tmp_path):
    RoleAssignmentFactory(
        user=UserFactory(username="trainer.kirkuk"),
        role="trainer",
        level="governorate",
        governorate=directorate("KIR").governorate,
    )
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/field/devices/")
    phone.click("#enrol")
    phone.wait_for_load_state()
    qr = phone.locator("#enrolment-code svg")
    assert qr.bounding_box()["width"] > 100
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    phone.screenshot(path=tmp_path / f"devices-{language}.png", full_page=True)


def test_the_api_docs_load_nothing_from_another_host(page):
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info")
    assert hosts == {page.url.split("/")[2]}
