"""Renewals on certificates: the last valid day printed, signed, verified, and in the badge."""

import datetime

import pytest

from django.utils import timezone, translation

from certificates import services, verification
from certificates.badges.proof import proof_valid
from certificates.models import Certificate
from tests.certificates.pdftools import pdf_text
from tests.certificates.test_badges import _credential, _did_key
from tests.factories.certificates import CertificateTemplateFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def _expiring(completion, valid_until: datetime.date | None = datetime.date(2028, 3, 3)):
    """The completion as evaluated under a 24-month validity (or ending on `valid_until`)."""
    completion.course.validity_months = 24
    completion.course.save()
    completion.valid_until = valid_until
    completion.save()
    return services.certificate_issue(completion_id=completion.pk)


def _pdf(certificate) -> str:
    return pdf_text(services.certificate_pdf_content(certificate=certificate))[0]


def test_certificate_of_a_course_with_validity_prints_valid_until_in_english_and_arabic(
    completion,
):
    text = _pdf(_expiring(completion))

    assert "valid until 2028-03-03" in text
    assert "صالحة حتى" in text and "2028/03/03" in text


def test_kurdish_certificate_prints_valid_until_in_sorani(completion):
    completion.course.certificate_template = CertificateTemplateFactory(
        name="Kurdistan", layout="en_ckb"
    )
    completion.course.save()

    text = _pdf(_expiring(completion))

    assert "بەرکارە تا" in text and "2028/03/03" in text


def test_certificate_of_a_course_without_validity_prints_no_valid_until(certificate):
    assert certificate.valid_until is None
    assert "valid until" not in _pdf(certificate)


def test_issued_certificate_keeps_its_date_when_the_course_validity_changes(
    completion, client, admin_user
):
    certificate = _expiring(completion)
    completion.course.validity_months = 36
    completion.course.save()

    assert client.get(f"/verify/{certificate.serial}.json").json()["valid_until"] == "2028-03-03"
    new = services.certificate_reissue(certificate=certificate, user=admin_user)
    assert new.valid_until == datetime.date(2029, 3, 3)
    assert "valid until 2029-03-03" in _pdf(new)


def _verify(client, certificate, language="en"):
    with translation.override(language):
        prefix = "" if language == "en" else f"/{language}"
        return client.get(f"{prefix}/verify/{certificate.verification_code}/")


def test_certificate_verifies_valid_on_its_last_day(completion, client):
    certificate = _expiring(completion, valid_until=TODAY())

    result = client.get(f"/verify/{certificate.serial}.json").json()
    page = _verify(client, certificate).content.decode()

    assert result["status"] == "valid"
    assert result["valid_until"] == TODAY().isoformat()
    assert "Valid certificate" in page and "Valid until" in page


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Expired certificate"), ("ar", "شهادة منتهية الصلاحية"), ("ckb", "بڕوانامەی بەسەرچوو")],
)
def test_certificate_verifies_expired_the_day_after_its_last_day(
    completion, client, language, heading
):
    certificate = _expiring(completion, valid_until=TODAY() - DAY)

    response = _verify(client, certificate, language)

    assert response.status_code == 200
    page = response.content.decode()
    assert heading in page
    assert "Valid certificate" not in page and "Revoked" not in page
    assert (TODAY() - DAY).isoformat() in page


def test_expired_certificate_json_says_expired_with_its_last_day(completion, client):
    certificate = _expiring(completion, valid_until=TODAY() - DAY)

    result = client.get(f"/verify/{certificate.verification_code}.json").json()

    assert result["status"] == "expired"
    assert result["valid_until"] == (TODAY() - DAY).isoformat()
    assert result["holder_name_latin"] == "Ahmed Ali Hassan"


def test_revoked_certificate_past_its_last_day_still_says_revoked(completion, client, admin_user):
    certificate = _expiring(completion, valid_until=TODAY() - DAY)
    services.certificate_revoke(certificate=certificate, reason="Fraud", user=admin_user)

    assert client.get(f"/verify/{certificate.serial}.json").json()["status"] == "revoked"


def test_signature_covers_the_last_valid_day(completion):
    certificate = _expiring(completion)
    assert verification.signature_check(certificate=certificate, facts="",
                                        signature=certificate.signature)  # fmt: skip

    Certificate.objects.filter(pk=certificate.pk).update(valid_until=datetime.date(2030, 3, 3))
    certificate.refresh_from_db()

    assert not verification.signature_check(
        certificate=certificate, facts="", signature=certificate.signature
    )


def test_open_badge_carries_valid_until_to_the_end_of_the_last_day_in_iraq(
    completion, client, holder_user
):
    certificate = _expiring(completion)

    credential = _credential(client, holder_user, certificate)

    assert credential["validUntil"] == "2028-03-03T20:59:59Z"  # 23:59:59 in Baghdad (UTC+3)
    assert proof_valid(credential, public_key=_did_key(client))
    credential["validUntil"] = "2030-03-03T20:59:59Z"
    assert not proof_valid(credential, public_key=_did_key(client))


def test_open_badge_of_a_certificate_that_never_expires_has_no_valid_until(
    certificate, client, holder_user
):
    assert "validUntil" not in _credential(client, holder_user, certificate)


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Expires soon"), ("ar", "تنتهي صلاحيتها قريبًا"), ("ckb", "بەم زووانە بەسەر دەچێت")],
)
def test_my_learning_certificates_label_an_expiring_certificate_with_its_date(
    completion, client, holder_user, language, label
):
    _expiring(completion, valid_until=TODAY() + 20 * DAY)
    client.force_login(holder_user)

    with translation.override(language):
        page = client.get("/learning/" if language == "en" else f"/{language}/learning/")
    section = page.content.decode().split('id="certificates"')[1]

    assert 'data-expiry="expiring"' in section and label in section
    assert str((TODAY() + 20 * DAY).year) in section
