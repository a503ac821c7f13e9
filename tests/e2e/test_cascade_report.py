"""The cascade report on a 360 px phone in Arabic and Kurdish: it fits, with its bars drawn."""

import os

import pytest

from tests.courses.cascade_tree import cascade_tree
from tests.e2e.conftest import login
from tests.factories.workforce import staff_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_cascade_report_fits_a_phone_with_a_bar_per_governorate(phone, language, tmp_path):
    master = cascade_tree()
    auditor = staff_user("auditor", "national")
    login(phone, auditor.username)
    phone.goto(f"/{language}/learning/cascades/{master.pk}/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    widths = phone.locator("#reach-by-governorate .bar").evaluate_all(
        "bars => bars.map(bar => bar.getBoundingClientRect().width)"
    )
    assert len(widths) == 4 and min(widths) > 0 and max(widths) > 2 * min(widths)
    assert "OXY-TOT" in phone.locator("#cascade-workshops").inner_text()
    folder = os.environ.get("E2E_SCREENSHOTS") or tmp_path
    phone.screenshot(path=os.path.join(folder, f"cascade-report-{language}.png"), full_page=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_trainers_of_a_workshop_fit_a_phone_with_their_roles(phone, language, tmp_path):
    from courses.models import TrainerRole, WorkshopTrainer
    from tests.factories.courses import WorkshopFactory
    from tests.factories.workforce import FacilityFactory, directorate

    venue = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Teaching Hospital")
    workshop = WorkshopFactory(venue=venue, status="running")
    lead = staff_user("trainer", "governorate", governorate=venue.governorate)
    lead.first_name, lead.last_name = "Sara", "Jabbar"
    lead.save()
    colleague = staff_user("trainer", "facility", facility=venue)
    WorkshopTrainer.objects.create(workshop=workshop, user=lead, role=TrainerRole.LEAD)
    WorkshopTrainer.objects.create(workshop=workshop, user=colleague, role=TrainerRole.FACILITATOR)
    login(phone, lead.username)
    phone.goto(f"/{language}/learning/workshops/{workshop.pk}/")
    phone.locator("#trainers summary").first.click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.locator("#trainers li").count() == 2
    folder = os.environ.get("E2E_SCREENSHOTS") or tmp_path
    phone.locator("#trainers").screenshot(path=os.path.join(folder, f"trainers-{language}.png"))
