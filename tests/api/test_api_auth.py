"""Every operation of /api/v1/ refuses anonymous callers; revoked phones are told so."""

import re

import pytest
from openapi_spec_validator import validate

from django.urls import get_resolver

from cme.api import api
from field import services

pytestmark = pytest.mark.django_db

# The API's description (document, docs page, its home) and the enrolment a phone starts with.
PUBLIC_PATHS = {"/api/v1/", "/api/v1/openapi.json", "/api/v1/docs"}
PUBLIC = {("POST", "/api/v1/field/enrol")}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _paths():
    """Every path under /api/v1/, read from the URL resolver (a new endpoint joins by itself)."""
    patterns, _app, _namespace = api.urls
    for pattern in patterns:
        path = "/api/v1/" + re.sub(r"<[^>]+>", "1", str(pattern.pattern))
        if path not in PUBLIC_PATHS:
            yield path


def test_the_walk_finds_the_endpoints():
    found = set(_paths())
    assert {"/api/v1/field/workshops", "/api/v1/field/sync", "/api/v1/field/enrol"} <= found
    assert len(found) >= 5


@pytest.mark.parametrize("path", sorted(set(_paths())))
def test_every_operation_refuses_an_anonymous_caller(client, path):
    served = 0
    for method in METHODS:
        response = client.generic(method, path, "{}", content_type="application/json")
        if response.status_code == 405 or (method, path) in PUBLIC:
            continue
        served += 1
        assert (method, response.status_code) == (method, 401)
        assert response.json()["detail"]
    assert served or any(p == path for _m, p in PUBLIC)


def test_a_made_up_token_is_refused(client):
    response = client.get("/api/v1/field/workshops", HTTP_AUTHORIZATION="Bearer made-up")
    assert response.status_code == 401


def test_a_revoked_phone_is_told_it_was_revoked(client, trainer, device, bearer):
    services.device_revoke(device=device, user=trainer)
    response = client.get("/api/v1/field/workshops", **bearer)
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_the_revoked_message_is_in_the_trainers_language(client, trainer, device, bearer):
    services.device_revoke(device=device, user=trainer)
    response = client.get("/api/v1/field/workshops", HTTP_ACCEPT_LANGUAGE="ar", **bearer)
    detail = response.json()["detail"]
    assert response.status_code == 401 and "revoked" not in detail and detail


def test_a_phone_enrols_through_the_api_once(client, trainer):
    code = services.enrolment_code_create(user=trainer)
    first = client.post("/api/v1/field/enrol", {"code": code, "name": "A14"}, "application/json")
    again = client.post("/api/v1/field/enrol", {"code": code, "name": "A14"}, "application/json")
    assert first.status_code == 201 and first.json()["token"].startswith(
        first.json()["token_prefix"]
    )
    assert again.status_code == 400 and "already used" in again.json()["detail"]


def test_the_openapi_document_is_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    validate(response.json())


def test_the_docs_page_loads_nothing_from_another_host(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower() and "//" not in page.replace("http://www.w3.org", "")


def test_the_api_is_mounted_under_api_v1():
    assert any(str(p.pattern) == "api/v1/" for p in get_resolver().url_patterns)
