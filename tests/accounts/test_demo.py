import io

import pytest

from django.core.management import CommandError, call_command

from demo.accounts import seed_preferred_languages, seed_second_factors
from tests.factories.second_factor import authenticator_for
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_health_worker_lands_in_arabic_after_logging_in(client, kirkuk_worker):
    kirkuk_worker.user = UserFactory(username="worker.kirkuk")
    kirkuk_worker.save()
    seed_preferred_languages(rng=None, report={"logins": []})
    login = {"username": "worker.kirkuk", "password": "correct horse battery"}
    response = client.post("/accounts/login/", login)
    assert response["Location"] == "/ar/"
    assert "أحمد الكركوكي" in client.get("/ar/accounts/profile/").content.decode()


@pytest.mark.real_otp
def test_demo_staff_logins_get_an_authenticator_whose_code_otp_code_prints(
    client, kirkuk_auditor, settings
):
    kirkuk_auditor.username = "auditor.kirkuk"
    kirkuk_auditor.save()
    report = {"logins": [("auditor.kirkuk", "auditor"), ("worker.kirkuk", "worker")]}
    UserFactory(username="worker.kirkuk")
    seed_second_factors(rng=None, report=report)
    assert [username for username, _secret in report["second_factors"]] == ["auditor.kirkuk"]
    settings.DEBUG = True
    out = io.StringIO()
    call_command("otp_code", "auditor.kirkuk", stdout=out)
    login = {"username": "auditor.kirkuk", "password": "correct horse battery"}
    assert client.post("/accounts/login/", login)["Location"] == "/accounts/login/code/"
    response = client.post("/accounts/login/code/", {"token": out.getvalue().strip()})
    assert response["Location"] == "/"


def test_otp_code_refuses_to_run_without_debug(kirkuk_auditor, settings):
    authenticator_for(kirkuk_auditor)
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("otp_code", kirkuk_auditor.username, stdout=io.StringIO())


@pytest.mark.real_otp
def test_second_factor_reset_sends_the_owner_to_set_up_again(client, kirkuk_auditor):
    authenticator_for(kirkuk_auditor)
    call_command("second_factor_reset", kirkuk_auditor.username, stdout=io.StringIO())
    login = {"username": kirkuk_auditor.username, "password": "correct horse battery"}
    assert client.post("/accounts/login/", login)["Location"] == "/"
    assert client.get("/")["Location"].startswith("/accounts/two-step/setup/")
