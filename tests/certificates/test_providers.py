"""Certificates print the workshop's providers, in the certificate's languages, with their logos."""

import subprocess
import tempfile
from pathlib import Path

import pytest

from django.core.cache import cache

from certificates import services
from tests.certificates.pdftools import pdf_text
from tests.factories.providers import ProviderFactory, provider_with_logo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


@pytest.fixture
def who_and_ministry(completion):
    who = provider_with_logo(
        code="who", name_en="World Health Organization", name_ar="منظمة الصحة العالمية"
    )
    ministry = ProviderFactory(code="moh", name_en="Ministry of Health", name_ar="وزارة الصحة")
    workshop = completion.workshop
    workshop.lead_provider = who
    workshop.save()
    workshop.partners.add(ministry)
    return who, ministry


def _images(pdf: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "certificate.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run(
            ["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True
        ).stdout
    # After the two heading lines: page, number, type (image, smask), width, height, ...
    return [row.split() for row in listing.splitlines()[2:] if row.split()[2] == "image"]


def test_the_certificate_prints_each_provider_in_english_and_arabic(who_and_ministry, completion):
    certificate = services.certificate_issue(completion_id=completion.pk)
    text = pdf_text(certificate.pdf.read())[0]
    for name in ("World Health Organization", "منظمة الصحة العالمية", "Ministry of Health"):
        assert name in text
    assert "وزارة الصحة" in text


def test_the_certificate_draws_the_logo_of_a_provider_that_has_one(who_and_ministry, completion):
    certificate = services.certificate_issue(completion_id=completion.pk)
    with_logo = services.certificate_pdf_render(certificate=certificate)
    certificate.providers = []
    bare = services.certificate_pdf_render(certificate=certificate)
    drawn = _images(with_logo)
    assert len(drawn) == len(_images(bare)) + 1
    assert all(int(row[3]) <= 240 and int(row[4]) <= 240 for row in drawn)


def test_the_certificate_keeps_the_providers_it_was_issued_with(
    who_and_ministry, completion, client
):
    certificate = services.certificate_issue(completion_id=completion.pk)
    completion.workshop.partners.clear()
    completion.workshop.lead_provider = ProviderFactory(name_en="Someone else")
    completion.workshop.save()
    reply = client.get(f"/verify/{certificate.verification_code}.json").json()
    assert [p["name"] for p in reply["providers"]] == [
        "World Health Organization", "Ministry of Health"
    ]  # fmt: skip


def test_the_verification_page_names_the_providers_in_the_readers_language(
    who_and_ministry, completion, client
):
    certificate = services.certificate_issue(completion_id=completion.pk)
    page = client.get(f"/ar/verify/{certificate.verification_code}/").content.decode()
    assert "<bdi>منظمة الصحة العالمية</bdi>" in page
    assert who_and_ministry[0].logo.url in page
    reply = client.get(f"/verify/{certificate.serial}.json").json()
    assert [p["name"] for p in reply["providers"]] == [
        "World Health Organization",
        "Ministry of Health",
    ]
