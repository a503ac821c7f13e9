"""Paging walks every row once, even while rows are added; CSV and NDJSON hold the same rows."""

import csv
import io
import json

import pytest

from cme.api import api
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, directorate
from tests.interop.partners.routes import other_paths, partner_paths

pytestmark = pytest.mark.django_db


def _walk(client, path, key, *, limit, between_pages=None) -> list[int]:
    """The ids of every page of `path`, following `next` until it is null."""
    ids, cursor, pages = [], "", 0
    while True:
        answer = client.get(path, {"cursor": cursor, "limit": limit}, HTTP_X_API_KEY=key).json()
        ids += [row["id"] for row in answer["items"]]
        pages += 1
        if between_pages:
            between_pages(pages)
        if answer["next"] is None:
            return ids
        cursor = answer["next"]


def _download(client, path, key, format) -> str:
    response = client.get(path, {"format": format}, HTTP_X_API_KEY=key)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("path", partner_paths())
def test_paging_one_row_at_a_time_returns_every_row_exactly_once(client, national_key, path):
    everything = client.get(path, HTTP_X_API_KEY=national_key).json()["items"]
    paged = _walk(client, path, national_key, limit=1)
    assert len(everything) >= 2
    assert paged == [row["id"] for row in everything]
    assert len(paged) == len(set(paged))


def test_a_facility_added_while_a_partner_pages_is_read_once_and_nothing_twice(
    client, national_key
):
    for number in range(5):
        FacilityFactory(code=f"KIR-PHC-{number}", directorate=directorate("KIR"))
    added = []

    def add_one(pages):
        if pages == 2:
            added.append(FacilityFactory(code="KIR-NEW", directorate=directorate("KIR")).pk)

    paged = _walk(
        client, "/api/v1/partners/facilities", national_key, limit=2, between_pages=add_one
    )
    assert len(paged) == len(set(paged)) == 8
    assert added[0] in paged


@pytest.mark.parametrize("path", partner_paths())
def test_csv_and_ndjson_hold_the_rows_of_the_json_pages(client, national_key, path):
    ids = _walk(client, path, national_key, limit=1000)
    rows = list(
        csv.DictReader(io.StringIO(_download(client, path, national_key, "csv").lstrip("\ufeff")))
    )
    lines = _download(client, path, national_key, "ndjson").splitlines()
    assert [int(row["id"]) for row in rows] == ids
    assert [json.loads(line)["id"] for line in lines] == ids


def test_a_bulk_download_starts_after_the_cursor_it_is_given(client, national_key):
    first = client.get(
        "/api/v1/partners/facilities", {"limit": 1}, HTTP_X_API_KEY=national_key
    ).json()
    rest = _download_with(client, national_key, first["next"])
    ids = [json.loads(line)["id"] for line in rest.splitlines()]
    assert first["items"][0]["id"] not in ids
    assert ids


def _download_with(client, key, cursor):
    response = client.get(
        "/api/v1/partners/facilities", {"format": "ndjson", "cursor": cursor}, HTTP_X_API_KEY=key
    )
    return b"".join(response.streaming_content).decode()


def test_csv_cells_a_spreadsheet_would_run_are_written_inert(client, national_key):
    facility = FacilityFactory(
        code="KIR-CSV", name_en="=HYPERLINK(\"http://x\")", name_ar="+964", name_ckb="-1+1",
        directorate=directorate("KIR"),
    )  # fmt: skip
    HealthWorkerFactory(facility=facility, name_latin="@SUM(A1)", name_ar="=1+1")
    body = _download(client, "/api/v1/partners/facilities", national_key, "csv")
    row = next(
        r for r in csv.DictReader(io.StringIO(body.lstrip("\ufeff"))) if r["code"] == "KIR-CSV"
    )
    assert (row["name_en"], row["name_ar"], row["name_ckb"]) == (
        '\'=HYPERLINK("http://x")',
        "'+964",
        "'-1+1",
    )
    body = _download(client, "/api/v1/partners/health-workers", national_key, "csv")
    row = next(
        r for r in csv.DictReader(io.StringIO(body.lstrip("\ufeff"))) if r["facility"] == "KIR-CSV"
    )
    assert (row["name_latin"], row["name_ar"]) == ("'@SUM(A1)", "'=1+1")


def test_a_made_up_cursor_gets_400_with_a_message(client, national_key):
    response = client.get(
        "/api/v1/partners/facilities", {"cursor": "not-a-cursor"}, HTTP_X_API_KEY=national_key,
        HTTP_ACCEPT_LANGUAGE="ar",
    )  # fmt: skip
    assert response.status_code == 400
    assert "مؤشر الصفحات" in response.json()["detail"]


def test_a_cursor_of_another_list_is_refused(client, national_key):
    workers = client.get(
        "/api/v1/partners/health-workers", {"limit": 1}, HTTP_X_API_KEY=national_key
    ).json()
    response = client.get(
        "/api/v1/partners/facilities", {"cursor": workers["next"]}, HTTP_X_API_KEY=national_key
    )
    assert response.status_code == 400


def test_the_openapi_document_lists_every_partner_route_with_the_key_scheme(client):
    document = client.get("/api/v1/openapi.json").json()
    scheme = document["components"]["securitySchemes"]["PartnerApiKey"]
    assert scheme == {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    for path in partner_paths():
        operation = document["paths"][path]["get"]
        assert operation["security"] == [{"PartnerApiKey": []}]
        assert operation["description"] and operation["summary"]
        content = operation["responses"]["200"]["content"]
        assert {"application/json", "text/csv", "application/x-ndjson"} <= set(content)
    for path in other_paths():
        for operation in document["paths"].get(path, {}).values():
            assert {"PartnerApiKey": []} not in operation.get("security", [])


def test_each_partner_key_is_throttled_on_its_own_count(client, monkeypatch, national_key):
    from django.core.cache import cache

    from tests.factories.interop import partner_key

    cache.clear()
    throttle = api.throttle[0]
    monkeypatch.setattr(throttle, "num_requests", 2)
    answers = [
        client.get("/api/v1/partners/facilities", HTTP_X_API_KEY=national_key).status_code
        for _ in range(3)
    ]
    other = partner_key(organisation="IOM Iraq")[1]
    assert answers == [200, 200, 429]
    assert client.get("/api/v1/partners/facilities", HTTP_X_API_KEY=other).status_code == 200
