import pytest

from django.urls import NoReverseMatch, reverse

from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


def test_unprefixed_address_follows_the_remembered_language(client):
    client.cookies["django_language"] = "ckb"
    response = client.get("/accounts/login/?next=/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/ckb/accounts/login/?next=/accounts/profile/"


def test_first_visit_follows_the_browsers_language(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="ar-IQ,ar;q=0.9,en;q=0.5")
    assert response["Location"] == "/ar/accounts/login/"


def test_a_reader_who_chose_english_stays_in_english(client):
    client.cookies["django_language"] = "en"
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_language_switcher_remembers_the_choice_and_returns_to_the_page(client):
    response = client.post(
        reverse("set_language"), {"language": "ar", "next": "/accounts/password-reset/"}
    )
    assert response["Location"] == "/ar/accounts/password-reset/"
    assert response.cookies["django_language"].value == "ar"


@pytest.mark.parametrize(
    ("language", "text"), [("ar", "الصفحة غير موجودة"), ("ckb", "پەڕەکە نەدۆزرایەوە")]
)
def test_missing_page_answers_404_in_the_readers_language(client, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()
    assert 'dir="rtl"' in response.content.decode()


def test_server_error_page_renders_on_its_own_in_arabic(client):
    from django.template.loader import render_to_string
    from django.utils.translation import override

    with override("ar"):
        html = render_to_string("500.html")
    assert "حدث خطأ ما" in html
    assert 'dir="rtl"' in html


def test_header_offers_registration_to_visitors_and_administration_to_editors(client, user):
    visitor = client.get("/accounts/login/").content.decode()
    assert reverse("accounts:register") in visitor
    user.is_superuser = True
    user.save()
    client.force_login(user)
    editor = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("wagtailadmin_home") in editor
    assert reverse("accounts:register") not in editor


def test_header_links_a_trainer_to_their_workshops_once_that_page_exists(client):
    try:
        workshops_url = reverse("courses:my_workshops")
    except NoReverseMatch:
        workshops_url = None
    client.force_login(RoleAssignmentFactory(role="trainer").user)
    html = client.get(reverse("accounts:profile")).content.decode()
    if workshops_url:
        assert f'href="{workshops_url}"' in html
    else:
        assert "My workshops" not in html


def test_favicon_ico_leads_to_the_site_icon_whatever_the_language(client):
    client.cookies["django_language"] = "ar"
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/img/favicon.svg")
