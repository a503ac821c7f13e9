import datetime
import html
import re
from unittest import mock

import pytest

from certificates import services, wallet
from certificates.badges.keys import ed25519_from_multibase
from certificates.badges.proof import proof_valid

pytestmark = pytest.mark.django_db
_OFFER = re.compile(r'data-offer-url="([^"]+)"[^>]*>(<svg.*?</svg>)', re.S)


def _offer(client, holder_user, prefix="") -> tuple[str, str]:
    client.force_login(holder_user)
    page = client.get(f"{prefix}/learning/").content.decode()
    client.logout()
    url, svg = _OFFER.search(page).groups()
    return html.unescape(url), svg


def test_my_learning_offers_the_credential_to_a_wallet_as_a_qr_and_a_download(
    certificate, client, holder_user
):
    client.force_login(holder_user)
    page = client.get("/ckb/learning/").content.decode()

    assert "زیادکردن بۆ جزدان" in page
    assert f'href="/ckb/certificates/{certificate.pk}/badge.json" download' in page


def test_the_wallet_qr_holds_an_offer_url_that_returns_the_signed_credential_without_login(
    certificate, client, holder_user
):
    url, svg = _offer(client, holder_user)
    assert svg == wallet.offer_qr_svg(url)

    credential = client.get(url.split("8000", 1)[1]).json()
    did = client.get("/.well-known/did.json").json()

    assert credential["credentialSubject"]["name"] == "Ahmed Ali Hassan"
    key = ed25519_from_multibase(did["verificationMethod"][0]["publicKeyMultibase"])
    assert proof_valid(credential, public_key=key)


def test_an_offer_older_than_half_an_hour_is_refused_with_a_message(
    certificate, client, holder_user
):
    url, _svg = _offer(client, holder_user)
    later = datetime.datetime.now().timestamp() + wallet.OFFER_SECONDS + 5
    with mock.patch("time.time", return_value=later):
        answer = client.get(url.split("8000", 1)[1])

    assert answer.status_code == 404
    assert "expired" in answer.json()["error"]


def test_an_offer_of_a_revoked_certificate_is_refused(certificate, client, holder_user, admin_user):
    url, _svg = _offer(client, holder_user)
    services.certificate_revoke(certificate=certificate, reason="Forged", user=admin_user)

    assert client.get(url.split("8000", 1)[1]).status_code == 404


def test_a_tampered_offer_token_is_refused(certificate, client, holder_user):
    url, _svg = _offer(client, holder_user)

    assert client.get(url.split("8000", 1)[1][:-2] + "xx").status_code == 404
