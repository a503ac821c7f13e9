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


def generate_people(workers: int, *args):
    out = StringIO()
    call_command(
        "generate_dataset", "--workers", str(workers), "--facilities", "200", *args, stdout=out
    )
    return out.getvalue()


def _history():
    """Completions, marks and the first and last workshop day of the generated set."""
    from django.db.models import Max, Min

    from courses.models import AttendanceMark, Completion, Workshop

    days = Workshop.objects.filter(venue__code__startswith="GEN-").aggregate(
        first=Min("starts_on"), last=Max("starts_on")
    )
    return Completion.objects.count(), AttendanceMark.objects.count(), days["first"], days["last"]


def test_generate_dataset_over_five_years_spreads_five_times_the_history_over_five_years():
    import datetime

    from courses.models import Completion

    # Five people a workshop, so that every governorate's own workers fill its workshops.
    output = generate_people(1000, "--years", "5", "--workshops", "2000")
    completions, marks, first, last = _history()
    assert completions == 5 * 2 * 1000  # a year's completions (2 per worker) five times
    assert marks == 4 * completions
    assert f"{marks:,} attendance marks and {completions:,} completions" in output
    assert datetime.date(2021, 10, 31) <= first < datetime.date(2022, 3, 1)
    assert datetime.date(2026, 7, 1) < last <= datetime.date(2026, 10, 31)
    per_year = [
        Completion.objects.filter(
            completed_on__gte=datetime.date(2021 + year, 11, 1),
            completed_on__lt=datetime.date(2022 + year, 11, 1),
        ).count()
        for year in range(5)
    ]
    assert all(completions / 20 < count < completions * 2 / 5 for count in per_year), per_year


def test_generate_dataset_without_years_keeps_the_2024_to_2026_set():
    import datetime

    generate_people(1000, "--workshops", "400")
    completions, marks, first, last = _history()
    assert (completions, marks) == (2 * 1000, 4 * 2 * 1000)
    assert first >= datetime.date(2024, 1, 1) and last <= datetime.date(2026, 10, 31)


def test_generate_dataset_refuses_a_history_of_no_years():
    with pytest.raises(CommandError, match="--years"):
        generate("--years", "0")
    assert not HealthWorker.objects.exists()


def test_generate_dataset_leaves_every_index_and_unique_rule_as_it_found_them():
    # On PostgreSQL the bulk tables' indexes are set aside for the load and built after it
    # (demo/dataset_copy.py): none may be lost, and a unique rule must still refuse a duplicate.
    from django.db import IntegrityError, connection, transaction

    from courses.models import Enrolment
    from demo.coverage_dataset import PREFIX

    def indexes():
        with connection.cursor() as cursor:
            if connection.vendor != "postgresql":
                cursor.execute(
                    "SELECT tbl_name || ':' || name FROM sqlite_master WHERE type = 'index'"
                )
            else:
                cursor.execute("SELECT pg_get_indexdef(indexrelid) FROM pg_index")
            return sorted(row[0] for row in cursor.fetchall())

    before = indexes()
    generate()
    assert indexes() == before
    enrolment = Enrolment.objects.filter(workshop__venue__code__startswith=PREFIX).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(workshop=enrolment.workshop, health_worker=enrolment.health_worker)
