"""Partner API keys in the admin on a phone: issue, the one showing of the key, the list, revoke."""

import os

import pytest

from interop.models import PartnerKey
from tests.e2e.conftest import login
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, governorate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _look(phone, name: str, tmp_path) -> None:
    """Nothing wider than the phone; a screenshot for a person to look at."""
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360, name
    folder = os.environ.get("E2E_SCREENSHOTS") or tmp_path
    phone.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_an_administrator_issues_and_revokes_a_partner_key_on_a_phone(phone, language, tmp_path):
    RoleAssignmentFactory(
        user=UserFactory(username="administrator.national"), role="administrator", level="national"
    )
    login(phone, "administrator.national")
    phone.goto(f"/{language}/")  # the site language the admin follows where it can
    phone.goto("/admin/partner-keys/add/")
    phone.fill("#id_organisation", "منظمة الصحة العالمية")
    phone.select_option("#id_level", "governorate")
    phone.select_option("#id_governorate", str(governorate("KIR").pk))
    phone.fill("#id_expires_on", "2027-06-30")
    _look(phone, f"partner-key-add-{language}", tmp_path)
    phone.locator("footer button[type=submit]").click()
    phone.wait_for_url("**/partner-keys/created/**")
    key = phone.locator("[data-partner-key]")
    assert key.inner_text().startswith("cmep_")
    box = key.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    _look(phone, f"partner-key-created-{language}", tmp_path)
    phone.reload()
    assert phone.locator("[data-partner-key]").count() == 0
    phone.goto("/admin/partner-keys/")
    assert "منظمة الصحة العالمية" in phone.content()
    _look(phone, f"partner-key-list-{language}", tmp_path)
    phone.goto(f"/admin/partner-keys/revoke/{PartnerKey.objects.get().pk}/")
    _look(phone, f"partner-key-revoke-{language}", tmp_path)
    phone.locator("form button.serious").click()
    phone.wait_for_url("**/admin/partner-keys/")
    if language == "ar":
        html = phone.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
        assert "مفاتيح الواجهة البرمجية للشركاء" in phone.content()
