"""Two-step login as a person meets it: the password, then a code, on the site and for the admin."""

import re

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.urls import reverse

from tests.factories.second_factor import authenticator_for, totp_code
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.real_otp]

LOGIN = "/accounts/login/"
CODE = "/accounts/login/code/"
SETUP = "/accounts/two-step/setup/"
PASSWORD = "correct horse battery"


def _password(client, user, **extra):
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD, **extra})


def test_an_auditor_without_a_second_factor_is_sent_to_set_one_up_before_any_page(
    client, kirkuk_auditor
):
    response = _password(client, kirkuk_auditor)
    assert response.status_code == 302
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 302
    assert profile["Location"].startswith(SETUP)
    setup = client.get(SETUP).content.decode()
    assert "<svg" in setup
    assert "Your role gives you access to other people" in setup


def test_setting_up_the_authenticator_shows_ten_recovery_codes_once(client, kirkuk_auditor):
    client.force_login(kirkuk_auditor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=kirkuk_auditor, confirmed=False)
    response = client.post(SETUP, {"token": totp_code(device)})
    assert response["Location"] == reverse("accounts:second_factor_codes")
    html = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<code>([a-z2-7]{8})</code>", html)
    assert len(set(codes)) == 10
    assert client.get(reverse("accounts:second_factor_codes")).status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_setting_up_refuses_a_wrong_code_and_keeps_the_account_without_a_factor(
    client, kirkuk_auditor
):
    client.force_login(kirkuk_auditor)
    client.get(SETUP)
    response = client.post(SETUP, {"token": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=kirkuk_auditor, confirmed=True).exists()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_after_the_password_alone_an_account_with_a_second_factor_is_not_logged_in(
    client, kirkuk_auditor
):
    authenticator_for(kirkuk_auditor)
    response = _password(client, kirkuk_auditor)
    assert response["Location"] == CODE
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:profile"))["Location"].startswith(LOGIN)


def test_the_code_from_the_app_completes_the_login_and_keeps_next(client, kirkuk_auditor):
    device, _codes = authenticator_for(kirkuk_auditor)
    _password(client, kirkuk_auditor, next="/accounts/profile/")
    response = client.post(CODE, {"token": totp_code(device)})
    assert response["Location"] == "/accounts/profile/"
    assert client.get("/accounts/profile/").status_code == 200


def test_a_recovery_code_logs_in_once_only(client, kirkuk_auditor):
    _device, codes = authenticator_for(kirkuk_auditor)
    _password(client, kirkuk_auditor)
    assert client.post(CODE, {"token": codes[0].upper()}).status_code == 302
    client.post(reverse("accounts:logout"))
    _password(client, kirkuk_auditor)
    response = client.post(CODE, {"token": codes[0]})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_wrong_codes_count_as_failed_logins_and_lock_the_account(client, kirkuk_auditor, settings):
    device, _codes = authenticator_for(kirkuk_auditor)
    _password(client, kirkuk_auditor)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        device.throttle_reset()
        assert client.post(CODE, {"token": "123456"}).status_code == 200
    device.throttle_reset()
    assert client.post(CODE, {"token": "123456"}).status_code == 429
    assert _password(client, kirkuk_auditor).status_code == 429
    assert client.post(CODE, {"token": totp_code(device)}).status_code != 302
    assert "_auth_user_id" not in client.session


def test_a_half_finished_login_expires(client, kirkuk_auditor):
    device, _codes = authenticator_for(kirkuk_auditor)
    _password(client, kirkuk_auditor)
    session = client.session
    session["cme_pending_login"]["at"] -= 301
    session.save()
    response = client.post(CODE, {"token": totp_code(device)})
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session


def test_wagtail_admin_login_goes_to_the_sites_login_and_logs_nobody_in_itself(
    client, kirkuk_auditor
):
    authenticator_for(kirkuk_auditor)
    redirect = client.get("/admin/")
    assert redirect["Location"].startswith(f"{LOGIN}?next=/admin/")
    posted = client.post(
        "/admin/login/", {"username": kirkuk_auditor.username, "password": PASSWORD}
    )
    assert posted["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_wagtail_admin_opens_to_a_superuser_only_after_the_code(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    device, _codes = authenticator_for(superuser)
    _password(client, superuser, next="/admin/")
    assert client.get("/admin/")["Location"].startswith(LOGIN)
    response = client.post(CODE, {"token": totp_code(device)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_session_logged_in_without_the_code_is_asked_for_it(client, kirkuk_auditor):
    device, _codes = authenticator_for(kirkuk_auditor)
    client.force_login(kirkuk_auditor)
    response = client.get("/coverage/")
    assert response["Location"] == f"{CODE}?next=%2Fcoverage%2F"
    assert client.get(SETUP)["Location"].startswith(CODE)
    verified = client.post(response["Location"], {"token": totp_code(device)})
    assert verified["Location"] == "/coverage/"


def test_a_health_worker_may_turn_two_step_login_on_and_is_then_asked_for_the_code(
    client, kirkuk_facility
):
    worker = HealthWorkerFactory(facility=kirkuk_facility, user=UserFactory())
    client.force_login(worker.user)
    assert client.get(reverse("accounts:profile")).status_code == 200
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=worker.user)
    client.post(SETUP, {"token": totp_code(device)})
    client.post(reverse("accounts:logout"))
    assert _password(client, worker.user)["Location"] == CODE


def test_a_health_worker_turns_two_step_login_off_with_the_password_only(client, kirkuk_facility):
    worker = HealthWorkerFactory(facility=kirkuk_facility, user=UserFactory())
    device, _codes = authenticator_for(worker.user)
    _password(client, worker.user)
    client.post(CODE, {"token": totp_code(device)})
    off = reverse("accounts:second_factor_turn_off")
    assert client.post(off, {"password": "wrong"}).status_code == 400
    assert client.post(off, {"password": PASSWORD}).status_code == 302
    client.post(reverse("accounts:logout"))
    assert _password(client, worker.user)["Location"] == "/"


def test_an_auditor_cannot_turn_two_step_login_off(client, kirkuk_auditor):
    device, _codes = authenticator_for(kirkuk_auditor)
    _password(client, kirkuk_auditor)
    client.post(CODE, {"token": totp_code(device)})
    page = client.get(reverse("accounts:second_factor")).content.decode()
    assert "cannot be turned off" in page
    response = client.post(reverse("accounts:second_factor_turn_off"), {"password": PASSWORD})
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=kirkuk_auditor, confirmed=True).exists()


def test_new_recovery_codes_replace_the_old_ones(client, kirkuk_auditor):
    device, old = authenticator_for(kirkuk_auditor)
    _password(client, kirkuk_auditor)
    client.post(CODE, {"token": totp_code(device)})
    response = client.post(reverse("accounts:second_factor_new_codes"), follow=True)
    new = re.findall(r"<code>([a-z2-7]{8})</code>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    client.post(reverse("accounts:logout"))
    _password(client, kirkuk_auditor)
    assert client.post(CODE, {"token": old[1]}).status_code == 200
    StaticDevice.objects.get(user=kirkuk_auditor).throttle_reset()
    assert client.post(CODE, {"token": new[0]}).status_code == 302


def test_the_code_page_speaks_arabic(client, kirkuk_auditor):
    authenticator_for(kirkuk_auditor)
    client.post(f"/ar{LOGIN}", {"username": kirkuk_auditor.username, "password": PASSWORD})
    html = client.get(f"/ar{CODE}").content.decode()
    assert 'dir="rtl"' in html
    assert "تسجيل الدخول بخطوتين" in html


def test_logging_in_on_the_arabic_page_continues_to_the_setup_in_arabic(client, kirkuk_auditor):
    response = client.post(
        f"/ar{LOGIN}", {"username": kirkuk_auditor.username, "password": PASSWORD}
    )
    assert response["Location"] == "/ar/"
    assert client.get("/ar/")["Location"].startswith(f"/ar{SETUP}")
