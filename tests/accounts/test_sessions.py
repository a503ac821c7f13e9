"""How long a login lasts: staff are logged out after a time without activity, everyone after a
fixed lifetime, whatever the activity."""

import pytest

from django.urls import reverse

from accounts.middleware import LOGIN_AT, SEEN_AT
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = "/accounts/profile/"


def _shift(client, key: str, seconds: int) -> None:
    """Move one of the session's timestamps into the past, as if that much time had gone by."""
    session = client.session
    session[key] -= seconds
    session.save()


def test_staff_are_logged_out_after_the_idle_timeout(client, kirkuk_auditor, settings):
    client.force_login(kirkuk_auditor)
    assert client.get(PROFILE).status_code == 200
    _shift(client, SEEN_AT, settings.STAFF_IDLE_TIMEOUT + 1)
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    page = client.get(response["Location"]).content.decode()
    assert "logged out after a time without activity" in page


def test_staff_who_keep_working_stay_logged_in(client, kirkuk_auditor, settings):
    client.force_login(kirkuk_auditor)
    for _step in range(3):
        _shift(client, LOGIN_AT, settings.STAFF_IDLE_TIMEOUT - 60)
        _shift(client, SEEN_AT, settings.STAFF_IDLE_TIMEOUT - 60)
        assert client.get(PROFILE).status_code == 200


def test_a_health_worker_is_not_held_to_the_staff_idle_timeout(client, user, settings):
    HealthWorkerFactory(user=user)
    client.force_login(user)
    _shift(client, SEEN_AT, settings.STAFF_IDLE_TIMEOUT + 60)
    assert client.get(PROFILE).status_code == 200


@pytest.mark.parametrize("staff", [True, False])
def test_every_session_ends_after_the_absolute_lifetime(client, staff, kirkuk_auditor, settings):
    client.force_login(kirkuk_auditor if staff else HealthWorkerFactory(user=UserFactory()).user)
    _shift(client, LOGIN_AT, settings.SESSION_ABSOLUTE_LIFETIME + 1)
    response = client.get(PROFILE)
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "Your session has ended" in client.get(response["Location"]).content.decode()


def test_the_lifetimes_are_twelve_hours_and_thirty_minutes_by_default(settings):
    assert settings.SESSION_ABSOLUTE_LIFETIME == 12 * 3600
    assert settings.STAFF_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_COOKIE_AGE <= settings.SESSION_ABSOLUTE_LIFETIME
