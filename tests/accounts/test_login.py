import pytest

from django.urls import reverse

from accounts.models import AccountPreferences
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def test_login_with_the_right_password_signs_the_person_in(client, user):
    response = client.post(LOGIN, {"username": user.username, "password": "correct horse battery"})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_login_with_a_wrong_password_shows_an_error_and_stays_signed_out(client, user):
    response = client.post(LOGIN, {"username": user.username, "password": "wrong"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_logout_ends_the_session(client, user):
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_repeated_failed_logins_lock_the_account_even_against_the_right_password(
    client, user, settings
):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": user.username, "password": "guess"})
    response = client.post(LOGIN, {"username": user.username, "password": "correct horse battery"})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "Try again in 30 minutes" in response.content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_locked_out_page_speaks_arabic_on_an_arabic_url(client, user, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(f"/ar{LOGIN}", {"username": user.username, "password": "guess"})
    assert response.status_code == 429
    assert 'dir="rtl"' in response.content.decode()
    assert "محاولات دخول فاشلة كثيرة" in response.content.decode()


def test_login_continues_in_the_language_chosen_in_the_profile(client, user):
    AccountPreferences.objects.create(user=user, language="ckb")
    response = client.post(LOGIN, {"username": user.username, "password": "correct horse battery"})
    assert response["Location"] == "/ckb/"
    assert response.cookies["django_language"].value == "ckb"


def test_login_page_offers_password_reset_and_registration(client):
    html = client.get(LOGIN).content.decode()
    assert reverse("accounts:password_reset") in html
    assert reverse("accounts:register") in html


def test_a_lockout_does_not_lock_other_people_behind_the_same_address(client, user, settings):
    colleague = UserFactory()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": user.username, "password": "guess"})
    login = {"username": colleague.username, "password": "correct horse battery"}
    assert client.post(LOGIN, login).status_code == 302


def test_behind_a_trusted_proxy_a_lockout_holds_the_guessing_client_only(client, user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    guesser = {"HTTP_X_FORWARDED_FOR": "198.51.100.7", "REMOTE_ADDR": "127.0.0.1"}
    owner = {"HTTP_X_FORWARDED_FOR": "198.51.100.8", "REMOTE_ADDR": "127.0.0.1"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": user.username, "password": "guess"}, **guesser)
    right = {"username": user.username, "password": "correct horse battery"}
    assert client.post(LOGIN, right, **guesser).status_code == 429
    assert client.post(LOGIN, right, **owner).status_code == 302


def test_one_address_trying_a_few_passwords_on_many_accounts_is_locked_out(client, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 12
    victims = [UserFactory() for _i in range(4)]
    for victim in victims:
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 2):
            client.post(LOGIN, {"username": victim.username, "password": "guess"})
    untouched = UserFactory()
    right = {"username": untouched.username, "password": "correct horse battery"}
    assert client.post(LOGIN, right).status_code == 429
    other_address = client.post(LOGIN, right, REMOTE_ADDR="198.51.100.9")
    assert other_address.status_code == 302


def test_logging_into_ones_own_account_does_not_clear_the_addresss_failures(client, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 6
    own, victim = UserFactory(), UserFactory()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN, {"username": victim.username, "password": "guess"})
    own_login = {"username": own.username, "password": "correct horse battery"}
    assert client.post(LOGIN, own_login).status_code == 302
    client.post(reverse("accounts:logout"))
    for _attempt in range(2):
        client.post(LOGIN, {"username": UserFactory().username, "password": "guess"})
    assert client.post(LOGIN, own_login).status_code == 429


def test_a_huge_username_is_refused_and_counted_under_a_name_that_fits_its_column(client):
    from axes.models import AccessAttempt

    response = client.post(reverse("accounts:login"), {"username": "x" * 10_000, "password": "y"})
    assert response.status_code == 200
    assert [len(attempt.username) for attempt in AccessAttempt.objects.all()] == [150]
