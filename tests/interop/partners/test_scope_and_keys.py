"""Every partner route answers a key's scope only, and refuses a missing, expired or revoked key."""

import datetime

import pytest

from django.utils import timezone

from interop.models import PartnerKey
from interop.partners.services import key_hash, partner_key_revoke
from tests.factories.workforce import UserFactory
from tests.interop.partners.conftest import ERBIL_MARKS, KIRKUK_MARKS
from tests.interop.partners.routes import other_paths, partner_paths, response_text

pytestmark = pytest.mark.django_db

FORMATS = ("json", "csv", "ndjson")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
PUBLIC = {("POST", "/api/v1/field/enrol")}  # a phone's enrolment needs no sign-in at all


def _without_isolates(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def test_the_walk_finds_the_five_partner_routes():
    assert partner_paths() == [
        "/api/v1/partners/certificates",
        "/api/v1/partners/completions",
        "/api/v1/partners/coverage-cells",
        "/api/v1/partners/facilities",
        "/api/v1/partners/health-workers",
    ]


@pytest.mark.parametrize("path", partner_paths())
@pytest.mark.parametrize("format", FORMATS)
def test_a_kirkuk_key_reads_kirkuk_records_and_never_erbil_ones(client, kirkuk_key, path, format):
    response = client.get(path, {"format": format}, HTTP_X_API_KEY=kirkuk_key)
    assert response.status_code == 200
    body = response_text(response)
    assert any(mark in body for mark in KIRKUK_MARKS)
    assert not any(mark in body for mark in ERBIL_MARKS)


@pytest.mark.parametrize("path", partner_paths())
def test_a_national_key_reads_both_governorates(client, national_key, path):
    body = response_text(client.get(path, HTTP_X_API_KEY=national_key))
    assert any(mark in body for mark in KIRKUK_MARKS)
    assert any(mark in body for mark in ERBIL_MARKS)


@pytest.mark.parametrize("path", partner_paths())
def test_every_partner_route_asks_for_a_key_when_none_is_sent(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 401
    detail = _without_isolates(response.json()["detail"])
    assert detail == "أرسل مفتاح الواجهة البرمجية لمؤسستك في ترويسة X-API-Key."


@pytest.mark.parametrize("path", partner_paths())
def test_an_expired_key_is_refused_with_the_reason_in_the_readers_language(
    client, kirkuk_key, path
):
    key = PartnerKey.objects.get(key_hash=key_hash(kirkuk_key))
    key.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    key.save()
    response = client.get(path, HTTP_X_API_KEY=kirkuk_key, HTTP_ACCEPT_LANGUAGE="ckb")
    assert response.status_code == 401
    assert _without_isolates(response.json()["detail"]) == (
        "ماوەی ئەم کلیلی API یە بەسەرچووە: داوای کلیلێکی نوێ لە وەزارەت بکە."
    )


@pytest.mark.parametrize("path", partner_paths())
def test_a_revoked_key_is_refused_saying_so(client, kirkuk_key, path):
    key = PartnerKey.objects.get(key_hash=key_hash(kirkuk_key))
    partner_key_revoke(key=key, actor=UserFactory(is_superuser=True))
    response = client.get(path, HTTP_X_API_KEY=kirkuk_key)
    assert response.status_code == 401
    assert response.json()["detail"] == "This API key was revoked: ask the ministry for a new one."


def test_a_made_up_key_is_refused(client, two_governorates):
    response = client.get("/api/v1/partners/facilities", HTTP_X_API_KEY="cmep_made-up")
    assert response.status_code == 401
    assert "not known" in response.json()["detail"]


def test_a_key_in_use_is_stamped_with_its_last_use(client, kirkuk_key):
    client.get("/api/v1/partners/facilities", HTTP_X_API_KEY=kirkuk_key)
    assert PartnerKey.objects.get(key_hash=key_hash(kirkuk_key)).last_used_at is not None


@pytest.mark.parametrize("path", other_paths())
def test_a_partner_key_opens_no_other_route_of_the_api(client, national_key, path):
    served = 0
    for method in METHODS:
        for header in (
            {"HTTP_X_API_KEY": national_key},
            {"HTTP_AUTHORIZATION": f"Bearer {national_key}"},
        ):
            response = client.generic(method, path, "{}", content_type="application/json", **header)
            if response.status_code == 405 or (method, path) in PUBLIC:
                continue
            served += 1
            assert response.status_code in (401, 403), (method, path, response.status_code)
    assert served or any(public == path for _method, public in PUBLIC)


def test_a_partner_key_cannot_send_records_to_the_field_sync(client, national_key):
    for header in (
        {"HTTP_X_API_KEY": national_key},
        {"HTTP_AUTHORIZATION": f"Bearer {national_key}"},
    ):
        response = client.post(
            "/api/v1/field/sync", {"records": []}, content_type="application/json", **header
        )
        assert response.status_code == 401
