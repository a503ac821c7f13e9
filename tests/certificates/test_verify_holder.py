"""A serial alone tells status, course and dates; the holder's name needs a proof."""

from urllib.parse import parse_qs, urlsplit

import pytest

from django.core.cache import cache

from certificates import identity, services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db

NAMES = ("Ahmed Ali Hassan", "أحمد علي حسن")


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def main(response) -> str:
    """The page's own content (the header's language switcher repeats the query and a token)."""
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def qr_query(certificate) -> dict:
    """The query of the QR codes printed before the compact payload: the facts and signature."""
    url = identity.verification_url(
        code=certificate.verification_code,
        facts=services.certificate_facts_text(certificate=certificate),
        signature=certificate.signature,
    )
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def test_the_serial_alone_gives_status_course_and_dates_but_no_name(certificate, client):
    result = client.get(f"/verify/{certificate.serial}.json").json()
    assert (result["status"], result["course_code"], result["completed_on"]) == (
        "valid",
        "BLS-1",
        certificate.completed_on.isoformat(),
    )
    assert (result["holder"], result["holder_name_latin"], result["holder_name_arabic"]) == (
        None,
        None,
        None,
    )


def test_the_serial_alone_page_shows_no_name_and_asks_for_the_family_name(certificate, client):
    page = client.get(f"/verify/{certificate.serial}/").content.decode()
    assert "Valid certificate" in page and "Basic Life Support" in page
    assert not any(name in page for name in NAMES)
    assert 'name="family_name"' in page


def test_the_verification_code_shows_the_name_on_the_page_and_in_json(certificate, client):
    page = client.get(f"/verify/{certificate.verification_code}/").content.decode()
    result = client.get(f"/verify/{certificate.verification_code}.json").json()
    assert "Ahmed Ali Hassan" in page
    assert result["holder_name_arabic"] == "أحمد علي حسن"


def test_the_signed_qr_payload_shows_the_name_even_with_the_serial(certificate, client):
    query = qr_query(certificate)
    page = client.get(f"/verify/{certificate.serial}/", query).content.decode()
    result = client.get(f"/verify/{certificate.serial}.json", query).json()
    assert "Ahmed Ali Hassan" in page
    assert (result["signature_valid"], result["holder"]) == (True, "Ahmed Ali Hassan")


def test_a_forged_signature_with_the_serial_shows_no_name(certificate, client):
    query = qr_query(certificate) | {"s": "A" * 86}
    result = client.get(f"/verify/{certificate.serial}.json", query).json()
    assert (result["signature_valid"], result["holder"]) == (False, None)


@pytest.mark.parametrize(
    ("signature", "expected"),
    [("valid", (True, "Ahmed Ali Hassan")), ("A" * 86, (False, None))],
    ids=["signed", "forged"],
)
def test_a_compact_qr_signature_alone_proves_the_holder_only_when_it_signs_the_stored_facts(
    certificate, client, signature, expected
):
    query = {"s": certificate.signature if signature == "valid" else signature}
    result = client.get(f"/verify/{certificate.serial}.json", query).json()
    assert (result["signature_valid"], result["holder"]) == expected


def test_the_serial_with_the_family_name_shows_the_name(certificate, client):
    query = {"family_name": "hassan"}
    page = client.get(f"/verify/{certificate.serial}/", query).content.decode()
    result = client.get(f"/verify/{certificate.serial}.json", query).json()
    assert "Ahmed Ali Hassan" in page
    assert result["holder_name_latin"] == "Ahmed Ali Hassan"


@pytest.mark.parametrize("spelling", ["حسن", "حَسَن", "علي حسن", "على حسن", "HASSAN", "Ali Hassan"])
def test_the_family_name_matches_in_arabic_variant_spellings(certificate, client, spelling):
    result = client.get(f"/verify/{certificate.serial}.json", {"family_name": spelling}).json()
    assert result["holder_name_arabic"] == "أحمد علي حسن"


def test_a_kurdish_family_name_matches_when_typed_on_an_arabic_keyboard(certificate, client):
    Certificate.objects.filter(pk=certificate.pk).update(holder_name_ar="ئاراس کەریم")
    # Arabic kaf and ya where the record has the Persian-Kurdish letters.
    result = client.get(f"/verify/{certificate.serial}.json", {"family_name": "كەريم"}).json()
    assert result["holder_name_arabic"] == "ئاراس کەریم"


@pytest.mark.parametrize("wrong", ["Ali", "Smith", "Ahmed", "   ", "حسين"])
def test_a_wrong_family_name_gives_the_same_answer_as_none(certificate, client, wrong):
    plain = client.get(f"/verify/{certificate.serial}.json")
    guessed = client.get(f"/verify/{certificate.serial}.json", {"family_name": wrong})
    assert (guessed.status_code, guessed.json()) == (plain.status_code, plain.json())
    page = client.get(f"/verify/{certificate.serial}/", {"family_name": wrong})
    assert main(page) == main(client.get(f"/verify/{certificate.serial}/"))


def test_an_unknown_serial_has_the_same_keys_as_a_known_one(certificate, client):
    known = client.get(f"/verify/{certificate.serial}.json").json()
    unknown = client.get("/verify/CME-KIR-2026-999999.json")
    assert unknown.status_code == 404
    assert unknown.json().keys() == known.keys()


def test_serials_of_one_block_are_rate_limited_across_addresses(certificate, client, settings):
    settings.CERTIFICATE_VERIFY_BLOCK_RATE = 3
    block = certificate.serial[:-3]
    statuses = [
        client.get(f"/verify/{block}{n:03d}.json", REMOTE_ADDR=f"198.51.100.{n}").status_code
        for n in range(4)
    ]
    other_block = client.get("/verify/CME-XXX-2026-123456.json", REMOTE_ADDR="198.51.100.99")
    assert statuses[-1] == 429
    assert set(statuses[:-1]) <= {200, 404}
    assert other_block.status_code == 404


def test_verification_codes_are_not_limited_by_serial_block(certificate, client, settings):
    settings.CERTIFICATE_VERIFY_BLOCK_RATE = 1
    statuses = [
        client.get(
            f"/verify/{certificate.verification_code}.json", REMOTE_ADDR=f"198.51.100.{n}"
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 200]
