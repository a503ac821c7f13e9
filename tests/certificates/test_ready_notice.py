"""The holder hears once that their certificate is ready, by email and by text message."""

import pytest

from django.core import mail

from certificates import services
from core import sms
from courses.models import Notice

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]


def test_the_certificate_ready_notice_goes_by_email_and_sms_once(
    completion, django_capture_on_commit_callbacks
):
    completion.health_worker.phone = "07701234567"
    completion.health_worker.save()
    sms.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue(completion_id=completion.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_notify(certificate_id=certificate.pk)  # a bulk run or a retry

    assert [message.to for message in mail.outbox] == [["ahmed@example.org"]]
    [text] = [message["body"] for message in sms.outbox]
    assert certificate.serial in text
    assert Notice.objects.filter(kind="certificate_ready", status="sent").count() == 2
