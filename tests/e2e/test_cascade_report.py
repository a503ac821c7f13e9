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
