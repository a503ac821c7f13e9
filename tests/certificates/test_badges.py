import pytest

from certificates.badges import credential_verify

pytestmark = pytest.mark.django_db


def _credential(client, holder_user, certificate):
    client.force_login(holder_user)
    return client.get(f"/certificates/{certificate.pk}/badge.json").json()


def test_open_badge_verifies_against_the_published_key(certificate, client, holder_user):
    credential = _credential(client, holder_user, certificate)
    key = client.get("/verify/key.json").json()

    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert credential_verify(credential, public_key_multibase=key["publicKeyMultibase"])


def test_open_badge_with_changed_hours_fails_verification(certificate, client, holder_user):
    credential = _credential(client, holder_user, certificate)
    key = client.get("/verify/key.json").json()
    credential["credentialSubject"]["creditsEarned"] = 40

    assert not credential_verify(credential, public_key_multibase=key["publicKeyMultibase"])


def test_open_badge_names_holder_and_course(certificate, client, holder_user):
    credential = _credential(client, holder_user, certificate)

    assert credential["credentialSubject"]["name"] == "Ahmed Ali Hassan"
    assert credential["credentialSubject"]["achievement"]["name"] == "Basic Life Support"
