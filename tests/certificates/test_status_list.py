import base64
import gzip

import pytest

from certificates import services
from certificates.badges.keys import ed25519_from_multibase
from certificates.badges.proof import proof_valid

pytestmark = pytest.mark.django_db


def _bit(client, entry: dict) -> bool:
    list_credential = client.get(entry["statusListCredential"].split("8000", 1)[1]).json()
    encoded = list_credential["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) * 8 >= 131_072
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _entry(client, holder_user, certificate) -> dict:
    client.force_login(holder_user)
    return client.get(f"/certificates/{certificate.pk}/badge.json").json()["credentialStatus"]


def test_a_valid_certificates_status_bit_is_clear(certificate, client, holder_user):
    entry = _entry(client, holder_user, certificate)

    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusPurpose"] == "revocation"
    assert _bit(client, entry) is False


def test_revoking_a_certificate_sets_its_status_bit(certificate, client, holder_user, admin_user):
    entry = _entry(client, holder_user, certificate)
    services.certificate_revoke(certificate=certificate, reason="Forged", user=admin_user)

    assert _bit(client, entry) is True


def test_withdrawing_a_certificate_sets_its_status_bit(certificate, client, holder_user):
    entry = _entry(client, holder_user, certificate)
    completion = certificate.completion
    completion.is_complete = False
    completion.save()
    services.certificate_withdraw(completion_id=completion.pk)

    assert _bit(client, entry) is True


def test_a_certificates_status_entry_does_not_move(certificate, client, holder_user):
    assert _entry(client, holder_user, certificate) == _entry(client, holder_user, certificate)


def test_status_list_is_a_signed_bitstring_status_list_credential(certificate, client):
    answer = client.get("/credentials/status/0").json()
    did = client.get("/.well-known/did.json").json()

    assert answer["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert answer["issuer"] == did["id"]
    key = ed25519_from_multibase(did["verificationMethod"][0]["publicKeyMultibase"])
    assert proof_valid(answer, public_key=key)


def test_a_status_list_past_the_last_certificate_is_not_found(certificate, client):
    assert client.get("/credentials/status/1").status_code == 404


def test_reissuing_a_certificate_sets_the_old_ones_status_bit(
    certificate, client, holder_user, admin_user
):
    entry = _entry(client, holder_user, certificate)
    new = services.certificate_reissue(certificate=certificate, user=admin_user, reason="Name")

    assert _bit(client, entry) is True
    assert _bit(client, _entry(client, holder_user, new)) is False
