import json
import os
import threading
import urllib.request
import uuid

import pytest

from django.conf import settings
from django.test import Client

from courses.models import AttendanceMark, RecordChange
from tests.courses.test_checkin_and_sync import offline_mark
from tests.factories.courses import EnrolmentFactory

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def postgresql():
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        message = "needs PostgreSQL: concurrent requests (.ci/run starts it)"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _post_batch(url: str, cookies: str, token: str, marks: list, replies: list) -> None:
    request = urllib.request.Request(  # noqa: S310 - the test's own live server
        url,
        data=json.dumps({"marks": marks}).encode(),
        headers={"Content-Type": "application/json", "Cookie": cookies, "X-CSRFToken": token},
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - the live server
        replies.append(json.loads(response.read())["results"])


def test_one_batch_sent_twice_at_once_to_the_endpoint_leaves_one_mark_each(
    postgresql, live_server, trainer, workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    batch = [offline_mark(session, enrolment, uuid.uuid4()) for session in workshop.sessions.all()]
    browser = Client()
    browser.force_login(trainer)
    token = "t" * 32
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value
    cookies = f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={token}"
    replies: list = []
    devices = [
        threading.Thread(
            target=_post_batch,
            args=(f"{live_server.url}/learning/sync/", cookies, token, batch, replies),
        )
        for _ in range(2)
    ]
    for device in devices:
        device.start()
    for device in devices:
        device.join()

    assert len(replies) == 2
    for index, item in enumerate(batch):
        outcomes = sorted(reply[index]["result"] for reply in replies)
        assert outcomes == ["applied", "known"], item
    keys = [item["client_uuid"] for item in batch]
    assert AttendanceMark.objects.filter(client_uuid__in=keys).count() == len(batch)
    assert RecordChange.objects.filter(client_uuid__in=keys).count() == len(batch)
