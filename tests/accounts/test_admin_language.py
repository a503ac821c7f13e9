"""The Wagtail admin speaks the staff member's language: their choice, else the site's last one."""

import pytest

from wagtail.users.models import UserProfile

from accounts.models import AccountPreferences
from tests.factories.workforce import UserFactory, staff_user

pytestmark = pytest.mark.django_db

ARABIC_ADMIN = '<html lang="ar" dir="rtl"'
ENGLISH_ADMIN = '<html lang="en" dir="ltr"'


@pytest.fixture
def trainer(client):
    user = staff_user("trainer", "national")
    user.first_name = user.last_name = user.email = ""
    user.save()
    client.force_login(user)
    return user


def test_admin_opens_in_arabic_after_the_trainer_read_the_site_in_arabic(client, trainer):
    assert ENGLISH_ADMIN in client.get("/admin/").content.decode()
    client.get("/ar/accounts/profile/")
    assert ARABIC_ADMIN in client.get("/admin/").content.decode()


def test_admin_follows_the_site_back_to_english(client, trainer):
    client.get("/ar/accounts/profile/")
    client.get("/accounts/profile/")
    assert ENGLISH_ADMIN in client.get("/admin/").content.decode()


def test_admin_choice_saved_in_account_settings_wins_over_the_site_language(client, trainer):
    UserProfile.objects.update_or_create(user=trainer, defaults={"preferred_language": "en"})
    client.get("/ar/accounts/profile/")
    assert ENGLISH_ADMIN in client.get("/admin/").content.decode()


def test_profile_language_opens_the_admin_in_arabic_on_a_new_session(client, trainer):
    AccountPreferences.objects.create(user=trainer, language="ar")
    assert ARABIC_ADMIN in client.get("/admin/").content.decode()


def test_kurdish_reader_gets_the_admin_in_english_until_they_choose(client, trainer):
    client.get("/ckb/accounts/profile/")
    assert ENGLISH_ADMIN in client.get("/admin/").content.decode()


def test_admin_link_on_a_kurdish_page_leads_to_the_kurdish_notice(client, trainer):
    html = client.get("/ckb/accounts/profile/").content.decode()
    assert 'href="/ckb/accounts/admin-language/"' in html
    notice = client.get("/ckb/accounts/admin-language/").content.decode()
    assert "تەنها بە ئینگلیزی و عەرەبین" in notice
    assert 'value="ar"' in notice and 'value="en"' in notice


def test_admin_link_on_an_arabic_page_goes_straight_to_the_admin(client, trainer):
    html = client.get("/ar/accounts/profile/").content.decode()
    assert 'href="/admin/"' in html


def test_kurdish_reader_choosing_arabic_gets_the_admin_in_arabic(client, trainer):
    response = client.post("/ckb/accounts/admin-language/", {"language": "ar"})
    assert response["Location"] == "/admin/"
    assert ARABIC_ADMIN in client.get("/admin/").content.decode()


def test_admin_language_choice_refuses_kurdish_and_keeps_the_page(client, trainer):
    response = client.post("/ckb/accounts/admin-language/", {"language": "ckb"})
    assert response.status_code == 200
    assert not UserProfile.objects.filter(user=trainer).exclude(preferred_language="").exists()


def test_admin_language_page_is_not_found_for_a_health_worker(client):
    client.force_login(UserFactory(username="worker"))
    assert client.get("/ckb/accounts/admin-language/").status_code == 404


def test_account_settings_save_the_language_without_name_or_email(client, trainer):
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "",
            "name_email-last_name": "",
            "name_email-email": "",
            "locale-preferred_language": "ar",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert UserProfile.get_for_user(trainer).preferred_language == "ar"
    assert ARABIC_ADMIN in client.get("/admin/").content.decode()


def test_account_settings_offer_english_and_arabic_only(client, trainer):
    html = client.get("/admin/account/").content.decode()
    select = html[html.index('name="locale-preferred_language"') :]
    select = select[: select.index("</select>")]
    assert select.count("<option") == 3  # the server's language, English, Arabic
    assert 'value="ar"' in select and 'value="fr"' not in select


def test_admin_shows_no_gravatar_for_a_staff_member_with_an_email(client, trainer):
    trainer.email = "trainer@example.org"
    trainer.save()
    html = client.get("/admin/account/").content.decode()
    assert "gravatar" not in html.lower()
