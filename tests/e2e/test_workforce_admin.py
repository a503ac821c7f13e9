"""The registry's Wagtail admin in a real browser: a Kirkuk trainer adds a walk-in."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.factories.workforce import UserFactory, cadre, governorate
from workforce.models import HealthWorker
from workforce.services import role_assign

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def admin_login(page, username):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "correct horse battery")
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")


def test_kirkuk_trainer_adds_a_worker_choosing_a_kirkuk_facility(
    page, kirkuk_facility, basra_facility
):
    trainer = UserFactory(username="trainer.e2e")
    role_assign(user=trainer, role="trainer", level="governorate", governorate=governorate("KIR"))
    admin_login(page, "trainer.e2e")
    page.goto("/admin/health_workers/new/")
    page.fill("input[name=name_ar]", "سارة هادي")
    page.fill("input[name=name_latin]", "Sara Hadi")
    page.select_option("select[name=cadre]", str(cadre("midwife").pk))
    page.fill("input[name=phone]", "٠٧٧٠١١١٢٢٢٣")
    # Wagtail wires the chooser's button in its scripts after the page loads: a click before that
    # opens nothing, so click again while no chooser is open, as a person would.
    modal = page.locator(".modal")
    for _attempt in range(5):
        if not modal.is_visible():
            page.get_by_role("button", name="Choose a facility").click()
        try:
            modal.get_by_text("Kirkuk General Hospital").wait_for(timeout=5_000)
            break
        except PlaywrightTimeoutError:
            continue
    modal.get_by_text("Kirkuk General Hospital").wait_for()
    assert "Basra Teaching Hospital" not in modal.inner_text()
    modal.get_by_text("Kirkuk General Hospital").click()
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url("**/admin/health_workers/")
    worker = HealthWorker.objects.get(name_latin="Sara Hadi")
    assert (worker.facility, worker.phone) == (kirkuk_facility, "07701112223")
