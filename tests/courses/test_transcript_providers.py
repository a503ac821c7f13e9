"""The transcript names who ran each workshop, in English and Arabic, with their logos."""

import datetime
import subprocess
import tempfile
from pathlib import Path

import pytest

from django.urls import reverse

from tests.certificates.pdftools import pdf_text
from tests.factories.courses import CompletionFactory, EnrolmentFactory
from tests.factories.providers import ProviderFactory, provider_with_logo

pytestmark = pytest.mark.django_db


def _image_count(pdf: bytes) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "transcript.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run(
            ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
        ).stdout
    return sum(1 for row in listing.splitlines()[2:] if row.split()[2] == "image")


def test_the_transcript_prints_the_workshops_providers_and_their_logos(
    client, participant_user, kirkuk_worker
):
    enrolment = EnrolmentFactory(health_worker=kirkuk_worker)
    CompletionFactory(enrolment=enrolment, completed_on=datetime.date.today())
    client.force_login(participant_user)
    before = client.get(reverse("courses:my_transcript")).content
    workshop = enrolment.workshop
    workshop.lead_provider = provider_with_logo(name_en="WHO", name_ar="منظمة الصحة العالمية")
    workshop.save()
    workshop.partners.add(ProviderFactory(name_en="Ministry of Health", name_ar="وزارة الصحة"))
    after = client.get(reverse("courses:my_transcript")).content
    [page] = pdf_text(after)
    assert "WHO · Ministry of Health" in page
    assert "منظمة الصحة العالمية · وزارة الصحة" in page
    assert _image_count(after) == _image_count(before) + 1
