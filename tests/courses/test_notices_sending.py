"""Sending a notice: through RapidPro, retried on 5xx, recorded with what became of it; staff see
the notices of the people in their scope only."""

import json

import pytest

from django.core import mail
from django.urls import reverse

from courses.models import Notice
from courses.tasks import notice_send_task
from tests.core.rapidpro_standin import RapidProStandIn
from tests.factories.courses import NoticeFactory
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, directorate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]
TOKEN = "f0e1d2c3b4a5f0e1d2c3b4a5f0e1d2c3b4a5f0e1"  # noqa: S105 (the stand-in's own)


@pytest.fixture
def rapidpro(settings):
    standin = RapidProStandIn(token=TOKEN).start()
    settings.SMS_BACKEND = "core.sms.RapidProBackend"
    settings.RAPIDPRO_URL, settings.RAPIDPRO_TOKEN = standin.url, TOKEN
    yield standin
    standin.stop()


def test_a_notice_reaches_rapidpro_as_the_documented_broadcast_and_is_recorded_sent(rapidpro):
    notice = NoticeFactory(address="0770 123 4567", body="تذكير: غداً جلسة")

    assert notice_send_task.delay(notice.pk).get() == Notice.Status.SENT

    [request] = rapidpro.requests
    assert request["headers"]["Authorization"] == f"Token {TOKEN}"
    sent = json.loads(request["body"])
    assert sent == {"urns": ["tel:+9647701234567"], "text": "تذكير: غداً جلسة"}
    notice.refresh_from_db()
    assert (notice.status, notice.attempts, notice.sent_at is not None) == ("sent", 1, True)


def test_a_notice_is_retried_while_rapidpro_answers_503_and_sent_when_it_is_back(
    rapidpro, worker_path
):
    rapidpro.fail_next = 2
    notice = NoticeFactory()

    notice_send_task.delay(notice.pk)
    worker_path.run(stop_on_error=False)  # a retried task's message comes back to the queue

    notice.refresh_from_db()
    assert (notice.status, notice.attempts, len(rapidpro.broadcasts)) == ("sent", 3, 1)


def test_a_notice_rapidpro_never_takes_is_recorded_failed_with_the_reason(rapidpro, worker_path):
    rapidpro.fail_next = 100
    notice = NoticeFactory()

    notice_send_task.delay(notice.pk)
    worker_path.run(stop_on_error=False)

    notice.refresh_from_db()
    assert notice.status == Notice.Status.FAILED
    assert notice.attempts == notice_send_task.max_retries + 1
    assert "503" in notice.error
    assert rapidpro.broadcasts == []


def test_a_number_rapidpro_refuses_fails_at_once_without_retries(rapidpro):
    notice = NoticeFactory(body="x" * 700)

    notice_send_task.delay(notice.pk)

    notice.refresh_from_db()
    assert (notice.status, notice.attempts, len(rapidpro.requests)) == ("failed", 1, 1)


def test_a_replayed_send_task_sends_nothing_again(rapidpro):
    notice = NoticeFactory()
    notice_send_task.delay(notice.pk)

    notice_send_task.delay(notice.pk)

    assert len(rapidpro.broadcasts) == 1


def test_an_email_notice_in_arabic_is_right_to_left(kirkuk_worker):
    notice = NoticeFactory(
        health_worker=kirkuk_worker, channel="email", address="a@example.org", subject="تذكير"
    )

    notice_send_task.delay(notice.pk)

    [message] = mail.outbox
    html, content_type = message.alternatives[0]
    assert content_type == "text/html"
    assert '<html lang="ar" dir="rtl">' in html
    assert message.body.startswith(f"عزيزنا {kirkuk_worker.name_ar}،")


def test_staff_see_the_notices_of_people_in_their_scope_only(client, kirkuk_worker, basra_worker):
    kirkuk = NoticeFactory(health_worker=kirkuk_worker)
    NoticeFactory(health_worker=basra_worker, body="رسالة إلى البصرة")
    auditor = RoleAssignmentFactory(
        role="auditor", level="governorate", governorate=directorate("KIR").governorate
    ).user
    client.force_login(auditor)

    listing = client.get(reverse("notices:index"))
    basra = Notice.objects.get(health_worker=basra_worker)

    assert kirkuk_worker.name_latin in listing.text
    assert basra_worker.name_latin not in listing.text
    assert client.get(reverse("notices:inspect", args=[kirkuk.pk])).status_code == 200
    assert client.get(reverse("notices:inspect", args=[basra.pk])).status_code == 404


def test_a_staff_account_without_a_role_cannot_open_the_notices(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("notices:index")).status_code in (302, 403)
