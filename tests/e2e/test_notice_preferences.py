"""The profile's notice opt-outs on a 360 px phone, in Arabic and Kurdish."""

import pytest

from tests.e2e.conftest import login
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, UserFactory, directorate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_notice_opt_outs_fit_a_phone_and_read_right_to_left(phone, language, settings):
    user = UserFactory(username=f"reader-{language}")
    HealthWorkerFactory(
        user=user,
        facility=FacilityFactory(directorate=directorate("KIR")),
        phone="07701234567",
        email=user.email,
    )
    login(phone, user.username)

    phone.goto(f"/{language}/accounts/profile/")
    phone.uncheck("input[name=notices_by_sms]")
    phone.locator("input[name=notices_by_sms]").scroll_into_view_if_needed()
    phone.screenshot(
        path=str(settings.BASE_DIR / f"var/screens/notices-{language}.png"), full_page=True
    )

    assert phone.evaluate("document.documentElement.dir") == "rtl"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.is_checked("input[name=notices_by_email]")
    phone.click("form.stack button[type=submit]")
    phone.wait_for_load_state()
    assert not phone.is_checked("input[name=notices_by_sms]")
    assert phone.is_checked("input[name=notices_by_email]")
