"""Records saved before the skeleton key existed get it from the data migration."""

import importlib

import pytest

from django.apps import apps
from django.urls import reverse

from tests.factories.workforce import HealthWorkerFactory
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db

backfill = importlib.import_module("workforce.migrations.0009_backfill_name_skeleton").backfill


def test_the_backfill_makes_an_older_record_findable_in_the_other_script(
    client, kirkuk_staff_auditor, kirkuk_facility
):
    worker = HealthWorkerFactory(facility=kirkuk_facility, name_ar="عمر", name_latin="Old Record")
    HealthWorker.objects.filter(pk=worker.pk).update(name_skeleton="")  # as before 0008
    client.force_login(kirkuk_staff_auditor)
    url = reverse("health_workers:index")
    assert "Old Record" not in client.get(url, {"q": "عومەر"}).content.decode()
    backfill(apps, None)
    assert "Old Record" in client.get(url, {"q": "عومەر"}).content.decode()
