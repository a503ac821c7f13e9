"""Enrolling a phone with a one-time code, and revoking it."""

import datetime
import re

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from field import services
from field.models import Device, DeviceEnrolment
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


def test_enrolment_gives_a_token_that_is_stored_only_as_its_hash(trainer):
    code = services.enrolment_code_create(user=trainer)
    device, token = services.device_enrol(code=code, name="Galaxy")
    stored = Device.objects.get(pk=device.pk)
    assert stored.user == trainer and stored.token_prefix == token[:8]
    assert token not in {stored.token_hash, stored.name} and len(token) >= 40
    assert services.device_for_token(token) == stored


def test_a_code_works_once(trainer):
    code = services.enrolment_code_create(user=trainer)
    services.device_enrol(code=code, name="First")
    with pytest.raises(ValidationError, match="already used"):
        services.device_enrol(code=code, name="Second")
    assert Device.objects.count() == 1


def test_a_code_older_than_ten_minutes_is_refused(trainer):
    code = services.enrolment_code_create(user=trainer)
    DeviceEnrolment.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(ValidationError, match="expired"):
        services.device_enrol(code=code, name="Late")
    assert not Device.objects.exists()


def test_a_made_up_code_is_refused(trainer):
    with pytest.raises(ValidationError, match="not an enrolment code"):
        services.device_enrol(code="123456:forged", name="Forged")


def test_someone_without_a_training_role_gets_no_code(db):
    with pytest.raises(PermissionDenied):
        services.enrolment_code_create(user=UserFactory())


def test_the_trainer_revokes_their_own_phone(trainer, device):
    services.device_revoke(device=device, user=trainer)
    device.refresh_from_db()
    assert device.revoked_at is not None and device.revoked_by == trainer


def test_another_trainer_cannot_revoke_it(other_trainer, device):
    with pytest.raises(PermissionDenied):
        services.device_revoke(device=device, user=other_trainer)
    device.refresh_from_db()
    assert device.revoked_at is None


def test_a_national_administrator_revokes_any_phone(national_admin, device):
    services.device_revoke(device=device, user=national_admin)
    device.refresh_from_db()
    assert device.revoked_by == national_admin


def test_the_page_enrols_with_a_qr_code_and_the_code_in_text(client, trainer):
    client.force_login(trainer)
    page = client.post("/field/devices/").content.decode()
    assert 'xmlns="http://www.w3.org/2000/svg"' in page
    code = re.search(r'<code dir="ltr">([^<]+)</code>', page).group(1)
    device, _token = services.device_enrol(code=code, name="Scanned")
    assert device.user == trainer
    assert "Scanned" in client.get("/field/devices/").content.decode()


def test_the_page_revokes_a_phone(client, trainer, device):
    client.force_login(trainer)
    response = client.post(f"/field/devices/{device.pk}/revoke/")
    assert response.status_code == 302
    assert "Revoked" in client.get("/field/devices/").content.decode()


def test_another_trainers_phone_is_404_on_the_page(client, other_trainer, device):
    client.force_login(other_trainer)
    assert client.post(f"/field/devices/{device.pk}/revoke/").status_code == 404


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_page_is_right_to_left_in_arabic_and_kurdish(client, trainer, device, language):
    client.force_login(trainer)
    page = client.get(f"/{language}/field/devices/").content.decode()
    assert re.search(r'<html[^>]*dir="rtl"', page)
    assert "Galaxy A14" in page and "My phones" not in page


def test_an_administrator_of_the_trainers_governorate_revokes_the_phone(device):
    from tests.factories.workforce import RoleAssignmentFactory, directorate

    admin = RoleAssignmentFactory(
        role="administrator", level="governorate", governorate=directorate("KIR").governorate
    ).user
    services.device_revoke(device=device, user=admin)
    device.refresh_from_db()
    assert device.revoked_by == admin


def test_an_administrator_elsewhere_cannot_revoke_it(device):
    from tests.factories.workforce import RoleAssignmentFactory, directorate

    admin = RoleAssignmentFactory(
        role="administrator", level="governorate", governorate=directorate("BAS").governorate
    ).user
    with pytest.raises(PermissionDenied):
        services.device_revoke(device=device, user=admin)
    device.refresh_from_db()
    assert device.revoked_at is None
