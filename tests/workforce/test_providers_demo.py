"""The demo's providers and its WHO + ministry oxygen workshop with two external participants."""

import io
import random

import pytest

from django.core.management import call_command

from certificates.models import Certificate
from demo.providers import seed_providers
from tests.certificates.pdftools import pdf_text
from workforce.models import Provider

pytestmark = pytest.mark.django_db


def test_the_demo_workshop_of_who_and_the_ministry_certifies_its_two_external_participants():
    call_command("seed_demo", stdout=io.StringIO())
    report = {}
    seed_providers(rng=random.Random(16), report=report)
    assert set(Provider.objects.values_list("code", flat=True)) >= {
        "who", "moh-federal", "moh-kri", "iom"
    }  # fmt: skip
    assert all(provider.logo for provider in Provider.objects.all())
    externals = Certificate.objects.filter(
        completion__workshop=report["provider_workshop"],
        completion__health_worker__is_external=True,
        status=Certificate.Status.VALID,
    )
    assert externals.count() == 2
    with externals.first().pdf.open("rb") as handle:
        text = pdf_text(handle.read())[0]
    assert "World Health Organization" in text and "Federal Ministry of Health" in text
