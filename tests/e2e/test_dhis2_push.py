"""The DHIS2 push page on a phone in Arabic and Kurdish: a dry run's answer, the confirm, a send
under way; against the loopback stand-in DHIS2."""

import datetime
import os

import pytest

from coverage.services import coverage_rebuild
from interop.dhis2.secrets import token_seal
from interop.models import Dhis2Connection, Dhis2Mapping, Dhis2Push
from tests.e2e.conftest import login
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, UserFactory, directorate
from tests.interop.conftest import completion_of
from tests.interop.dhis2_standin import Dhis2StandIn
from workforce.services import role_assign

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TOKEN = "d2pat_PhoneScreenshot0123456789"
# Wagtail's admin speaks English and Arabic only (docs/courses.md): a reader whose site language is
# Kurdish gets it in English, left to right, until they choose Arabic.
SEEN = {
    "ar": ("تشغيل تجريبي", "الاستيراد جارٍ", "rtl"),
    "ckb": ("Dry run", "Import under way", "ltr"),
}


@pytest.fixture
def connection():
    facility = FacilityFactory(directorate=directorate("KIR"))
    worker = HealthWorkerFactory(facility=facility)
    completion = completion_of(
        worker, title="Neonatal resuscitation", code="NRP", hours="12.0",
        starts_on=datetime.date(2026, 3, 1),
    )  # fmt: skip
    coverage_rebuild()
    standin = Dhis2StandIn(
        token=TOKEN, data_set="pBOMPrpg1QX", data_elements={"CME_TRAINED_NRP"},
        org_units={facility.code},
    ).start()  # fmt: skip
    connection = Dhis2Connection.objects.create(
        name="Ministry DHIS2", base_url=standin.url, data_set="pBOMPrpg1QX",
        token_encrypted=token_seal(TOKEN),
    )  # fmt: skip
    Dhis2Mapping.objects.create(
        connection=connection, course=completion.course, cadre=worker.cadre,
        data_element="CME_TRAINED_NRP",
    )  # fmt: skip
    yield connection
    standin.stop()


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_national_administrator_runs_a_dry_run_on_a_phone(phone, language, connection, tmp_path):
    """The dry run's answer, its confirm button and a send under way fit a 360 px phone."""
    user = UserFactory(username="administrator.national")
    role_assign(user=user, role="administrator", level="national")
    login(phone, "administrator.national")
    phone.goto(f"/{language}/accounts/profile/")  # the admin follows the language chosen here
    phone.goto(f"/admin/dhis2-connections/push/{connection.pk}/")
    phone.fill("input[name=first_month]", "2026-03")
    phone.fill("input[name=last_month]", "2026-03")
    phone.locator(".dhis2-push form button[type=submit]").first.click()
    phone.wait_for_load_state()
    dry_run = Dhis2Push.objects.get()
    assert (dry_run.state, dry_run.import_status, dry_run.imported) == ("done", "SUCCESS", 1)
    # A send under way shows its status line beside the answered dry run.
    Dhis2Push.objects.create(
        connection=connection, requested_by=user, confirms=dry_run, months=["2026-03"],
        dry_run=False, payload=dry_run.payload, task_id="00000000-0000-0000-0000-000000000001",
    )  # fmt: skip
    phone.reload()
    text = phone.locator(".dhis2-push").inner_text()
    dry_run_word, under_way, direction = SEEN[language]
    assert dry_run_word in text and under_way in text and "SUCCESS" in text
    assert phone.locator("[data-running] .job-progress").is_visible()
    assert phone.evaluate("document.documentElement.dir") == direction
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    bar = phone.locator("[data-running] .progress")  # Wagtail's own .progress starts transparent
    assert bar.evaluate("e => getComputedStyle(e).opacity") == "1"
    # The admin scrolls inside its own container: a tall window shows the whole page at 360 px.
    phone.set_viewport_size({"width": 360, "height": 1800})
    folder = os.environ.get("E2E_SCREENSHOTS") or tmp_path
    phone.screenshot(path=os.path.join(folder, f"dhis2-push-{language}.png"), full_page=True)
