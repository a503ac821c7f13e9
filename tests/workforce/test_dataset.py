from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from demo.synthetic import MOBILE_CLINIC_GOVERNORATES
from workforce.models import Cadre, Directorate, Facility, HealthWorker

pytestmark = pytest.mark.django_db


def generate(*args):
    out = StringIO()
    call_command("generate_dataset", "--workers", "300", "--facilities", "200", *args, stdout=out)
    return out.getvalue()


def test_generate_dataset_creates_the_counts_asked_for_and_reports_the_time():
    output = generate()
    assert Facility.objects.count() == 200
    assert HealthWorker.objects.count() == 300
    assert "Generated 200 facilities and 300 health workers in" in output


def test_generate_dataset_gives_every_worker_an_existing_facility_and_cadre():
    generate()
    facility_ids = set(Facility.objects.values_list("pk", flat=True))
    cadre_ids = set(Cadre.objects.values_list("pk", flat=True))
    workers = HealthWorker.objects.values_list("facility_id", "cadre_id")
    assert all(f in facility_ids and c in cadre_ids for f, c in workers)


def test_generate_dataset_covers_every_directorate_and_keeps_mobile_clinics_where_deployed():
    generate()
    assert not Directorate.objects.filter(facilities__isnull=True).exists()
    mobile = Facility.objects.filter(kind=Facility.Kind.MOBILE_CLINIC)
    assert mobile.exists()
    assert set(mobile.values_list("governorate__code", flat=True)) <= set(
        MOBILE_CLINIC_GOVERNORATES
    )


def test_generate_dataset_fills_the_normalised_name_keys():
    generate()
    worker = HealthWorker.objects.filter(name_ar__startswith="أ").first()
    assert worker.name_key and "أ" not in worker.name_key
    assert HealthWorker.objects.filter(name_key__contains="احمد").exists()


def test_generate_dataset_refuses_to_run_twice_without_reset():
    generate()
    with pytest.raises(CommandError, match="--reset"):
        generate()
    assert HealthWorker.objects.count() == 300


def test_generate_dataset_with_reset_replaces_the_generated_data():
    generate()
    generate("--reset")
    assert Facility.objects.count() == 200
    assert HealthWorker.objects.count() == 300


def test_generate_dataset_fills_the_facility_search_keys():
    generate()
    assert not Facility.objects.filter(search_key="").exists()
