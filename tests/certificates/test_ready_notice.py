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


def test_a_bulk_issue_tells_each_holder_once_in_their_language_with_few_queries(
    completion, kirkuk_facility, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import AccountPreferences
    from tests.factories.courses import CompletionFactory, EnrolmentFactory
    from tests.factories.workforce import HealthWorkerFactory, UserFactory

    workshop = completion.workshop
    for index in range(4):
        user = UserFactory()
        AccountPreferences.objects.create(user=user, language="ckb")
        worker = HealthWorkerFactory(
            facility=kirkuk_facility, user=user, email=f"holder{index}@example.org", phone=""
        )
        CompletionFactory(enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker))
    with django_capture_on_commit_callbacks(execute=True):
        issued = services.certificates_record_many(
            completion_ids=list(workshop.completions.order_by("pk").values_list("pk", flat=True))
        )
    ids = [certificate.pk for certificate, _created in issued]
    mail.outbox.clear()

    counts = []
    for chunk in (ids[:1], ids[1:]):
        with (
            django_capture_on_commit_callbacks(execute=True),  # sent once these are counted
            CaptureQueriesContext(connection) as queries,
        ):
            told = services.certificates_notify(certificate_ids=chunk)
        counts.append(len(queries))
        assert told == len(chunk)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificates_notify(certificate_ids=ids) == 0  # a task run again
    assert len(mail.outbox) == 5

    assert counts[0] == counts[1]  # one certificate or four: the same queries
    ready = Notice.objects.filter(kind="certificate_ready", channel="email")
    assert ready.count() == 5
    kurdish = ready.exclude(health_worker=completion.health_worker)
    assert set(kurdish.values_list("language", flat=True)) == {"ckb"}
    assert all(notice.subject.startswith("بڕوانامەکەت") for notice in kurdish)
