"""Every API operation answers bad input (422) in the reader's language, found from its schema.

A field phone in Kurdish or a partner's script in Arabic shows `detail[].msg` to a person; pydantic
writes English. The walk sends junk to every integer or enumerated query parameter and an empty JSON
body to every operation that takes one, as an Arabic or Kurdish reader, signed in (a national
administrator) and with a national partner key, so a new operation is covered without editing this.
"""

import re

import pytest

from cme.api import api
from tests.factories.interop import partner_key

pytestmark = pytest.mark.django_db

ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
PYDANTIC_WORDS = ("Input should", "Field required", "unable to parse", "valid integer")


def _junk_requests() -> list[tuple[str, str, dict, str | None]]:
    """(method, path, query, body) for every operation's junk: one request per operation."""
    schema = api.get_openapi_schema()
    requests = []
    for path, operations in schema["paths"].items():
        concrete = re.sub(r"\{[^}]+\}", "1", path)
        for method, operation in operations.items():
            query = {}
            for parameter in operation.get("parameters", []):
                kind = parameter.get("schema", {})
                if parameter["in"] == "query" and (kind.get("type") == "integer" or "enum" in kind):
                    query[parameter["name"]] = "junk"
            body = "{}" if "requestBody" in operation else None
            if query or body is not None:
                requests.append((method, concrete, query, body))
    return requests


@pytest.mark.parametrize("language,word", [("ar", "يجب"), ("ckb", "دەبێت")])
def test_every_operation_answers_junk_with_messages_in_the_readers_language(
    client, national_admin, language, word
):
    client.force_login(national_admin)
    key = partner_key(organisation="WHO Iraq")[1]
    answered = []
    for method, path, query, body in _junk_requests():
        send = getattr(client, method)
        extra = {"HTTP_ACCEPT_LANGUAGE": language, "HTTP_X_API_KEY": key}
        if body is None:
            response = send(path, query, **extra)
        else:
            response = send(path, body, content_type="application/json", **extra)
        if response.status_code != 422:
            continue
        for error in response.json()["detail"]:
            assert ARABIC_LETTER.search(error["msg"]), (path, error)
            assert not any(english in error["msg"] for english in PYDANTIC_WORDS), (path, error)
            assert error["type"] and error["loc"], (path, error)
        answered.append((path, response.json()["detail"]))
    # The partner API's page size and format, and the field app's sync body, at least.
    assert len(answered) >= 3, answered
    assert any(word in error["msg"] for _path, errors in answered for error in errors)


def test_a_bad_page_size_names_the_parameter_isolated_in_an_arabic_sentence(client):
    key = partner_key(organisation="WHO Iraq")[1]
    response = client.get(
        "/api/v1/partners/facilities",
        {"limit": "ten"},
        HTTP_X_API_KEY=key,
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["type"] == "int_parsing"
    assert error["loc"] == ["query", "limit"]
    assert "\u2068limit\u2069" in error["msg"]
    assert ARABIC_LETTER.search(error["msg"])


def test_an_english_reader_gets_the_message_in_english(client):
    key = partner_key(organisation="WHO Iraq")[1]
    response = client.get("/api/v1/partners/facilities", {"format": "xlsx"}, HTTP_X_API_KEY=key)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["msg"].startswith("format must be one of:")


def test_a_phone_gets_the_message_in_its_trainers_chosen_language(client, trainer, bearer):
    from accounts.models import AccountPreferences

    AccountPreferences.objects.create(user=trainer, language="ckb")
    response = client.post(
        "/api/v1/field/sync",
        "{}",
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **bearer,
    )
    assert response.status_code == 422
    assert all("دەبێت" in e["msg"] or "پێویستە" in e["msg"] for e in response.json()["detail"])
