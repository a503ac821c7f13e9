import hashlib

import pytest

from certificates import identity
from certificates.badges import credential_verify
from certificates.badges.keys import base58btc, ed25519_from_multibase
from certificates.badges.legacy import canonical_json
from certificates.badges.proof import proof_valid

pytestmark = pytest.mark.django_db


def _credential(client, holder_user, certificate):
    client.force_login(holder_user)
    return client.get(f"/certificates/{certificate.pk}/badge.json").json()


def _did_key(client) -> bytes:
    document = client.get("/.well-known/did.json").json()
    (method,) = document["verificationMethod"]
    assert document["assertionMethod"] == [method["id"]]
    return ed25519_from_multibase(method["publicKeyMultibase"])


def test_open_badge_is_a_vc2_credential_issued_by_the_sites_did_web(
    certificate, client, holder_user, settings
):
    settings.SITE_URL = "https://cme.example.iq:8443"
    credential = _credential(client, holder_user, certificate)

    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["issuer"]["id"] == "did:web:cme.example.iq%3A8443"
    assert client.get("/.well-known/did.json").json()["id"] == "did:web:cme.example.iq%3A8443"
    assert credential["proof"]["verificationMethod"] == "did:web:cme.example.iq%3A8443#key-1"


def test_open_badge_rdfc_proof_verifies_against_the_did_document_key(
    certificate, client, holder_user
):
    credential = _credential(client, holder_user, certificate)

    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof_valid(credential, public_key=_did_key(client))


def test_open_badge_with_changed_hours_fails_verification(certificate, client, holder_user):
    credential = _credential(client, holder_user, certificate)
    credential["credentialSubject"]["creditsEarned"] = 40

    assert not proof_valid(credential, public_key=_did_key(client))


def test_open_badge_names_holder_course_and_hours_as_numbers(certificate, client, holder_user):
    credential = _credential(client, holder_user, certificate)
    subject = credential["credentialSubject"]

    assert subject["name"] == "Ahmed Ali Hassan"
    assert subject["achievement"]["name"] == "Basic Life Support"
    assert subject["creditsEarned"] == 12
    assert subject["achievement"]["creditsAvailable"] == 12


def test_open_badge_ids_have_no_language_prefix_when_downloaded_in_arabic(
    certificate, client, holder_user
):
    client.force_login(holder_user)
    credential = client.get(f"/ar/certificates/{certificate.pk}/badge.json").json()

    assert "/ar/" not in credential["id"]
    assert "/ar/" not in credential["credentialSubject"]["achievement"]["id"]


def test_credentials_signed_before_did_web_still_verify_against_the_published_key(
    certificate, client
):
    # Signed the way the site signed its first credentials (eddsa-jcs-2022, key at key.json).
    key = client.get("/verify/key.json").json()
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:x", "n": 1}
    options = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022",
               "verificationMethod": key["id"], "proofPurpose": "assertionMethod"}  # fmt: skip
    signed = hashlib.sha256(canonical_json({**options, "@context": document["@context"]})).digest()
    signed += hashlib.sha256(canonical_json(document)).digest()
    signature = identity.signing_key().sign(signed)
    old = {**document, "proof": {**options, "proofValue": "z" + base58btc(signature)}}

    assert credential_verify(old, public_key_multibase=key["publicKeyMultibase"])
    old["n"] = 2
    assert not credential_verify(old, public_key_multibase=key["publicKeyMultibase"])
