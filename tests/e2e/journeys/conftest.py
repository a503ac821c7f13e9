"""Journeys share one demo database (built once for the package, ~1 minute) and one live server.

Building the demo for every test would cost minutes each. Here the package seeds it once, outside
pytest-django's per-test flush, and puts the migrated snapshot back when the package is done, so
the tests that follow see the database as every other test expects. Each journey makes the records
it changes itself (its own worker, its own workshop), so the tests do not depend on their order.
"""

import io
import os

import pytest

from django.test.utils import override_settings

from tests.e2e.conftest import CHROMIUM_ARGS  # noqa: F401  (the browser fixture lives there)

# The journeys and the page walker share one demo database that outlives each test; run after the
# rest of the suite, its state made the walker's findings and a later admin test differ from a run
# of their own. Until that is isolated they run on request: JOURNEYS=1 make test PYTEST_ARGS=...
if not os.environ.get("JOURNEYS"):
    collect_ignore_glob = ["test_*.py"]

PASSWORD = "demo-pass-2026"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo of `make run` (cme/demo.py), with media in a folder of its own."""

    from cme.demo import demo_build

    media = tmp_path_factory.mktemp("journeys-media")
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": media / "public"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": media / "private", "base_url": None},
        },
    }
    from django.conf import settings

    with override_settings(
        MEDIA_ROOT=media / "public",
        PRIVATE_MEDIA_ROOT=media / "private",
        STORAGES={**settings.STORAGES, **storages},
    ):
        with django_db_blocker.unblock():
            # Tests that ran before (transactional ones flush) may have emptied the reference
            # data the migrations loaded: start the demo from the migrated state.
            _migrated_state_restore()
            report = demo_build(stdout=io.StringIO())
        yield report
        with django_db_blocker.unblock():
            _migrated_state_restore()


@pytest.fixture(autouse=True)
def _isolated_media(demo):
    """The package's media stay for all its tests (they were made with the demo)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _live_server_helper(request, demo, django_db_blocker):
    """The live server without pytest-django's per-test flush; the test may use the ORM."""
    server = request.getfixturevalue("live_server")
    server._live_server_modified_settings.enable()
    with django_db_blocker.unblock():
        yield
    server._live_server_modified_settings.disable()


def _context(browser, live_server, viewport, language):
    context = browser.new_context(
        base_url=live_server.url,
        viewport=viewport,
        has_touch=viewport is PHONE,
        is_mobile=viewport is PHONE,
        locale={"en": "en-GB", "ar": "ar-IQ", "ckb": "ckb-IQ"}[language],
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.console_errors = []
    page.on(
        "console", lambda message: message.type == "error" and page.console_errors.append(message)
    )
    page.on("pageerror", lambda error: page.console_errors.append(error))
    return context, page


@pytest.fixture
def open_page(browser, live_server):
    """`open_page(language, size="phone")`: a fresh tab; closed after the test."""
    contexts = []

    def opener(language: str, size: str = "phone"):
        context, page = _context(
            browser, live_server, PHONE if size == "phone" else DESKTOP, language
        )
        contexts.append(context)
        page.language = language
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def screenshots(request):
    """`shot(page, step)` writes a PNG to $SCREENSHOTS (nothing when it is unset)."""
    folder = os.environ.get("SCREENSHOTS")
    counter = iter(range(1, 1000))

    def shot(page, step: str) -> None:
        if not folder:
            return
        os.makedirs(folder, exist_ok=True)
        name = request.node.name.replace("[", "-").replace("]", "").replace("test_", "", 1)
        page.screenshot(path=os.path.join(folder, f"{name}-{next(counter):02d}-{step}.png"))

    return shot


def _migrated_state_restore() -> None:
    """Empty the test database and load what the migrations left in it (reference data)."""
    from django.core.management import call_command
    from django.db import connections

    connection = connections["default"]
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(type(connection)._test_serialized_contents)
