"""The DHIS2 admin, walked: only national administrators reach it, and no page holds the token."""

import pytest

from django.urls import reverse

from wagtail.admin.viewsets import viewsets

from interop.dhis2.secrets import token_seal
from interop.models import Dhis2Connection, Dhis2Mapping
from tests.factories.courses import course_page
from tests.factories.workforce import cadre, directorate, staff_user

pytestmark = pytest.mark.django_db

TOKEN = "d2pat_NeverShownAgain0123456789xyz"


def dhis2_viewsets() -> list:
    reverse("wagtailadmin_home")  # the admin's URLs are loaded, so its viewsets are registered
    found = {
        viewset.name: viewset
        for viewset in viewsets.viewsets
        if type(viewset).__module__ == "interop.viewsets"
    }
    return list(found.values())


@pytest.fixture
def records(db):
    connection = Dhis2Connection.objects.create(
        name="MoH", base_url="https://dhis2.example.iq", data_set="pBOMPrpg1QX",
        token_encrypted=token_seal(TOKEN),
    )  # fmt: skip
    mapping = Dhis2Mapping.objects.create(
        connection=connection, course=course_page(title="Triage", code="TRI"),
        cadre=cadre("nurse"), data_element="CME_TRAINED_TRI",
    )  # fmt: skip
    return {Dhis2Connection: connection, Dhis2Mapping: mapping}


def admin_urls(records) -> list[str]:
    """Every page of the DHIS2 viewsets, found from their URL patterns."""
    urls = []
    for viewset in dhis2_viewsets():
        for pattern in viewset.get_urlpatterns():
            args = [records[viewset.model].pk] if pattern.pattern.converters else []
            urls.append(reverse(viewset.get_url_name(pattern.name), args=args))
    return urls


def test_the_walk_finds_the_connections_mappings_and_push_pages(records):
    urls = admin_urls(records)
    assert len(dhis2_viewsets()) == 2
    assert any("/push/" in url for url in urls) and len(urls) >= 11


def test_no_admin_page_of_dhis2_ever_shows_the_token(client, records):
    client.force_login(staff_user("administrator", "national"))
    sealed = records[Dhis2Connection].token_encrypted
    for url in admin_urls(records):
        page = client.get(url).content.decode()
        assert TOKEN not in page and sealed not in page, url
    refused = client.post(reverse("dhis2-connections:add"), {"name": "", "token": TOKEN})
    assert refused.status_code == 200 and TOKEN not in refused.content.decode()


def test_every_dhis2_admin_page_answers_404_to_a_governorate_administrator(client, records):
    governorate = directorate("KIR").governorate
    client.force_login(staff_user("administrator", "governorate", governorate=governorate))
    answers = {url: client.get(url).status_code for url in admin_urls(records)}
    assert set(answers.values()) == {404}, answers


def test_the_admin_menu_offers_dhis2_to_national_administrators_only(client, records):
    governorate = directorate("KIR").governorate
    client.force_login(staff_user("administrator", "governorate", governorate=governorate))
    assert "dhis2-connections" not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff_user("administrator", "national"))
    assert "dhis2-connections" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_connection_that_has_sent_figures_is_kept_with_a_message(client, records):
    from interop.models import Dhis2Push

    connection = records[Dhis2Connection]
    Dhis2Push.objects.create(connection=connection, months=["2026-03"])
    client.force_login(staff_user("administrator", "national"))
    response = client.post(reverse("dhis2-connections:delete", args=[connection.pk]), follow=True)
    assert response.status_code == 200
    assert "has sent figures to DHIS2; its history keeps it." in response.content.decode()
    assert Dhis2Connection.objects.filter(pk=connection.pk).exists()
