import io
import zipfile

import pytest

from certificates.models import Certificate
from tests.certificates.pdftools import pdf_text
from tests.factories.courses import CompletionFactory, EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory, RoleAssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(completion, kirkuk_facility):
    workshop = completion.workshop
    for latin, arabic in (("Zainab Kareem", "زينب كريم"), ("Hawre Salih", "هاوڕێ ساڵح")):
        worker = HealthWorkerFactory(facility=kirkuk_facility, name_latin=latin, name_ar=arabic)
        CompletionFactory(enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker))
    return workshop


@pytest.fixture
def trainer(kirkuk_facility):
    return RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=kirkuk_facility.governorate
    ).user


def issue_all(client, workshop, capture):
    """Press "Issue certificates": the job is queued when the request's transaction commits."""
    with capture(execute=True):
        return client.post(f"/certificates/workshops/{workshop.pk}/issue/")


def test_bulk_issue_gives_every_completion_its_certificate_and_shows_progress(
    workshop, trainer, client, django_capture_on_commit_callbacks
):
    client.force_login(trainer)

    started = issue_all(client, workshop, django_capture_on_commit_callbacks)
    response = client.get(started["Location"])

    page = response.content.decode()
    assert 'id="job"' in page and 'class="progress"' in page
    assert Certificate.objects.filter(completion__workshop=workshop, status="valid").count() == 3
    assert "3 of 3 completions have a certificate." in page


HOLDERS = {
    "Ahmed Ali Hassan": "أحمد علي حسن",
    "Zainab Kareem": "زينب كريم",
    "Hawre Salih": "هاوڕێ ساڵح",
}


def _holder_on(page: str) -> list[str]:
    return [latin for latin, arabic in HOLDERS.items() if latin in page and arabic in page]


def test_workshop_certificates_download_as_one_pdf_with_a_page_each(
    workshop, trainer, client, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    issue_all(client, workshop, django_capture_on_commit_callbacks)

    response = client.get(f"/certificates/workshops/{workshop.pk}/certificates.pdf")

    pages = pdf_text(response.content)
    assert response["Content-Type"] == "application/pdf"
    assert sorted(name for page in pages for name in _holder_on(page)) == sorted(HOLDERS)
    assert all(len(_holder_on(page)) == 1 for page in pages)


def test_workshop_certificates_download_as_a_zip_of_pdfs_named_by_serial(
    workshop, trainer, client, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    issue_all(client, workshop, django_capture_on_commit_callbacks)

    response = client.get(f"/certificates/workshops/{workshop.pk}/certificates.zip")

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    serials = Certificate.objects.filter(completion__workshop=workshop).values_list(
        "serial", flat=True
    )
    assert sorted(archive.namelist()) == sorted(f"{serial}.pdf" for serial in serials)
    texts = [pdf_text(archive.read(name))[0] for name in archive.namelist()]
    assert sorted(name for text in texts for name in _holder_on(text)) == sorted(HOLDERS)


def test_trainer_of_another_governorate_gets_404_for_the_workshop_download(
    workshop, client, basra_facility
):
    other = RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=basra_facility.governorate
    ).user
    client.force_login(other)

    assert client.get(f"/certificates/workshops/{workshop.pk}/certificates.pdf").status_code == 404
    assert client.post(f"/certificates/workshops/{workshop.pk}/issue/").status_code == 404


def test_bulk_issue_tells_every_holder_once_in_their_own_email(
    workshop, trainer, client, django_capture_on_commit_callbacks, mailoutbox
):
    from workforce.models import HealthWorker

    holders = HealthWorker.objects.filter(enrolments__workshop=workshop)
    for number, worker in enumerate(holders):
        worker.email = f"holder{number}@example.org"
        worker.save(update_fields=["email"])
    client.force_login(trainer)

    issue_all(client, workshop, django_capture_on_commit_callbacks)

    assert sorted(address for m in mailoutbox for address in m.to) == sorted(
        f"holder{number}@example.org" for number in range(3)
    )
