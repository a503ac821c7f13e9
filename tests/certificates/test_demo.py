import io

import pytest

from django.core.management import call_command

from certificates.models import Certificate
from courses.models import Completion, Workshop
from tests.certificates.pdftools import pdf_text

pytestmark = pytest.mark.django_db


def test_seed_demo_issues_a_certificate_for_every_completed_closed_workshop():
    call_command("seed_demo", stdout=io.StringIO())

    completed = Completion.objects.filter(workshop__status=Workshop.Status.CLOSED, is_complete=True)
    certificates = Certificate.objects.filter(status="valid")
    assert completed.count() >= 30
    assert certificates.count() == completed.count()
    assert set(certificates.values_list("completion", flat=True)) == set(
        completed.values_list("pk", flat=True)
    )


def test_seed_demo_certificate_of_a_kurdistan_workshop_is_in_english_and_kurdish():
    call_command("seed_demo", stdout=io.StringIO())

    certificate = Certificate.objects.filter(
        completion__workshop__venue__governorate__code="ERB"
    ).first()
    with certificate.pdf.open("rb") as handle:
        text = pdf_text(handle.read())[0]
    assert "بڕوانامەی تەواوکردن" in text
    assert certificate.holder_name_latin in text
