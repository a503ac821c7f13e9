import json

import pytest

from django.core.cache import cache

from certificates import identity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def test_verify_page_needs_no_login_and_shows_facts(certificate, client):
    page = client.get(f"/verify/{certificate.verification_code}/").content.decode()

    assert "Valid certificate" in page
    assert "Ahmed Ali Hassan" in page
    assert "Basic Life Support" in page


def test_verify_page_in_arabic_shows_arabic_facts(certificate, client):
    page = client.get(f"/ar/verify/{certificate.verification_code}/").content.decode()

    assert 'dir="rtl"' in page
    assert "أحمد علي حسن" in page
    assert "دعم الحياة الأساسي" in page


def test_verify_works_under_the_kurdish_prefix(certificate, client):
    assert client.get(f"/ckb/verify/{certificate.serial}/").status_code == 200


def test_code_altered_by_one_character_is_invalid(certificate, client):
    code = certificate.verification_code
    altered = code[:-1] + ("A" if code[-1] != "A" else "B")

    response = client.get(f"/verify/{altered}.json")

    assert response.status_code == 404
    assert response.json()["status"] == "invalid"


def test_verify_json_gives_status_and_facts(certificate, client):
    result = client.get(f"/verify/{certificate.verification_code}.json").json()

    assert result["status"] == "valid"
    assert result["holder_name_arabic"] == "أحمد علي حسن"
    assert result["cme_hours"] == "12.0"


def test_qr_signature_checks_offline_with_the_published_key(certificate, client):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    jwk = client.get("/verify/key.json").json()["publicKeyJwk"]
    key = Ed25519PublicKey.from_public_bytes(identity.b64url_decode(jwk["x"]))
    facts = f"{certificate.serial}|Ahmed Ali Hassan|BLS-1|12.0|2026-03-03"
    message = identity.signed_message(code=certificate.verification_code, facts=facts)

    assert identity.signature_valid(message, certificate.signature, key=key)
    assert not identity.signature_valid(
        message.replace(b"12.0", b"42.0"), certificate.signature, key=key
    )


def test_tampered_facts_in_link_are_flagged(certificate, client):
    response = client.get(
        f"/verify/{certificate.verification_code}/",
        {
            "f": f"{certificate.serial}|Someone Else|BLS-1|12.0|2026-03-03",
            "s": certificate.signature,
        },
    )

    assert "do not match" in response.content.decode()


def test_verification_is_rate_limited_per_address(certificate, client, settings):
    settings.CERTIFICATE_VERIFY_RATE = 3
    statuses = [client.get(f"/verify/{certificate.serial}/").status_code for _ in range(4)]
    other = client.get(f"/verify/{certificate.serial}/", REMOTE_ADDR="10.0.0.9")

    assert statuses == [200, 200, 200, 429]
    assert "Too many checks" in client.get(f"/verify/{certificate.serial}/").content.decode()
    assert other.status_code == 200


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance(
    certificate, client, settings
):
    settings.CERTIFICATE_VERIFY_RATE, settings.TRUSTED_PROXY_COUNT = 2, 1
    url = f"/verify/{certificate.serial}/"
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    first = [client.get(url, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy) for _ in range(3)]
    second = client.get(url, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy)

    assert [response.status_code for response in first] == [200, 200, 429]
    assert second.status_code == 200


def test_a_client_cannot_choose_its_address_in_the_forwarded_header(certificate, client, settings):
    settings.CERTIFICATE_VERIFY_RATE, settings.TRUSTED_PROXY_COUNT = 2, 1
    url = f"/verify/{certificate.serial}/"
    # The client writes a new address each time; the proxy appends the one it really came from.
    statuses = [
        client.get(url, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(certificate, client, settings):
    settings.CERTIFICATE_VERIFY_RATE = 2
    url = f"/verify/{certificate.serial}/"
    statuses = [
        client.get(url, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_public_key_document_is_json(client):
    document = client.get("/verify/key.json").json()

    assert document["publicKeyJwk"]["crv"] == "Ed25519"
    assert document["publicKeyMultibase"].startswith("z6Mk")
    assert json.dumps(document)


@pytest.mark.parametrize("by", ["verification_code", "serial"])
def test_verifying_a_certificate_asks_the_database_one_question(
    by, certificate, client, django_assert_num_queries
):
    # The busiest public page: a code is never looked for among the serials, nor a serial
    # among the codes.
    with django_assert_num_queries(1):
        response = client.get(f"/verify/{getattr(certificate, by).lower()}.json")

    assert response.json()["serial"] == certificate.serial
