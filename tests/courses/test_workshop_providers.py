"""A workshop names its lead provider and partners, when scheduled and afterwards."""

import pytest

from django.urls import reverse
from django.utils.translation import override

from courses.models import Workshop
from tests.factories.providers import ProviderFactory, provider_with_logo

pytestmark = pytest.mark.django_db


def test_scheduling_a_workshop_names_its_lead_provider_and_partners(
    client, trainer, course, kirkuk_facility
):
    who, moh, iom = ProviderFactory(code="who"), ProviderFactory(code="moh"), ProviderFactory()
    client.force_login(trainer)
    data = {"course": course.pk, "venue": kirkuk_facility.pk, "starts_on": "2026-05-10",
            "ends_on": "2026-05-11", "capacity": 25, "language": "ar", "lead_provider": who.pk,
            "partners": [moh.pk, iom.pk]}  # fmt: skip
    assert client.post(reverse("courses:workshop_create"), data).status_code == 302
    workshop = Workshop.objects.get(course=course)
    assert workshop.lead_provider == who
    assert set(workshop.partners.all()) == {moh, iom}


def test_the_lead_provider_cannot_also_be_a_partner(client, trainer, workshop):
    who = ProviderFactory()
    client.force_login(trainer)
    url = reverse("courses:workshop_providers", args=[workshop.pk])
    response = client.post(url, {"lead_provider": who.pk, "partners": [who.pk]})
    assert response.status_code == 200
    assert "The lead provider is not also a partner." in response.content.decode()
    workshop.refresh_from_db()
    assert workshop.lead_provider is None


def test_the_workshop_page_shows_the_providers_in_the_readers_language_with_logos(
    client, trainer, workshop
):
    who = provider_with_logo(name_en="WHO", name_ar="منظمة الصحة العالمية", code="who")
    moh = ProviderFactory(name_en="Ministry of Health", name_ckb="وەزارەتی تەندروستی")
    client.force_login(trainer)
    url = reverse("courses:workshop_providers", args=[workshop.pk])
    assert client.post(url, {"lead_provider": who.pk, "partners": [moh.pk]}).status_code == 302
    with override("ar"):
        html = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    assert "<bdi>منظمة الصحة العالمية</bdi>" in html
    assert who.logo.url in html
    with override("ckb"):
        html = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    assert "<bdi>وەزارەتی تەندروستی</bdi>" in html


def test_a_trainer_of_another_governorate_cannot_change_the_providers(
    client, other_trainer, workshop
):
    client.force_login(other_trainer)
    url = reverse("courses:workshop_providers", args=[workshop.pk])
    assert client.post(url, {"lead_provider": ProviderFactory().pk}).status_code == 404
    workshop.refresh_from_db()
    assert workshop.lead_provider is None
