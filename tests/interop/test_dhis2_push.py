"""DHIS2 push against the loopback stand-in: dry run, confirmed send, conflicts, retries, tokens."""

import datetime

import pytest

from django.urls import reverse

from coverage.services import coverage_rebuild
from interop.dhis2.secrets import token_open, token_seal
from interop.models import Dhis2Connection, Dhis2Mapping, Dhis2Push
from tests.factories.workforce import staff_user
from tests.interop.conftest import completion_of
from tests.interop.dhis2_standin import Dhis2StandIn

pytestmark = pytest.mark.django_db

TOKEN = "d2pat_StandInSecret0123456789abcdef"
DATA_SET = "pBOMPrpg1QX"
ELEMENT = "CME_TRAINED_NRP"


@pytest.fixture
def standin(kirkuk_facility):
    server = Dhis2StandIn(
        token=TOKEN, data_set=DATA_SET, data_elements={ELEMENT}, org_units={kirkuk_facility.code}
    ).start()
    yield server
    server.stop()


@pytest.fixture
def trained(kirkuk_worker):
    completion = completion_of(
        kirkuk_worker, title="Neonatal resuscitation", code="NRP", hours="12.0",
        starts_on=datetime.date(2026, 3, 1),
    )  # fmt: skip
    coverage_rebuild()
    return completion


@pytest.fixture
def connection(standin, trained, kirkuk_worker):
    connection = Dhis2Connection.objects.create(
        name="MoH DHIS2", base_url=standin.url, data_set=DATA_SET, token_encrypted=token_seal(TOKEN)
    )
    Dhis2Mapping.objects.create(
        connection=connection,
        course=trained.course,
        cadre=kirkuk_worker.cadre,
        data_element=ELEMENT,
    )
    return connection


@pytest.fixture
def national_admin(client):
    user = staff_user("administrator", "national")
    client.force_login(user)
    return user


def push_url(connection) -> str:
    return reverse("dhis2-connections:push", args=[connection.pk])


def dry_run(client, connection, django_capture_on_commit_callbacks, month="2026-03"):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(push_url(connection), {"first_month": month, "last_month": month})
    assert response.status_code == 302
    return Dhis2Push.objects.filter(dry_run=True).first()


def confirm(client, push, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(push_url(push.connection), {"confirm": push.pk})
    assert response.status_code == 302
    return Dhis2Push.objects.filter(dry_run=False).first()


def test_a_dry_run_stores_dhis2s_summary_and_the_page_shows_it(
    client, national_admin, connection, standin, django_capture_on_commit_callbacks
):
    push = dry_run(client, connection, django_capture_on_commit_callbacks)
    assert (push.state, push.import_status, push.imported) == ("done", "SUCCESS", 1)
    sent = standin.requests[0]
    assert sent["params"]["dryRun"] == "true"
    assert sent["params"]["importStrategy"] == "CREATE_AND_UPDATE"
    assert sent["headers"]["Authorization"] == f"ApiToken {TOKEN}"
    assert standin.values == {}  # a dry run stores nothing in DHIS2
    page = client.get(push_url(connection)).content.decode()
    assert "SUCCESS" in page and "Send this 1 value to DHIS2 for real" in page


def test_a_confirmed_send_imports_the_values_the_dry_run_showed(
    client, national_admin, connection, standin, django_capture_on_commit_callbacks
):
    push = dry_run(client, connection, django_capture_on_commit_callbacks)
    send = confirm(client, push, django_capture_on_commit_callbacks)
    assert standin.requests[-1]["params"]["dryRun"] == "false"
    assert send.payload == push.payload and send.imported == 1
    facility = push.payload["dataValues"][0]["orgUnit"]
    assert standin.values == {(ELEMENT, "202603", facility, "HllvX50cXC0"): "1"}
    assert "Send this 1 value" not in client.get(push_url(connection)).content.decode()


def test_conflicts_are_kept_and_listed_on_the_page(
    client, national_admin, connection, standin, django_capture_on_commit_callbacks
):
    connection.mappings.update(data_element="CME_UNKNOWN")
    push = dry_run(client, connection, django_capture_on_commit_callbacks)
    assert (push.http_status, push.import_status, push.ignored) == (409, "ERROR", 1)
    assert push.conflicts[0]["errorCode"] == "E7610"
    page = client.get(push_url(connection)).content.decode()
    assert "DHIS2 refused 1 value" in page and "E7610" in page and "CME_UNKNOWN" in page


def dry_run_through_a_worker(client, connection, worker_path, django_capture_on_commit_callbacks):
    """The dry run queued on a broker and run by Celery's worker code: its retries queue again."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(push_url(connection), {"first_month": "2026-03", "last_month": "2026-03"})
    worker_path.run(stop_on_error=False)
    return Dhis2Push.objects.get()


@pytest.mark.filterwarnings("ignore:Results are not stored in backend")
def test_dhis2_answering_503_is_retried_until_it_answers(
    client, national_admin, connection, standin, worker_path, django_capture_on_commit_callbacks
):
    standin.fail_next = 2
    push = dry_run_through_a_worker(
        client, connection, worker_path, django_capture_on_commit_callbacks
    )
    assert (push.state, push.attempts, push.imported) == ("done", 3, 1)
    assert len(standin.requests) == 3


@pytest.mark.filterwarnings("ignore:Results are not stored in backend")
def test_dhis2_out_of_reach_for_every_retry_fails_with_a_message(
    client, national_admin, connection, standin, worker_path, django_capture_on_commit_callbacks
):
    standin.fail_next = 100
    push = dry_run_through_a_worker(
        client, connection, worker_path, django_capture_on_commit_callbacks
    )
    assert (push.state, push.attempts) == ("failed", 7)
    page = client.get(push_url(connection)).content.decode()
    assert "could not be reached after 7 attempts" in page


def test_a_bad_token_is_told_plainly_and_not_retried(
    client, national_admin, connection, standin, django_capture_on_commit_callbacks
):
    connection.token_encrypted = token_seal("d2pat_wrong")
    connection.save()
    push = dry_run(client, connection, django_capture_on_commit_callbacks)
    assert (push.state, push.http_status, len(standin.requests)) == ("failed", 401, 1)
    page = client.get(push_url(connection)).content.decode()
    assert "DHIS2 refused the token (HTTP 401)" in page


def test_a_resend_of_the_same_month_updates_and_the_history_shows_both(
    client, national_admin, connection, standin, django_capture_on_commit_callbacks
):
    for _round in range(2):
        confirm(client, dry_run(client, connection, django_capture_on_commit_callbacks),
                django_capture_on_commit_callbacks)  # fmt: skip
    sends = Dhis2Push.objects.filter(dry_run=False).order_by("pk")
    assert [(send.imported, send.updated) for send in sends] == [(1, 0), (0, 1)]
    assert list(standin.values.values()) == ["1"]  # one value per key: nothing doubled
    assert client.get(push_url(connection)).content.decode().count("<strong>Import</strong>") == 2


def test_the_months_form_refuses_a_reversed_range_with_a_message(
    client, national_admin, connection
):
    reversed_range = {"first_month": "2026-05", "last_month": "2026-03"}
    response = client.post(push_url(connection), reversed_range)
    assert response.status_code == 400
    assert "The last month comes before the first." in response.content.decode()
    assert not Dhis2Push.objects.exists()


def test_a_token_typed_in_the_form_is_stored_encrypted(client, national_admin, standin):
    response = client.post(
        reverse("dhis2-connections:add"),
        {"name": "KRI DHIS2", "base_url": standin.url, "data_set": DATA_SET, "id_scheme": "CODE",
         "org_unit_id_scheme": "CODE", "token": TOKEN},
    )  # fmt: skip
    assert response.status_code == 302
    stored = Dhis2Connection.objects.get(name="KRI DHIS2").token_encrypted
    assert TOKEN not in stored and token_open(stored) == TOKEN


def test_editing_a_connection_without_typing_a_token_keeps_the_stored_one(
    client, national_admin, connection
):
    response = client.post(
        reverse("dhis2-connections:edit", args=[connection.pk]),
        {"name": "Renamed", "base_url": connection.base_url, "data_set": DATA_SET,
         "id_scheme": "CODE", "org_unit_id_scheme": "CODE", "token": ""},
    )  # fmt: skip
    assert response.status_code == 302
    connection.refresh_from_db()
    assert (connection.name, token_open(connection.token_encrypted)) == ("Renamed", TOKEN)


def test_confirming_the_same_dry_run_twice_sends_it_once(
    client, national_admin, connection, standin, django_capture_on_commit_callbacks
):
    push = dry_run(client, connection, django_capture_on_commit_callbacks)
    confirm(client, push, django_capture_on_commit_callbacks)
    confirm(client, push, django_capture_on_commit_callbacks)  # a second tab still showed it
    assert Dhis2Push.objects.filter(dry_run=False).count() == 1
    assert [request["params"]["dryRun"] for request in standin.requests] == ["true", "false"]
