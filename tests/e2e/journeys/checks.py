"""What a person checks on every page of a journey, and the phone camera that reads a QR code."""

import subprocess
import tempfile
import time
from urllib.parse import urlsplit

from django.urls import resolve
from django.utils.translation import override

from tests.e2e.conftest import second_factor_code
from tests.e2e.journeys.conftest import PASSWORD
from tests.e2e.journeys.known import known_anywhere

LANGUAGES = ["en", "ar", "ckb"]
DIRECTION = {"en": "ltr", "ar": "rtl", "ckb": "rtl"}

# Every <img> on the page that the browser failed to draw (an SVG without its namespace, a 404).
# Lazy images further down are fetched first, as they would be when a person scrolls to them:
# the page's "load" event does not wait for them.
BROKEN_IMAGES = """async () => {
  const shown = Array.from(document.images).filter((img) => img.checkVisibility());
  await Promise.all(shown.map((img) => {
    img.loading = "eager";
    return img.decode().catch(() => null);
  }));
  return shown
    .filter((img) => !(img.complete && img.naturalWidth > 0))
    .map((img) => img.currentSrc || img.src);
}"""
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def at(language: str, path: str) -> str:
    """`path` under the language's prefix (English has none)."""
    return path if language == "en" else f"/{language}{path}"


def login(page, username: str) -> None:
    """Log in through the form, in the page's language, with the code step where there is one."""
    page.goto(at(page.language, "/accounts/login/"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():  # read the URL of the answer, not of the form
        page.click("main form button[type=submit]")
    if "/login/code/" in page.url:  # staff: the code from their authenticator (demo device)
        page.fill("input[name=token]", _unused_code(username))
        with page.expect_navigation():
            page.click("main form button[type=submit]")
    # A refused login shows up here, not as a link missing from the page a step later.
    assert "/accounts/login" not in page.url, f"{username} was not let in: {page.url}"


def _unused_code(username: str) -> str:
    """The authenticator's code, or its next one if this one was used (django-otp refuses reuse)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.second_factor import authenticator_code

    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    if device is None:
        return second_factor_code(username)
    now = int(time.time())
    if (now - device.t0) // device.step + device.drift > device.last_t:  # the step's code is unused
        return authenticator_code(device=device, at=now)
    # A person waits for the next code; django-otp accepts it a step early (its tolerance).
    return authenticator_code(
        device=device, at=device.t0 + (device.last_t + 1 - device.drift) * device.step
    )


def images_drawn(page) -> None:
    """Wait for the page's images, then assert each one was drawn."""
    page.wait_for_load_state("load")
    broken = page.evaluate(BROKEN_IMAGES)
    assert broken == [], f"{page.url} does not draw {broken}"


def assert_reads(page, *, size: str = "phone") -> None:
    """Right language and direction, no sideways scrolling, images drawn, no script errors."""
    html = page.locator("html")
    expected = (page.language, DIRECTION[page.language])
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == expected, page.url
    if not known_anywhere(_route_name(page), "overflow", page.language):
        assert page.evaluate(OVERFLOW) <= 0, f"{page.url} scrolls sideways on a {size}"
    images_drawn(page)
    assert [str(error) for error in page.console_errors] == [], page.url


def _route_name(page) -> str:
    """The URL name of the page shown (as the walker and `known.KNOWN` name pages)."""
    with override(page.language):
        return resolve(urlsplit(page.url).path).view_name


def qr_from_screen(page, selector: str) -> str:
    """What a phone camera reads from the code at `selector`: its screenshot through zbarimg."""
    page.locator(selector).evaluate("element => element.scrollIntoView({block: 'center'})")
    with tempfile.NamedTemporaryFile(suffix=".png") as png:
        page.screenshot(path=png.name)
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", png.name],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, f"no QR code found: {result.stderr}"
    return result.stdout.strip()


def switch_language(page, language: str) -> None:
    """Choose `language` in the header's switcher, as a person does."""
    if page.locator("#language-select").is_hidden():
        page.locator(".nav-toggle").click()
    with page.expect_navigation():
        page.select_option("#language-select", language)
    page.language = language
