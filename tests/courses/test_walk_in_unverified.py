"""People who registered themselves or walked in are not yet vouched for by the registry."""

import pytest

from django.urls import reverse

from accounts.services import account_register_new
from tests.factories.workforce import cadre
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db


def test_a_walk_in_added_on_the_roster_starts_unverified(client, trainer, workshop):
    client.force_login(trainer)
    data = {"name_ar": "سيروان حمە", "sex": "M", "cadre": cadre("nurse").pk}
    url = reverse("courses:roster_walk_in", args=[workshop.pk])
    assert client.post(url, {**data, "facility": workshop.venue_id}).status_code == 302
    assert HealthWorker.objects.get(name_ar="سيروان حمە").is_verified is False


def test_a_self_registration_starts_unverified(kirkuk_facility):
    user = account_register_new(
        name_ar="هيوا",
        name_latin="Hiwa",
        cadre=cadre("nurse"),
        facility=kirkuk_facility,
        username="hiwa",
        password="a-long-pass-phrase-2026",
    )
    assert user.health_worker.is_verified is False
