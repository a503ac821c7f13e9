import pytest

from django.core import mail
from django.db import transaction

from certificates import services
from certificates.models import Certificate
from courses.signals import completion_recorded
from tests.certificates.pdftools import pdf_qr_codes, pdf_text
from tests.factories.courses import CompletionFactory

pytestmark = pytest.mark.django_db


def _pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def test_certificate_pdf_shows_holder_and_course_in_latin_and_arabic(certificate):
    pages = pdf_text(_pdf(certificate))

    assert len(pages) == 1
    for expected in (
        "Ahmed Ali Hassan",
        "أحمد علي حسن",
        "Basic Life Support",
        "دعم الحياة الأساسي",
    ):
        assert expected in pages[0]


def test_certificate_serial_names_the_venue_governorate_and_year(certificate):
    assert certificate.serial == f"CME-KIR-2026-{certificate.pk:06d}"
    assert certificate.serial in pdf_text(_pdf(certificate))[0]


def test_certificate_qr_decodes_to_its_verification_url(certificate, client):
    [payload] = pdf_qr_codes(_pdf(certificate))

    assert payload.startswith(f"HTTP://127.0.0.1:8000/V/{certificate.verification_code}/")
    page = client.get(payload.removeprefix("HTTP://127.0.0.1:8000"))
    assert page.status_code == 200
    assert "Valid certificate" in page.content.decode()


def test_issuing_twice_keeps_one_certificate(completion):
    first = services.certificate_issue(completion_id=completion.pk)
    second = services.certificate_issue(completion_id=completion.pk)

    assert first.pk == second.pk
    assert Certificate.objects.filter(completion=completion).count() == 1


def test_issue_after_a_lost_pdf_renders_it_again(certificate):
    certificate.pdf.delete()

    again = services.certificate_issue(completion_id=certificate.completion_id)

    assert again.pk == certificate.pk
    assert "Ahmed Ali Hassan" in pdf_text(_pdf(again))[0]


def test_incomplete_completion_gets_no_certificate(default_template):
    completion = CompletionFactory(is_complete=False)

    assert services.certificate_issue(completion_id=completion.pk) is None
    assert not Certificate.objects.exists()


def test_recorded_completion_gets_its_certificate_after_commit(
    completion, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        completion_recorded.send(sender=type(completion), completion=completion)
        assert not Certificate.objects.exists()

    assert Certificate.objects.get(completion=completion).status == "valid"


def test_holder_is_emailed_when_certificate_is_issued(
    completion, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue(completion_id=completion.pk)

    [message] = mail.outbox
    assert message.to == ["ahmed@example.org"]
    assert certificate.serial in message.body


def test_holder_email_is_in_the_workshop_language(completion, django_capture_on_commit_callbacks):
    completion.workshop.language = "ar"
    completion.workshop.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_issue(completion_id=completion.pk)

    assert "أحمد علي حسن" in mail.outbox[0].body
    assert "شهادتك" in mail.outbox[0].subject
