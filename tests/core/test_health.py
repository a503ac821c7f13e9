"""`/healthz` tells a monitor whether the database, the broker and the storage work, and no more."""

import importlib
import socket
import sys

import pytest

from django.db import connection

pytestmark = pytest.mark.django_db

ALL_OK = {"status": "ok", "checks": {"database": "ok", "broker": "ok", "storage": "ok"}}


@pytest.fixture
def broker(monkeypatch):
    """Points the Celery app at another broker for one test (as `worker_path` does)."""
    from cme.celery import app

    # Celery reads the broker from these variables before its settings (CI sets them for Redis).
    for name in ("CELERY_BROKER_URL", "CELERY_BROKER_READ_URL", "CELERY_BROKER_WRITE_URL"):
        monkeypatch.delenv(name, raising=False)
    names = ("broker_url", "broker_write_url", "broker_read_url", "broker_transport_options")
    saved = {name: app.conf[name] for name in names}

    def point_at(url: str, options: dict | None = None) -> None:
        app.conf.update(broker_url=url, broker_write_url=None, broker_read_url=None)
        app.conf.update(broker_transport_options=options or {})

    yield point_at
    app.conf.update(**saved)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthz_answers_ok_for_each_check_without_login_or_language_prefix(client):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert response.json() == ALL_OK
    assert "no-store" in response["Cache-Control"]


def test_healthz_costs_one_trivial_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/healthz").status_code == 200


def test_an_unreachable_broker_fails_the_check_without_naming_it(client, broker):
    url = f"redis://:broker-secret@127.0.0.1:{_closed_port()}/0"
    broker(url)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        **ALL_OK,
        "status": "fail",
        "checks": {**ALL_OK["checks"], "broker": "fail"},
    }
    body = response.content.decode()
    assert url not in body
    assert "broker-secret" not in body
    assert "127.0.0.1" not in body


def test_a_missing_folder_of_the_embedded_broker_fails_the_check(client, broker, tmp_path):
    (tmp_path / "broker").mkdir()
    broker(
        "filesystem://",
        {"data_folder_in": str(tmp_path / "broker"), "data_folder_out": str(tmp_path / "gone")},
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "fail"
    assert str(tmp_path) not in response.content.decode()


@pytest.mark.parametrize("name", ["private", "public"])
def test_a_storage_root_that_cannot_take_files_fails_the_check(client, settings, tmp_path, name):
    # The tests run as root, whom file permissions do not stop: a file where a folder must go does.
    (tmp_path / "a-file").write_text("not a folder")
    root = tmp_path / "a-file" / name
    settings.STORAGES = {
        **settings.STORAGES,
        name: {
            **settings.STORAGES[name],
            "OPTIONS": {**settings.STORAGES[name]["OPTIONS"], "location": root},
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        **ALL_OK,
        "status": "fail",
        "checks": {**ALL_OK["checks"], "storage": "fail"},
    }
    assert str(tmp_path) not in response.content.decode()


def test_a_storage_root_not_made_yet_passes_when_its_parent_takes_files(client, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "public": {
            **settings.STORAGES["public"],
            "OPTIONS": {"location": tmp_path / "new" / "media"},
        },
    }
    assert client.get("/healthz").json() == ALL_OK


def test_the_answer_names_no_database_credentials_broker_or_folder(client, settings):
    body = client.get("/healthz").content.decode()
    database = connection.settings_dict
    secrets = [database["NAME"], database["USER"], database["PASSWORD"], database["HOST"]]
    secrets += [
        settings.CELERY_BROKER_URL,
        str(settings.MEDIA_ROOT),
        str(settings.PRIVATE_MEDIA_ROOT),
    ]
    assert [secret for secret in secrets if secret and str(secret) in body] == []


def test_in_production_a_probe_over_plain_http_is_answered_not_sent_to_https(
    client, settings, monkeypatch
):
    monkeypatch.setenv("SECRET_KEY", "s" * 60)
    monkeypatch.setenv("CERTIFICATE_SIGNING_KEY", "k" * 43)
    sys.modules.pop("cme.settings.production", None)  # read with this environment, then forgotten
    production = importlib.import_module("cme.settings.production")
    sys.modules.pop("cme.settings.production")
    settings.SECURE_SSL_REDIRECT = production.SECURE_SSL_REDIRECT
    settings.SECURE_REDIRECT_EXEMPT = production.SECURE_REDIRECT_EXEMPT
    assert client.get("/healthz").status_code == 200
    assert client.get("/learning/").status_code == 301  # the site itself still goes to HTTPS
