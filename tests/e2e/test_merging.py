"""Merging two records of one person on a phone, in Arabic and Kurdish: compare, preview, merge."""

import os

import pytest

from tests.e2e.conftest import login
from tests.factories.courses import CompletionFactory, EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory, RoleAssignmentFactory, UserFactory
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _look(phone, name: str, tmp_path) -> None:
    """Right to left in Arabic, nothing wider than the phone; a screenshot for a person to see.

    Wagtail's admin is offered in English and Arabic only (WAGTAILADMIN_PERMITTED_LANGUAGES): a
    Kurdish reader's admin is in English, left to right, and must fit the phone all the same.
    """
    if name.endswith("-ar"):
        assert phone.locator("html").get_attribute("dir") == "rtl", name
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360, name
    folder = os.environ.get("E2E_SCREENSHOTS") or tmp_path
    phone.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_an_administrator_compares_and_merges_two_records_on_a_phone(
    phone, language, tmp_path, kirkuk_facility
):
    RoleAssignmentFactory(
        user=UserFactory(username="administrator.national"), role="administrator", level="national"
    )
    kept = HealthWorkerFactory(
        facility=kirkuk_facility, licence_number="KIR-0001", phone="07701234567",
        name_ar="زينب حسين البياتي", name_latin="Zainab Hussein Al-Bayati",
    )  # fmt: skip
    walk_in = HealthWorkerFactory(
        facility=kirkuk_facility, licence_number=None, national_id="199003140021",
        name_ar="زەینەب حوسێن البیاتی", name_latin="Zeinab Husain Albayati", phone="07501234500",
    )  # fmt: skip
    CompletionFactory(enrolment=EnrolmentFactory(health_worker=walk_in))
    login(phone, "administrator.national")
    phone.goto(f"/{language}/")  # the site language the admin follows where it can
    phone.goto("/admin/duplicates/")
    phone.locator(f'a[href="/admin/duplicates/merge/{kept.pk}/{walk_in.pk}/"]').click()
    phone.wait_for_url("**/duplicates/merge/**")
    assert "Zeinab Husain Albayati" in phone.content()
    _look(phone, f"merge-compare-{language}", tmp_path)
    phone.locator(".merge fieldset").nth(2).scroll_into_view_if_needed()
    _look(phone, f"merge-choices-{language}", tmp_path)
    phone.locator(".merge form button[type=submit]").click()
    phone.locator("button[value=merge]").wait_for()
    _look(phone, f"merge-preview-{language}", tmp_path)
    phone.locator("button[value=merge]").click()
    phone.wait_for_url("**/duplicates/merges/**")
    _look(phone, f"merge-done-{language}", tmp_path)
    assert HealthWorker.objects.get(pk=walk_in.pk).merged_into_id == kept.pk
    assert HealthWorker.objects.get(pk=kept.pk).completions.count() == 1
