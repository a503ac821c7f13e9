import pytest

from certificates.selectors import certificates_of_holder
from tests.certificates.pdftools import pdf_text
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


def test_holder_downloads_own_certificate(certificate, client, holder_user):
    client.force_login(holder_user)

    response = client.get(f"/certificates/{certificate.pk}/download/")

    assert response.status_code == 200
    assert "Ahmed Ali Hassan" in pdf_text(b"".join(response.streaming_content))[0]


def test_someone_else_gets_404_for_a_certificate(certificate, client):
    client.force_login(UserFactory(username="stranger"))

    assert client.get(f"/certificates/{certificate.pk}/download/").status_code == 404
    assert client.get(f"/certificates/{certificate.pk}/badge.json").status_code == 404


def test_auditor_of_another_governorate_gets_404(certificate, client, basra_facility):
    from tests.factories.workforce import RoleAssignmentFactory

    auditor = RoleAssignmentFactory(
        role="auditor", level="governorate", governorate=basra_facility.governorate
    ).user
    client.force_login(auditor)

    assert client.get(f"/certificates/{certificate.pk}/download/").status_code == 404


def test_holder_cannot_revoke_own_certificate(certificate, client, holder_user):
    client.force_login(holder_user)

    response = client.post(f"/certificates/{certificate.pk}/revoke/", {"reason": "mine"})

    certificate.refresh_from_db()
    assert response.status_code == 404
    assert certificate.status == "valid"


def test_my_certificates_selector_lists_only_the_holders(certificate, holder_user):
    assert list(certificates_of_holder(user=holder_user)) == [certificate]
    assert not certificates_of_holder(user=UserFactory(username="other")).exists()


def test_my_learning_lists_the_holders_certificate_with_its_download(
    certificate, client, holder_user
):
    client.force_login(holder_user)

    page = client.get("/learning/").content.decode()

    assert certificate.serial in page
    assert f"/certificates/{certificate.pk}/download/" in page
    assert f"/certificates/{certificate.pk}/badge.json" in page


def test_my_learning_of_another_worker_shows_no_one_elses_certificate(certificate, client):
    from tests.factories.workforce import HealthWorkerFactory

    other = UserFactory(username="other.worker")
    HealthWorkerFactory(user=other)
    client.force_login(other)

    page = client.get("/learning/").content.decode()

    assert certificate.serial not in page
    assert "No certificates yet" in page


def test_downloading_a_certificate_whose_pdf_is_not_stored_draws_it_and_writes_nothing(
    certificate, client, holder_user
):
    """A download is a read: a PDF missing from storage is drawn for the reader, not stored."""
    certificate.pdf.delete(save=True)
    client.force_login(holder_user)

    response = client.get(f"/certificates/{certificate.pk}/download/")

    assert response.status_code == 200
    assert "Ahmed Ali Hassan" in pdf_text(b"".join(response.streaming_content))[0]
    certificate.refresh_from_db()
    assert not certificate.pdf
