import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    UserFactory,
    directorate,
)
from tests.live_server import GATE


def pytest_sessionstart(session):
    """Compile the catalogues that changed since their last build (`make test` does so too).

    A run of pytest alone after editing a `.po` file would otherwise read the stale `.mo` and
    report a missing translation that is not missing.
    """
    subprocess.run([Path(__file__).parent.parent / "scripts" / "compile-messages"], check=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep the migrated reference data (places, cadres, Wagtail's page tree) for restoring.

    Transactional tests (the browser's live server, the real Celery worker) flush the database;
    those marked `serialized_rollback=True` get this snapshot back before they run.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        connection = connections["default"]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is None:
            contents = connection.creation.serialize_db_to_string()
        # On the class, not the instance: under Playwright's event loop Django hands the test a
        # new connection object (asgiref keys its locals by context), which must see it too.
        type(connection)._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _live_server_open():
    """The live server lets requests in again (the last browser test closed its gate)."""
    GATE.open()


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    # Wagtail caches renditions by image id; a rendition cached by an earlier test points at a
    # file in that test's media folder, so every test starts with empty caches as with its media.
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "public": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "private": {
            "BACKEND": "core.storage.PrivateStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }


@pytest.fixture(autouse=True)
def _one_rate_window_per_test(monkeypatch):
    """Every request of a test falls in the same rate-limit window.

    The limiter counts in fixed windows of wall-clock time (core/http.py); a test that crossed a
    minute boundary half-way through its requests saw its count start again and no 429.
    """
    import types

    import core.http

    start = time.time()
    monkeypatch.setattr(core.http, "time", types.SimpleNamespace(time=lambda: start))


@pytest.fixture(autouse=True)
def _default_language_between_tests():
    """Each test starts in English: a request to /ar/ leaves Arabic active in the test's thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _second_factor_at_every_login(request):
    """Every login in a test (force_login, the login form, the browser) counts as two-step verified.

    Staff need a second factor before any page (accounts/middleware.py); tests of other rules
    log staff in with `client.force_login`. At each login this gives the user a confirmed
    recovery-code device named "pytest" and verifies the session with it through django-otp, as the
    code step would. Tests of the sign-in rules themselves opt out with `@pytest.mark.real_otp`.
    """
    if request.node.get_closest_marker("real_otp"):
        yield
        return
    from django.contrib.auth.signals import user_logged_in

    def verify(sender, request, user, **kwargs):
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_static.models import StaticDevice

        device, _created = StaticDevice.objects.get_or_create(
            user=user, name="pytest", defaults={"confirmed": True}
        )
        request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id

    user_logged_in.connect(verify, dispatch_uid="tests-second-factor")
    yield
    user_logged_in.disconnect(dispatch_uid="tests-second-factor")


@pytest.fixture
def kirkuk_facility(db):
    return FacilityFactory(directorate=directorate("KIR"), name_en="Kirkuk General Hospital")


@pytest.fixture
def basra_facility(db):
    return FacilityFactory(directorate=directorate("BAS"), name_en="Basra Teaching Hospital")


@pytest.fixture
def kirkuk_auditor(db):
    assignment = RoleAssignmentFactory(
        role="auditor", level="governorate", governorate=directorate("KIR").governorate
    )
    return assignment.user


@pytest.fixture
def kirkuk_worker(kirkuk_facility):
    return HealthWorkerFactory(
        facility=kirkuk_facility, name_latin="Ahmed Kirkuki", name_ar="أحمد الكركوكي"
    )


@pytest.fixture
def basra_worker(basra_facility):
    return HealthWorkerFactory(
        facility=basra_facility, name_latin="Zainab Basri", name_ar="زينب البصري"
    )


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture(scope="session")
def chromium_path():
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real Celery worker on the real broker, reading the test database (run by .ci/run).

    Outside CI's services leg (no Redis broker, or SQLite), the tests that need it are skipped;
    with REQUIRE_SERVICES=1 they fail instead, so CI cannot pass them by skipping.
    """
    import subprocess
    import sys

    from django.conf import settings

    from cme.celery import app

    broker = os.environ.get("CELERY_BROKER_URL", "")
    database = settings.DATABASES["default"]
    if not broker.startswith("redis") or "postgresql" not in database["ENGINE"]:
        message = "needs PostgreSQL and a Redis broker (.ci/run starts them)"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "DJANGO_SETTINGS_MODULE": "cme.settings.test",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "cme",
        "worker",
        "--pool=solo",
        "--loglevel=WARNING",
    ]
    process = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=1):
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("the Celery worker did not start")
    process.command = command
    process.env = env
    yield process
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def real_worker(celery_worker_process, django_db_serialized_rollback, transactional_db):
    """Tasks queued in this test go through the real broker to the real worker."""
    from cme.celery import app

    app.conf.task_always_eager = False
    yield celery_worker_process
    # Follow-up work the test queued (coverage refreshes, notices) must not run while the
    # database is emptied for the next test (PostgreSQL's TRUNCATE then deadlocks with it): drop
    # what still waits and let what runs finish.
    app.control.purge()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        active = app.control.inspect(timeout=1).active() or {}
        if not any(active.values()):
            break
        time.sleep(0.5)
    app.conf.task_always_eager = True


class InMemoryWorker:
    """Runs queued messages through Celery's worker code, in a fresh worker's language."""

    def __init__(self, app):
        self.app = app

    def run(self, *, stop_on_error: bool = True) -> list:
        """Hand each waiting message to `celery.worker.request.Request`; returns the results.

        A task that fails raises here, unless `stop_on_error` is False: then the worker goes on
        with the next message, as a real one does (a retried task's message comes back queued).
        """
        from celery.worker.request import Request

        from django.conf import settings
        from django.utils import translation

        results = []
        with self.app.connection_for_read() as connection:
            queue = connection.SimpleQueue(self.app.conf.task_default_queue)
            while queue.qsize():
                message = queue.get(timeout=1)
                task = self.app.tasks[message.headers["task"]]
                # A worker handles no request: nothing has activated a language in it.
                with translation.override(settings.LANGUAGE_CODE):
                    result = Request(message, app=self.app, task=task).execute()
                message.ack()
                if stop_on_error and getattr(result, "exception", None) is not None:
                    raise result.exception
                results.append(result)
        return results


@pytest.fixture
def worker_path(monkeypatch):
    """Queued tasks wait on an in-memory broker (not eagerly) until `worker_path.run()`."""
    from cme.celery import app

    # Celery reads the broker from these variables before its settings (CI sets them for Redis).
    for name in ("CELERY_BROKER_URL", "CELERY_BROKER_READ_URL", "CELERY_BROKER_WRITE_URL"):
        monkeypatch.delenv(name, raising=False)

    conf = app.conf
    names = ("task_always_eager", "broker_url", "broker_write_url", "broker_read_url")
    saved = {name: conf[name] for name in names}
    saved_options = conf.broker_transport_options
    conf.update(task_always_eager=False, broker_url="memory://", broker_transport_options={})
    conf.update(broker_write_url=None, broker_read_url=None)
    app._pool = None
    app.amqp._producer_pool = None
    yield InMemoryWorker(app)
    with app.connection_for_read() as connection:
        connection.SimpleQueue(conf.task_default_queue).clear()
    conf.update(broker_transport_options=saved_options, **saved)
    app._pool = None
    app.amqp._producer_pool = None
