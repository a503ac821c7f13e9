import pytest

from django.core.exceptions import ValidationError

from certificates import services
from certificates.models import Certificate
from tests.certificates.pdftools import pdf_text

pytestmark = pytest.mark.django_db


def test_revoked_certificate_says_revoked_with_reason(certificate, client, admin_user):
    services.certificate_revoke(
        certificate=certificate, reason="Attendance forged", user=admin_user
    )

    page = client.get(f"/verify/{certificate.serial}/").content.decode()

    assert "Revoked certificate" in page
    assert "Attendance forged" in page


def test_revoking_needs_a_reason(certificate, admin_user):
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=certificate, reason="  ", user=admin_user)

    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_reissue_after_name_correction_supersedes_old_certificate(certificate, admin_user):
    worker = certificate.completion.health_worker
    worker.name_latin = "Ahmad Ali Hasan"
    worker.save()

    new = services.certificate_reissue(certificate=certificate, user=admin_user)

    certificate.refresh_from_db()
    assert certificate.status == "superseded"
    assert certificate.superseded_by == new
    with new.pdf.open("rb") as handle:
        assert "Ahmad Ali Hasan" in pdf_text(handle.read())[0]


def test_superseded_certificate_page_points_to_the_new_one(certificate, admin_user, client):
    new = services.certificate_reissue(certificate=certificate, user=admin_user)

    page = client.get(f"/verify/{certificate.verification_code}/").content.decode()

    assert "Superseded certificate" in page
    assert f"/verify/{new.serial}/" in page


def test_one_completion_keeps_one_valid_certificate_after_reissue(certificate, admin_user):
    services.certificate_reissue(certificate=certificate, user=admin_user)

    valid = Certificate.objects.filter(completion=certificate.completion, status="valid")
    assert valid.count() == 1
