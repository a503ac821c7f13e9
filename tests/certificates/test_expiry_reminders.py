"""The daily beat reminds holders to renew 60 and 14 days before expiry: once, in their language."""

import datetime

import pytest

from django.core import mail

from accounts.models import AccountPreferences
from certificates import services
from certificates.reminders import certificate_expiry_remind
from core import sms
from courses.models import Notice
from tests.factories.courses import CompletionFactory, EnrolmentFactory, course_page
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]
ON = datetime.date(2026, 12, 5)


@pytest.fixture(autouse=True)
def _empty_outboxes():
    sms.outbox.clear()
    mail.outbox.clear()


def _holder(language: str, *, phone: str, valid_until: datetime.date, **preferences):
    user = UserFactory()
    AccountPreferences.objects.create(user=user, language=language, **preferences)
    worker = HealthWorkerFactory(user=user, email=f"{user.username}@example.org", phone=phone)
    course = course_page(title="Medical oxygen", code="OXY-101", validity_months=24)
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop__course=course, health_worker=worker),
        valid_until=valid_until,
    )
    return services.certificate_issue(completion_id=completion.pk, notify=False)


def _remind(capture, on=ON) -> int:
    with capture(execute=True):
        return certificate_expiry_remind(on=on)


def test_holders_are_reminded_at_60_and_14_days_once_each_in_their_language(
    django_capture_on_commit_callbacks,
):
    arabic = _holder("ar", phone="07701110001", valid_until=ON + datetime.timedelta(days=60))
    kurdish = _holder("ckb", phone="07501110002", valid_until=ON + datetime.timedelta(days=14))
    _holder("en", phone="07501110003", valid_until=ON + datetime.timedelta(days=30))

    assert _remind(django_capture_on_commit_callbacks) == 4  # two people, email and SMS each
    assert _remind(django_capture_on_commit_callbacks) == 0  # the beat running twice

    texts = {message["to"][-4:]: message["body"] for message in sms.outbox}
    assert set(texts) == {"0001", "0002"}
    assert "2027-02-03" in texts["0001"] and "صالحة حتى" in texts["0001"]
    assert "2026-12-19" in texts["0002"] and "بەرکارە" in texts["0002"]
    assert arabic.verification_code in texts["0001"]
    assert kurdish.verification_code in texts["0002"]
    assert len(mail.outbox) == 2


def test_a_holder_who_turned_sms_off_gets_only_the_email(django_capture_on_commit_callbacks):
    _holder(
        "ar",
        phone="07701110009",
        valid_until=ON + datetime.timedelta(days=14),
        notices_by_sms=False,
    )
    _remind(django_capture_on_commit_callbacks)
    assert sms.outbox == []
    assert len(mail.outbox) == 1
    notices = Notice.objects.filter(kind=Notice.Kind.CERTIFICATE_EXPIRING)
    assert sorted(notices.values_list("channel", "status")) == [
        ("email", "sent"),
        ("sms", "opted_out"),
    ]
