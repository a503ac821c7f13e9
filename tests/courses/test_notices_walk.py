"""No URL of the site sends a notice for a request nobody signed in to.

The walk finds every URL pattern itself (tests/walk.py), fills its parameters with the ids of a
scene in which every notice is due (a session tomorrow, a claim waiting, people with both
addresses), and asks each URL anonymously with GET and POST. Then it checks that the scene was
ready to send: the beat, run afterwards, does send.
"""

import datetime

import pytest

from django.core import mail
from django.test import Client
from django.utils import timezone

from core import sms
from courses.models import Notice
from courses.notices.events import session_reminders_queue
from tests.factories.courses import EnrolmentFactory, ExternalActivityFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory, UserFactory
from tests.walk import routes

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]


@pytest.fixture
def scene(kirkuk_facility):
    """A workshop whose session is tomorrow, one person enrolled, and their claim waiting."""
    worker = HealthWorkerFactory(
        facility=kirkuk_facility, user=UserFactory(), email="w@example.org", phone="07701234567"
    )
    workshop = WorkshopFactory(
        venue=kirkuk_facility,
        starts_on=timezone.localdate() + datetime.timedelta(days=1),
        status="open",
    )
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=worker)
    claim = ExternalActivityFactory(health_worker=worker)
    session = workshop.sessions.first()
    return sorted({str(pk) for pk in (workshop.pk, enrolment.pk, claim.pk, session.pk, worker.pk)})


def _paths(ids):
    for route in routes():
        if not route.converters():
            yield route, route.fill()
        elif route.route.startswith(("admin/", "django-admin/")):
            yield route, route.fill("1")  # every admin URL sends an anonymous visitor to log in
        else:
            for pk in ids:
                yield route, route.fill(pk)


def test_no_url_sends_a_notice_for_an_anonymous_request(scene, django_capture_on_commit_callbacks):
    client = Client(raise_request_exception=False)
    sms.outbox.clear()
    asked = 0
    with django_capture_on_commit_callbacks(execute=True):
        for route, path in _paths(scene):
            if path is None:
                continue
            if not route.route.startswith(("admin/", "django-admin/")):
                client.get(path)
            client.post(path, {"approve": "1", "status": "open", "note": "x"})
            asked += 1

    assert asked > 100
    assert (Notice.objects.count(), mail.outbox, sms.outbox) == (0, [], [])
    with django_capture_on_commit_callbacks(execute=True):
        session_reminders_queue()
    assert len(sms.outbox) == 1  # the scene was one where a notice was due
