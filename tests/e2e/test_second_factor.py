"""Two-step login in a real browser, on a phone in Arabic and Kurdish: set up, codes, code step."""

import os
import re
from pathlib import Path

import pytest

from tests.e2e.test_site import VISIBLE_TEXT, _english_fragments, _english_left
from tests.factories.second_factor import totp_code

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.real_otp,
]
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "var/screenshots"))
HEADINGS = {
    "ar": ("إعداد تسجيل الدخول بخطوتين", "رموز الاسترداد الخاصة بك", "تسجيل الدخول بخطوتين"),
    "ckb": (
        "ئامادەکردنی چوونەژوورەوەی دوو هەنگاوی",
        "کۆدەکانی گەڕاندنەوەی تۆ",
        "چوونەژوورەوەی دوو هەنگاوی",
    ),
}


def _check_page(phone, language: str, heading: str, name: str, fragments) -> None:
    assert phone.locator("h1").inner_text() == heading
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert phone.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert _english_left(phone.evaluate(VISIBLE_TEXT), fragments) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=SHOTS / f"second-factor-{name}-{language}.png", full_page=True)


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_an_auditor_sets_up_two_step_login_on_a_phone_and_logs_in_with_the_code(phone, language):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.factories.workforce import RoleAssignmentFactory

    auditor = RoleAssignmentFactory(role="auditor", level="national").user
    fragments = _english_fragments()
    setup, codes, code_step = HEADINGS[language]
    phone.goto(f"/{language}/accounts/login/")
    phone.fill("input[name=username]", auditor.username)
    phone.fill("input[name=password]", "correct horse battery")
    phone.click("main form button[type=submit]")
    phone.wait_for_url(re.compile(r".*/accounts/two-step/setup/.*"))
    assert phone.locator(".qr svg").is_visible()
    _check_page(phone, language, setup, "setup", fragments)

    device = TOTPDevice.objects.get(user=auditor)
    phone.fill("input[name=token]", totp_code(device))
    phone.click("main form.stack button[type=submit]")
    phone.wait_for_url(re.compile(r".*/accounts/two-step/codes/"))
    assert phone.locator(".recovery-codes li").count() == 10
    _check_page(phone, language, codes, "codes", fragments)

    phone.context.clear_cookies()
    phone.goto(f"/{language}/accounts/login/")
    phone.fill("input[name=username]", auditor.username)
    phone.fill("input[name=password]", "correct horse battery")
    phone.click("main form button[type=submit]")
    phone.wait_for_url(re.compile(r".*/accounts/login/code/"))
    _check_page(phone, language, code_step, "code", fragments)
    phone.fill("input[name=token]", totp_code(device, steps_ahead=1))
    phone.click("main form.stack button[type=submit]")
    phone.wait_for_url(lambda url: "/accounts/" not in url)
    assert phone.locator("form[action$='/accounts/logout/']").count() == 1
