"""The Digital Credentials Consortium's verifier judges the site's Open Badges 3.0 credentials.

Its did:web resolver fetches the DID document from the site (over TLS on loopback), checks the
eddsa-rdfc-2022 proof with its own canonicalisation, and fetches and checks the status list.
"""

import datetime

import pytest

from django.utils import timezone

from certificates import services
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def credential(dcc_verify, kirkuk_facility, client):
    holder = UserFactory(username="holder")
    worker = HealthWorkerFactory(facility=kirkuk_facility, name_latin="Ahmed Ali", user=holder)
    course = course_page(title="Basic Life Support", code="BLS-1")
    workshop = WorkshopFactory(venue=kirkuk_facility, course=course)
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker)
    )
    certificate = services.certificate_issue(completion_id=completion.pk, notify=False)
    client.force_login(holder)
    return certificate, client.get(f"/certificates/{certificate.pk}/badge.json").json()


def _steps(result: dict) -> dict:
    return {step["id"]: step.get("valid") for step in result.get("log", [])}


def test_dcc_verifier_accepts_the_signature_and_status_of_an_issued_credential(
    credential, dcc_verify
):
    _certificate, document = credential

    result = dcc_verify(document)

    assert "errors" not in result, result
    assert _steps(result)["valid_signature"] is True
    assert _steps(result)["revocation_status"] is True
    assert _steps(result)["expiration"] is True


def test_dcc_verifier_rejects_a_revoked_credential_for_its_status(
    credential, dcc_verify, admin_user
):
    certificate, document = credential
    services.certificate_revoke(certificate=certificate, reason="Forged", user=admin_user)

    result = dcc_verify(document)

    assert _steps(result)["valid_signature"] is True
    assert _steps(result)["revocation_status"] is False


def test_dcc_verifier_rejects_a_credential_whose_hours_were_changed(credential, dcc_verify):
    _certificate, document = credential
    document["credentialSubject"]["creditsEarned"] = 40

    result = dcc_verify(document)

    assert [error["name"] for error in result["errors"]] == ["invalid_signature"]


def _credential_ending(client, kirkuk_facility, valid_until) -> dict:
    holder = UserFactory(username="renewing")
    worker = HealthWorkerFactory(facility=kirkuk_facility, name_latin="Zainab Ali", user=holder)
    course = course_page(title="Medical oxygen", code="OXY-101", validity_months=24)
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop__course=course, health_worker=worker),
        valid_until=valid_until,
    )
    certificate = services.certificate_issue(completion_id=completion.pk, notify=False)
    client.force_login(holder)
    return client.get(f"/certificates/{certificate.pk}/badge.json").json()


def test_dcc_verifier_accepts_a_credential_still_within_its_validity(
    dcc_verify, kirkuk_facility, client
):
    last_day = timezone.localdate() + datetime.timedelta(days=30)
    document = _credential_ending(client, kirkuk_facility, last_day)

    result = dcc_verify(document)

    assert "errors" not in result, result
    assert _steps(result)["valid_signature"] is True
    assert _steps(result)["expiration"] is True


def test_dcc_verifier_finds_a_credential_past_its_last_valid_day_expired_but_genuine(
    dcc_verify, kirkuk_facility, client
):
    last_day = timezone.localdate() - datetime.timedelta(days=1)
    document = _credential_ending(client, kirkuk_facility, last_day)

    result = dcc_verify(document)

    assert _steps(result)["valid_signature"] is True
    assert _steps(result)["expiration"] is False
