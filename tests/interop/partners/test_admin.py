"""The administrators' screen of partner keys: issue in scope, shown once, revoke, never edit."""

import datetime

import pytest

from django.urls import NoReverseMatch, URLPattern, reverse
from django.utils import timezone

from wagtail.admin.viewsets import viewsets as registry

from interop.models import PartnerKey
from interop.partners.services import key_hash
from interop.partners.viewsets import PartnerKeyViewSet
from tests.factories.interop import partner_key
from tests.factories.workforce import UserFactory, directorate, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def kirkuk_admin(db):
    return staff_user("administrator", "governorate", governorate=directorate("KIR").governorate)


@pytest.fixture
def erbil_key(db):
    key, _secret = partner_key(
        organisation="Erbil Partner",
        level="governorate",
        governorate=directorate("ERB").governorate,
    )
    return key


def _viewset() -> PartnerKeyViewSet:
    # Wagtail registers its viewsets once, when the admin's URLs load (populating again would
    # register every viewset and its hooks a second time, and each admin page would walk both).
    reverse("wagtailadmin_home")
    return next(v for v in registry.viewsets if isinstance(v, PartnerKeyViewSet))


def _url(name, *args):
    return reverse(_viewset().get_url_name(name), args=args)


def _issue(client, **fields):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = {"organisation": "UNICEF Iraq", "expires_on": tomorrow.isoformat(), **fields}
    return client.post(_url("add"), data)


def test_an_administrator_issues_a_key_that_is_shown_once_and_stored_hashed(
    client, kirkuk_admin, kirkuk_facility
):
    client.force_login(kirkuk_admin)
    governorate = directorate("KIR").governorate
    response = _issue(client, level="governorate", governorate=governorate.pk)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    key = PartnerKey.objects.get()
    secret = page.split("data-partner-key>")[1].split("<")[0]
    assert secret.startswith(key.key_prefix) and key.key_hash == key_hash(secret)
    assert secret not in client.get(response.url).content.decode()  # the second look: gone
    assert (key.created_by, key.scope_label) == (kirkuk_admin, str(governorate))
    answer = client.get("/api/v1/partners/facilities", HTTP_X_API_KEY=secret)
    assert [row["code"] for row in answer.json()["items"]] == [kirkuk_facility.code]


def test_an_administrator_cannot_issue_a_key_wider_than_their_scope(client, kirkuk_admin):
    client.force_login(kirkuk_admin)
    national = _issue(client, level="national")
    erbil = _issue(client, level="governorate", governorate=directorate("ERB").governorate.pk)
    assert national.status_code == erbil.status_code == 200
    assert "You cannot issue a key wider than your scope." in national.content.decode()
    assert "Select a valid choice" in erbil.content.decode()
    assert not PartnerKey.objects.exists()


def test_an_expiry_today_or_earlier_is_refused_on_the_form(client, kirkuk_admin):
    client.force_login(kirkuk_admin)
    response = _issue(
        client, level="governorate", governorate=directorate("KIR").governorate.pk,
        expires_on=timezone.localdate().isoformat(),
    )  # fmt: skip
    assert "Choose a day after today." in response.content.decode()
    assert not PartnerKey.objects.exists()


def test_an_administrator_lists_the_keys_of_their_scope_only(client, kirkuk_admin, erbil_key):
    partner_key(
        organisation="Kirkuk Partner", level="governorate",
        governorate=directorate("KIR").governorate,
    )  # fmt: skip
    client.force_login(kirkuk_admin)
    page = client.get(_url("index")).content.decode()
    assert "Kirkuk Partner" in page
    assert "Erbil Partner" not in page and erbil_key.key_prefix not in page


def test_every_url_of_a_key_out_of_scope_answers_404(client, kirkuk_admin, erbil_key):
    client.force_login(kirkuk_admin)
    viewset = _viewset()
    urls = [
        reverse(viewset.get_url_name(pattern.name), args=[erbil_key.pk])
        for pattern in viewset.get_urlpatterns()
        if isinstance(pattern, URLPattern) and "<int:pk>" in str(pattern.pattern)
    ]
    assert len(urls) == 2  # the one showing of a new key, and revoke
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    erbil_key.refresh_from_db()
    assert erbil_key.revoked_at is None


def test_revoking_asks_first_then_the_key_is_refused_by_the_api(client):
    admin = staff_user("administrator", "national")
    key, secret = partner_key(organisation="WHO Iraq")
    client.force_login(admin)
    url = _url("revoke", key.pk)
    assert "Yes, revoke" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    key.refresh_from_db()
    assert key.revoked_by == admin
    assert client.get("/api/v1/partners/facilities", HTTP_X_API_KEY=secret).status_code == 401


def test_staff_who_do_not_administer_cannot_open_the_keys_screen(client, kirkuk_auditor):
    client.force_login(kirkuk_auditor)
    assert client.get(_url("index")).status_code in (302, 403)
    assert client.get(_url("add")).status_code == 404


def test_the_admin_never_edits_copies_or_deletes_a_key(client, erbil_key):
    viewset = _viewset()
    for view in ("edit", "delete", "copy", "history", "inspect"):
        with pytest.raises(NoReverseMatch):
            reverse(viewset.get_url_name(view), args=[erbil_key.pk])
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(f"/admin/partner-keys/edit/{erbil_key.pk}/").status_code == 404
