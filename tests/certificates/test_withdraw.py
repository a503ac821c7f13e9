"""A completion made "not complete" withdraws its certificate, and verification says so."""

import pytest

from django.core.cache import cache

from courses import services as courses
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


@pytest.fixture
def trainer(db):
    return RoleAssignmentFactory(role="trainer", level="national").user


def test_override_to_not_complete_withdraws_the_certificate_with_the_reason(
    certificate, trainer, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        courses.completion_override(
            completion=certificate.completion,
            is_complete=False,
            reason="Signed in for a colleague",
            user=trainer,
        )
    result = client.get(f"/verify/{certificate.verification_code}.json").json()
    assert (result["status"], result["reason"]) == ("withdrawn", "Signed in for a colleague")
    page = client.get(f"/verify/{certificate.verification_code}/").content.decode()
    assert "Withdrawn certificate" in page
    assert "Signed in for a colleague" in page
    assert "Valid certificate" not in page


def test_a_withdrawal_is_in_the_certificates_history_with_its_reason(
    certificate, trainer, django_capture_on_commit_callbacks
):
    from wagtail.models import ModelLogEntry

    with django_capture_on_commit_callbacks(execute=True):
        courses.completion_override(
            completion=certificate.completion,
            is_complete=False,
            reason="Left on day 1",
            user=trainer,
        )
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="cme.certificate.withdraw")
    assert entry.data["reason"] == "Left on day 1"


def test_re_evaluation_to_not_complete_withdraws_the_certificate(
    certificate, client, django_capture_on_commit_callbacks
):
    # The enrolment has no attendance marks: the rule makes the completion not complete.
    with django_capture_on_commit_callbacks(execute=True):
        courses.completion_evaluate(enrolment=certificate.completion.enrolment)
    certificate.refresh_from_db()
    assert certificate.status == "withdrawn"
    page = client.get(f"/verify/{certificate.verification_code}/").content.decode()
    assert "no longer recorded as complete" in page


def test_the_withdrawn_verification_page_is_translated(
    certificate, trainer, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        courses.completion_override(
            completion=certificate.completion, is_complete=False, reason="x", user=trainer
        )
    arabic = client.get(f"/ar/verify/{certificate.verification_code}/").content.decode()
    kurdish = client.get(f"/ckb/verify/{certificate.verification_code}/").content.decode()
    assert "شهادة مسحوبة" in arabic
    assert "بڕوانامەی کشێنراوە" in kurdish


def test_a_rolled_back_override_leaves_the_certificate_valid(certificate, trainer):
    # Without the commit's callbacks run, nothing is withdrawn.
    courses.completion_override(
        completion=certificate.completion, is_complete=False, reason="x", user=trainer
    )
    certificate.refresh_from_db()
    assert certificate.status == "valid"
