"""The certificate email is in the holder's language, whoever's action queued it."""

import pytest

from django.core import mail
from django.utils import translation

from accounts.models import AccountPreferences
from certificates.tasks import certificate_issue_task

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]

SUBJECT = {"ar": "شهادتك لدورة", "ckb": "بڕوانامەکەت بۆ خولی"}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_certificate_email_is_in_the_language_the_holder_chose(
    language, completion, holder_user, worker_path, django_capture_on_commit_callbacks
):
    AccountPreferences.objects.create(user=holder_user, language=language)
    completion.workshop.language = "en"
    completion.workshop.save()
    with translation.override("en"):  # a trainer on the English pages closed the workshop
        certificate_issue_task.delay(completion.pk)
    with django_capture_on_commit_callbacks(execute=True):
        worker_path.run()  # the issue task, which queues the notice after its commit
    with django_capture_on_commit_callbacks(execute=True):
        worker_path.run()  # the notice, recorded in the holder's language, queues its email
    worker_path.run()
    [message] = mail.outbox
    assert message.subject.startswith(SUBJECT[language])
    assert "أحمد علي حسن" in message.body


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_holder_without_a_choice_gets_the_workshop_language_not_the_starters(
    language, completion, worker_path, django_capture_on_commit_callbacks
):
    completion.workshop.language = language
    completion.workshop.save()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        certificate_issue_task.delay(completion.pk)
        worker_path.run()
    with django_capture_on_commit_callbacks(execute=True):
        worker_path.run()
    worker_path.run()
    assert mail.outbox[0].subject.startswith(SUBJECT[language])
