"""The RapidPro/TextIt backend sends the request RapidPro documents, and reads its answers right."""

import json

import pytest

from core import sms
from tests.core.rapidpro_standin import RapidProStandIn

TOKEN = "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2"  # noqa: S105 (the stand-in's own)


@pytest.fixture
def rapidpro(settings):
    standin = RapidProStandIn(token=TOKEN).start()
    settings.SMS_BACKEND = "core.sms.RapidProBackend"
    settings.RAPIDPRO_URL = standin.url + "/"
    settings.RAPIDPRO_TOKEN = TOKEN
    yield standin
    standin.stop()


def test_rapidpro_receives_one_broadcast_to_the_number_as_an_e164_tel_urn(rapidpro):
    sms.sms_send(to="07701234567", body="تذكير: غداً جلسة الأوكسجين")

    [request] = rapidpro.requests
    assert (request["method"], request["path"]) == ("POST", "/api/v2/broadcasts.json")
    assert request["headers"]["Authorization"] == f"Token {TOKEN}"
    assert request["headers"]["Content-Type"] == "application/json"
    assert json.loads(request["body"]) == {
        "urns": ["tel:+9647701234567"],
        "text": "تذكير: غداً جلسة الأوكسجين",
    }
    assert rapidpro.broadcasts[0]["status"] == "queued"


@pytest.mark.parametrize(
    ("typed", "urn"),
    [
        ("+9647501112233", "tel:+9647501112233"),
        ("009647501112233", "tel:+9647501112233"),
        ("9647501112233", "tel:+9647501112233"),
        ("0750 111 2233", "tel:+9647501112233"),
    ],
)
def test_registry_phones_as_people_type_them_become_the_same_urn(typed, urn):
    assert sms.tel_urn(typed) == urn


def test_a_5xx_from_rapidpro_is_worth_trying_again(rapidpro):
    rapidpro.fail_next = 1

    with pytest.raises(sms.SmsUnavailable):
        sms.sms_send(to="07701234567", body="text")
    sms.sms_send(to="07701234567", body="text")  # RapidPro is back

    assert len(rapidpro.broadcasts) == 1


def test_rapidpro_throttling_is_worth_trying_again(rapidpro):
    rapidpro.throttle_next = 1

    with pytest.raises(sms.SmsUnavailable):
        sms.sms_send(to="07701234567", body="text")


def test_a_message_rapidpro_refuses_is_not_tried_again_and_says_why(rapidpro):
    with pytest.raises(sms.SmsRejected, match="text"):
        sms.sms_send(to="07701234567", body="x" * 700)

    assert rapidpro.broadcasts == []


def test_a_wrong_token_is_refused_not_retried(rapidpro, settings):
    settings.RAPIDPRO_TOKEN = "wrong"  # noqa: S105

    with pytest.raises(sms.SmsRejected, match="403"):
        sms.sms_send(to="07701234567", body="text")


def test_rapidpro_out_of_reach_is_worth_trying_again(settings):
    settings.SMS_BACKEND = "core.sms.RapidProBackend"
    settings.RAPIDPRO_URL, settings.RAPIDPRO_TOKEN = "http://127.0.0.1:9", TOKEN  # nothing listens

    with pytest.raises(sms.SmsUnavailable):
        sms.sms_send(to="07701234567", body="text")
