"""Browser tests: Playwright drives Debian's Chromium (its own browser download is blocked here)."""

import os
import time

import pytest

from tests.live_server import live_server_quiet

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run while one
# is running unless told that this is deliberate. The live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    if not os.path.exists(chromium_path):
        pytest.fail(f"Chromium not found at {chromium_path}: run `scripts/system-deps test`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(django_db_serialized_rollback, browser, live_server):
    """A fresh browser tab (desktop size); `page.base_url` is the live server."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    live_server_quiet()


@pytest.fixture
def phone(django_db_serialized_rollback, browser, live_server):
    """A fresh tab the size of a small phone (360 px wide, touch)."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 360, "height": 740},
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    live_server_quiet()


def login(
    page, username: str, password: str = "correct horse battery", token: str | None = None
) -> None:
    """Log in through the site's own login form, and its code step when the account has a factor.

    Without `token`, the code comes from the account's own device through django-otp: the
    authenticator's current code, or else a new recovery code on the device that
    tests/conftest.py gives every user at their first login.
    """
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/login/code/" in page.url:
        page.fill("input[name=token]", token or second_factor_code(username))
        page.click("form button[type=submit]")
        page.wait_for_load_state()


def second_factor_code(username: str) -> str:
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.second_factor import authenticator_code

    authenticator = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    if authenticator is not None:
        return authenticator_code(device=authenticator)
    device = StaticDevice.objects.filter(user__username=username, confirmed=True).first()
    return device.token_set.create(token=StaticToken.random_token()).token


def wait_until(page, expression: str, arg=None, timeout: float = 15_000) -> None:
    """Wait until a JavaScript expression is true on the page.

    Takes the arguments of Playwright's wait_for_function (timeout in milliseconds), which runs a
    string through eval() inside the page: the site's Content-Security-Policy (no 'unsafe-eval')
    refuses that, while page.evaluate goes through the browser's debugging protocol.
    """
    deadline = time.monotonic() + timeout / 1000
    while not (page.evaluate(expression) if arg is None else page.evaluate(expression, arg)):
        if time.monotonic() > deadline:
            raise AssertionError(f"never true: {expression}")
        page.wait_for_timeout(100)
