"""Training providers in the admin: national administrators keep them, with a bounded logo."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories.providers import png
from tests.factories.workforce import governorate, staff_user
from workforce.models import Provider

pytestmark = pytest.mark.django_db


def _post(client, logo: SimpleUploadedFile):
    data = {
        "code": "who",
        "kind": "un_agency",
        "name_en": "World Health Organization",
        "name_ar": "منظمة الصحة العالمية",
        "name_ckb": "ڕێکخراوی تەندروستی جیهانی",
        "logo": logo,
    }
    return client.post(reverse("providers:add"), data)


def test_a_national_administrator_adds_a_provider_with_its_logo(client):
    client.force_login(staff_user("administrator", "national"))
    response = _post(client, SimpleUploadedFile("who.png", png(), content_type="image/png"))
    assert response.status_code == 302
    provider = Provider.objects.get(code="who")
    assert provider.logo.name.startswith("providers/")
    assert provider.logo.url.startswith("/media/providers/")


def test_a_logo_that_is_not_an_image_is_refused_with_a_message(client):
    client.force_login(staff_user("administrator", "national"))
    fake = SimpleUploadedFile("who.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = _post(client, fake)
    assert response.status_code == 200
    assert not Provider.objects.exists()
    assert "image" in response.content.decode()


def test_a_logo_larger_than_a_megabyte_is_refused(client):
    client.force_login(staff_user("administrator", "national"))
    big = png(size=(2000, 2000)) + b"\0" * (1024 * 1024)
    response = _post(client, SimpleUploadedFile("who.png", big, content_type="image/png"))
    assert response.status_code == 200
    assert "larger than 1 MB" in response.content.decode()
    assert not Provider.objects.exists()


def test_a_governorate_administrator_reads_providers_but_cannot_add_one(client):
    client.force_login(staff_user("administrator", "governorate", governorate=governorate("KIR")))
    assert client.get(reverse("providers:index")).status_code == 200
    _post(client, SimpleUploadedFile("who.png", png(), content_type="image/png"))
    assert not Provider.objects.exists()
