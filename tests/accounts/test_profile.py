import pytest

from django.urls import reverse

from accounts.selectors import language_for
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = "/accounts/profile/"


def test_profile_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get(PROFILE)
    assert response["Location"].startswith(reverse("accounts:login"))


def test_profile_shows_the_persons_own_record_and_no_one_elses(client, kirkuk_worker, basra_worker):
    kirkuk_worker.user = UserFactory()
    kirkuk_worker.save()
    client.force_login(kirkuk_worker.user)
    html = client.get(PROFILE).content.decode()
    assert "Ahmed Kirkuki" in html
    assert "Zainab Basri" not in html


def test_profile_saves_phone_email_and_language(client, user, kirkuk_facility):
    worker = HealthWorkerFactory(user=user, facility=kirkuk_facility)
    client.force_login(user)
    data = {"email": "new@example.org", "phone": "٠٧٥٠١٢٣٤٥٦٧", "language": "ar"}
    response = client.post(PROFILE, {**data, "current_password": "correct horse battery"})
    assert response["Location"] == "/ar/accounts/profile/"
    assert response.cookies["django_language"].value == "ar"
    worker.refresh_from_db()
    user.refresh_from_db()
    assert (worker.phone, worker.email, user.email) == (
        "07501234567",
        "new@example.org",
        "new@example.org",
    )
    assert language_for(user=user) == "ar"


def test_profile_refuses_a_phone_number_with_letters(client, user, kirkuk_facility):
    worker = HealthWorkerFactory(user=user, facility=kirkuk_facility, phone="07700000000")
    client.force_login(user)
    response = client.post(PROFILE, {"email": "", "phone": "call me", "language": "en"})
    assert "Enter a phone number" in response.content.decode()
    worker.refresh_from_db()
    assert worker.phone == "07700000000"


def test_staff_profile_lists_their_roles_and_scopes(client, kirkuk_auditor):
    client.force_login(kirkuk_auditor)
    html = client.get(PROFILE).content.decode()
    assert "Auditor" in html
    assert "Kirkuk" in html
    assert 'name="phone"' not in html


def test_profile_changes_the_email_only_with_the_current_password(client, user):
    client.force_login(user)
    for password in ["", "not my password"]:
        data = {"email": "thief@example.org", "language": "en", "current_password": password}
        response = client.post(PROFILE, data)
        assert response.status_code == 200
        assert "Enter your current password to change your email." in response.content.decode()
    user.refresh_from_db()
    assert user.email != "thief@example.org"


def test_profile_saves_the_language_without_the_password_when_the_email_stays(client, user):
    client.force_login(user)
    response = client.post(PROFILE, {"email": user.email, "language": "ckb"})
    assert response["Location"] == "/ckb/accounts/profile/"
    assert language_for(user=user) == "ckb"


def test_the_admin_account_page_offers_no_email_change_without_the_password(client):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    html = client.get("/admin/account/").content.decode()
    assert 'name="name_email-email"' not in html
    response = client.post("/admin/account/", {"name_email-email": "thief@example.org"})
    superuser.refresh_from_db()
    assert superuser.email != "thief@example.org"
    assert response.status_code in (200, 302)
