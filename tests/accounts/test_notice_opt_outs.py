"""Each person turns notices off per channel on their profile, and the reminders honour it."""

import datetime
import re

import pytest

from django.core import mail

from accounts.selectors import notice_channel_wanted
from core import sms
from courses.models import Notice
from courses.notices.events import session_reminders_queue
from tests.factories.courses import EnrolmentFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]
PROFILE = "/ar/accounts/profile/"


@pytest.fixture
def worker(user, kirkuk_facility):
    return HealthWorkerFactory(
        user=user, facility=kirkuk_facility, phone="07701234567", email=user.email
    )


def test_the_profile_offers_both_channels_turned_on_in_the_readers_language(client, worker):
    client.force_login(worker.user)

    html = client.get(PROFILE).content.decode()

    assert "أرسل إليّ التذكيرات والإشعارات بالبريد الإلكتروني" in html
    assert re.search(r'<input type="checkbox" name="notices_by_email"[^>]*checked>', html)
    assert re.search(r'<input type="checkbox" name="notices_by_sms"[^>]*checked>', html)


def test_a_staff_account_without_a_record_is_offered_no_text_messages(client, kirkuk_auditor):
    client.force_login(kirkuk_auditor)

    html = client.get(PROFILE).content.decode()

    assert "notices_by_email" in html
    assert "notices_by_sms" not in html


def test_turning_text_messages_off_on_the_profile_stops_them_and_keeps_email(
    client, worker, kirkuk_facility, django_capture_on_commit_callbacks
):
    client.force_login(worker.user)
    data = {"email": worker.email, "phone": worker.phone, "language": "ckb"}
    client.post(PROFILE, {**data, "notices_by_email": "on"})
    workshop = WorkshopFactory(venue=kirkuk_facility, status="open")
    EnrolmentFactory(workshop=workshop, health_worker=worker)
    sms.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        session_reminders_queue(today=workshop.starts_on - datetime.timedelta(days=1))

    assert not notice_channel_wanted(user=worker.user, channel="sms")
    assert sms.outbox == []
    assert [message.to for message in mail.outbox] == [[worker.email]]
    assert Notice.objects.get(channel="sms").status == Notice.Status.OPTED_OUT
    assert mail.outbox[0].subject.startswith("سبەی:")  # in Kurdish, the language just chosen
