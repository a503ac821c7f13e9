"""Every journey and walker test gets its own copy of the seeded demo; the database is put back.

Building the demo of `make run` (demo/build.py) takes a minute or two, so it is built once per
session (`demo_snapshots`) and kept as two SQLite snapshots, each in a private in-memory database:
the migrated state (what pytest-django's serialized rollback gives every other browser test) and the
seeded demo. Around each test, `demo` copies them into the test database with SQLite's backup API
(`sqlite3.Connection.backup`, the whole database page by page, sequences included): the demo before
the test, the migrated state after it, even when the test fails. So no test sees what another
changed (the trainer's new workshop is not on the walker's pages), whatever ran before the package
does not matter, and the tests after it find the database as they expect. A restore takes 2-20 ms.
The demo's media folder (about 20 kB) is copied into each test's own tmp_path the same way, since
journeys upload evidence and issue certificates; the caches are emptied on both sides.

Browser tests run on SQLite's in-memory test database only (the PostgreSQL leg runs
`-m "not e2e"`); on another database the package is skipped.
"""

import io
import os
import shutil
import sqlite3

import pytest

from django.test.utils import override_settings

from tests.e2e.conftest import CHROMIUM_ARGS  # noqa: F401  (the browser fixture lives there)
from tests.live_server import live_server_quiet

PASSWORD = "demo-pass-2026"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="session")
def demo_snapshots(django_db_setup, django_db_blocker, tmp_path_factory):
    """(migrated, demo, demo media folder, the demo's report), built once per session."""
    from django.db import connections

    connection = connections["default"]
    if connection.vendor != "sqlite":
        pytest.skip("the journeys copy SQLite snapshots; browser tests run on SQLite only")
    # Never the developer's database: pytest-django sets the test database up only when a test
    # asks for one (here through `live_server`, which `demo` requests).
    assert connection.is_in_memory_db(), connection.settings_dict["NAME"]
    from demo.build import demo_build

    media = tmp_path_factory.mktemp("journeys-demo-media")
    with django_db_blocker.unblock():
        # Tests that ran before (transactional ones flush) may have emptied the reference data
        # the migrations loaded: both snapshots start from the migrated state.
        _migrated_state_restore()
        migrated = _snapshot_take()
        with _media_at(media):
            report = demo_build(stdout=io.StringIO())
        demo = _snapshot_take()
        _snapshot_restore(migrated)
    yield migrated, demo, media, report
    migrated.close()
    demo.close()


@pytest.fixture
def demo(demo_snapshots, live_server, django_db_blocker, tmp_path):
    """A fresh copy of the demo (database and media) for this test; the migrated state after it."""
    from django.core.cache import caches

    migrated, snapshot, demo_media, report = demo_snapshots
    media = tmp_path / "media"
    shutil.copytree(demo_media, media)
    with django_db_blocker.unblock():
        _snapshot_restore(snapshot)
    for cache in caches.all():  # Wagtail's renditions, the site root, rate limits
        cache.clear()
    try:
        with _media_at(media):
            yield report
    finally:
        for cache in caches.all():
            cache.clear()
        with django_db_blocker.unblock():
            _snapshot_restore(migrated)


@pytest.fixture(autouse=True)
def _isolated_media(demo):
    """Replaces the suite's empty media folder: `demo` gives each test a copy of the demo's."""


@pytest.fixture(autouse=True)
def _live_server_helper(request, demo, django_db_blocker):
    """The live server without pytest-django's flush (`demo` restores); the test may use the ORM."""
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
def open_page(demo, browser, live_server):
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
    live_server_quiet()


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
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections

    connection = connections["default"]
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(type(connection)._test_serialized_contents)
    ContentType.objects.clear_cache()


def _media_at(folder):
    """Public and private media under `folder` (the default storage routes between the two)."""
    from django.conf import settings

    return override_settings(
        MEDIA_ROOT=folder / "public",
        PRIVATE_MEDIA_ROOT=folder / "private",
        STORAGES={
            **settings.STORAGES,
            "public": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": folder / "public"},
            },
            "private": {
                "BACKEND": "core.storage.PrivateStorage",
                "OPTIONS": {"location": folder / "private", "base_url": None},
            },
        },
    )


def _test_database() -> sqlite3.Connection:
    from django.db import connections

    connection = connections["default"]
    connection.ensure_connection()
    return connection.connection


def _snapshot_take() -> sqlite3.Connection:
    """The test database as it is now, copied into a private in-memory database."""
    snapshot = sqlite3.connect(":memory:", check_same_thread=False)
    _test_database().backup(snapshot)
    return snapshot


def _snapshot_restore(snapshot: sqlite3.Connection) -> None:
    """Make the test database exactly `snapshot` (every table, index and sequence)."""
    from django.contrib.contenttypes.models import ContentType

    snapshot.backup(_test_database())
    # Content type ids cached by earlier tests (even rolled-back ones) may name other models in
    # the restored database: Wagtail would then load a workflow task where it expects a page.
    ContentType.objects.clear_cache()
