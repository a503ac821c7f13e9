"""The administrators' screen of enrolled phones: only phones in scope, revoke, nothing else."""

import pytest

from django.urls import NoReverseMatch, URLPattern, reverse

from wagtail.admin.viewsets import viewsets as registry

from field import services
from field.models import Device
from field.viewsets import DeviceViewSet
from tests.factories.field import DeviceFactory
from tests.factories.workforce import UserFactory, directorate, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def kirkuk_admin(db):
    return staff_user("administrator", "governorate", governorate=directorate("KIR").governorate)


@pytest.fixture
def kirkuk_phone(trainer):
    return DeviceFactory(user=trainer, name="Kirkuk Galaxy")


@pytest.fixture
def basra_phone(other_trainer):
    return DeviceFactory(user=other_trainer, name="Basra Redmi")


def _viewset() -> DeviceViewSet:
    # Wagtail registers its viewsets once, when the admin's URLs load (populating again would
    # register every viewset and its hooks a second time, and each admin page would walk both).
    reverse("wagtailadmin_home")
    return next(v for v in registry.viewsets if isinstance(v, DeviceViewSet))


def _object_urls(device) -> list[str]:
    """Every URL of the screen that names one phone, found from the viewset's own patterns."""
    viewset = _viewset()
    return [
        reverse(viewset.get_url_name(pattern.name), args=[device.pk])
        for pattern in viewset.get_urlpatterns()
        if isinstance(pattern, URLPattern) and "<uuid:pk>" in str(pattern.pattern)
    ]


def test_an_administrator_lists_the_phones_of_trainers_in_their_scope_only(
    client, kirkuk_admin, kirkuk_phone, basra_phone
):
    client.force_login(kirkuk_admin)
    response = client.get("/admin/devices/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kirkuk Galaxy" in page and kirkuk_phone.token_prefix in page
    assert "Basra Redmi" not in page and basra_phone.token_prefix not in page


def test_a_superuser_lists_every_phone(client, kirkuk_phone, basra_phone):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    page = client.get("/admin/devices/").content.decode()
    assert "Kirkuk Galaxy" in page and "Basra Redmi" in page


def test_a_national_administrator_sees_the_phone_of_a_trainer_without_any_role(national_admin):
    phone = DeviceFactory(user=UserFactory(), name="Workshop trainer's phone")
    assert list(Device.objects.visible_to(national_admin)) == [phone]


def test_every_url_of_a_phone_out_of_scope_answers_404(client, kirkuk_admin, basra_phone):
    client.force_login(kirkuk_admin)
    urls = _object_urls(basra_phone)
    assert urls  # the revoke page at least
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    basra_phone.refresh_from_db()
    assert basra_phone.revoked_at is None


def test_revoking_asks_first_then_revokes_through_the_service(client, kirkuk_admin, kirkuk_phone):
    client.force_login(kirkuk_admin)
    url = reverse(_viewset().get_url_name("revoke"), args=[kirkuk_phone.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200 and "Yes, revoke" in confirmation.content.decode()
    kirkuk_phone.refresh_from_db()
    assert kirkuk_phone.revoked_at is None

    response = client.post(url)
    assert response.status_code == 302 and response.url == "/admin/devices/"
    kirkuk_phone.refresh_from_db()
    assert kirkuk_phone.revoked_at is not None and kirkuk_phone.revoked_by == kirkuk_admin
    assert services.may_revoke(device=kirkuk_phone, user=kirkuk_admin)


def test_the_list_filters_revoked_and_active_phones_and_searches_by_trainer(
    client, kirkuk_admin, trainer, kirkuk_phone
):
    old = DeviceFactory(user=trainer, name="Old Nokia")
    services.device_revoke(device=old, user=kirkuk_admin)
    client.force_login(kirkuk_admin)
    revoked = client.get("/admin/devices/?state=revoked").content.decode()
    active = client.get("/admin/devices/?state=active").content.decode()
    assert "Old Nokia" in revoked and "Kirkuk Galaxy" not in revoked
    assert "Kirkuk Galaxy" in active and "Old Nokia" not in active
    revoke = _viewset().get_url_name("revoke")
    assert reverse(revoke, args=[kirkuk_phone.pk]) in active
    assert reverse(revoke, args=[old.pk]) not in revoked  # a revoked phone offers no Revoke
    found = client.get(f"/admin/devices/?q={trainer.username}").content.decode()
    assert "Kirkuk Galaxy" in found and "Old Nokia" in found
    assert "Kirkuk Galaxy" not in client.get("/admin/devices/?q=nobody-at-all").content.decode()


def test_the_admin_neither_adds_nor_edits_a_phone(client, kirkuk_admin, kirkuk_phone):
    viewset = _viewset()
    for view in ("add", "edit", "delete", "copy", "history"):
        with pytest.raises(NoReverseMatch):
            reverse(viewset.get_url_name(view), args=[] if view == "add" else [kirkuk_phone.pk])
    client.force_login(kirkuk_admin)
    assert client.get("/admin/devices/new/").status_code == 404
    assert client.get(f"/admin/devices/edit/{kirkuk_phone.pk}/").status_code == 404
