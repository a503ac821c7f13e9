"""Who is verified and who has left, as staff set it in the registry's admin."""

import datetime

import pytest

from django.urls import reverse

from tests.factories.workforce import HealthWorkerFactory, governorate

pytestmark = pytest.mark.django_db


def record(worker, **changes) -> dict:
    """The admin edit form's fields as a browser posts them (a ticked box sends "on")."""
    data = {
        "name_ar": worker.name_ar,
        "name_latin": worker.name_latin,
        "licence_number": worker.licence_number or "",
        "cadre": worker.cadre_id,
        "facility": worker.facility_id,
        "is_verified": "on" if worker.is_verified else "",
        "left_on": "",
        "leaving_reason": "",
    }
    return {key: value for key, value in {**data, **changes}.items() if value != ""}


@pytest.fixture
def kirkuk_administrator(staff):
    return staff("administrator", "governorate", governorate=governorate("KIR"))


@pytest.fixture
def walk_in(kirkuk_facility):
    return HealthWorkerFactory(facility=kirkuk_facility, name_latin="Walk In", is_verified=False)


def test_an_administrator_in_scope_verifies_a_walk_in(client, kirkuk_administrator, walk_in):
    client.force_login(kirkuk_administrator)
    url = reverse("health_workers:edit", args=[walk_in.pk])
    response = client.post(url, record(walk_in, is_verified="on"))
    assert response.status_code == 302
    walk_in.refresh_from_db()
    assert walk_in.is_verified


def test_a_trainer_cannot_verify_a_walk_in(client, staff, walk_in):
    client.force_login(staff("trainer", "governorate", governorate=governorate("KIR")))
    url = reverse("health_workers:edit", args=[walk_in.pk])
    client.post(url, record(walk_in, is_verified="on"))
    walk_in.refresh_from_db()
    assert not walk_in.is_verified


def test_an_administrator_cannot_verify_their_own_record(client, kirkuk_administrator, walk_in):
    walk_in.user = kirkuk_administrator
    walk_in.save()
    client.force_login(kirkuk_administrator)
    url = reverse("health_workers:edit", args=[walk_in.pk])
    response = client.post(url, record(walk_in, is_verified="on"))
    assert "never on their own record" in response.content.decode()
    walk_in.refresh_from_db()
    assert not walk_in.is_verified


def test_a_worker_added_by_a_trainer_starts_unverified_and_by_an_administrator_verified(
    client, staff, kirkuk_administrator, kirkuk_facility
):
    data = {"name_latin": "Sara Hadi", "cadre": 1, "facility": kirkuk_facility.pk}
    client.force_login(staff("trainer", "governorate", governorate=governorate("KIR")))
    client.post(reverse("health_workers:add"), {**data, "is_verified": "on"})
    client.force_login(kirkuk_administrator)
    client.post(
        reverse("health_workers:add"), {**data, "name_latin": "Lana Aziz", "is_verified": "on"}
    )
    verified = dict(kirkuk_facility.health_workers.values_list("name_latin", "is_verified"))
    assert verified == {"Sara Hadi": False, "Lana Aziz": True}


def test_a_leaving_date_makes_the_worker_inactive_and_the_list_filters_them(
    client, kirkuk_administrator, kirkuk_worker
):
    client.force_login(kirkuk_administrator)
    url = reverse("health_workers:edit", args=[kirkuk_worker.pk])
    client.post(url, record(kirkuk_worker, left_on="2026-02-14", leaving_reason="Retired"))
    kirkuk_worker.refresh_from_db()
    assert (kirkuk_worker.is_active, kirkuk_worker.left_on) == (False, datetime.date(2026, 2, 14))
    HealthWorkerFactory(facility=kirkuk_worker.facility, name_latin="Still Here")
    left = client.get(reverse("health_workers:index"), {"is_active": "false"}).content.decode()
    assert "Ahmed Kirkuki" in left and "Still Here" not in left
    form = client.get(url).content.decode()
    assert "Leaving date" in form and "Reason for leaving" in form and "Verified" in form
