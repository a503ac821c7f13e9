import random

import pytest

from django.contrib.auth import get_user_model

from demo import workforce as demo
from demo.synthetic import MOBILE_CLINIC_GOVERNORATES
from workforce.models import Directorate, Facility, HealthWorker

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    report = {"logins": []}
    rng = random.Random(1)
    demo.seed_workforce(rng=rng, report=report)
    demo.seed_users(rng=rng, report=report)
    return report


def test_demo_has_facilities_of_every_kind_in_every_directorate(report):
    assert set(Facility.objects.values_list("kind", flat=True)) == set(Facility.Kind.values)
    assert not Directorate.objects.filter(facilities__isnull=True).exists()


def test_demo_has_27_mobile_clinics_only_where_they_were_deployed(report):
    mobile = Facility.objects.filter(kind=Facility.Kind.MOBILE_CLINIC)
    assert mobile.count() == 27
    assert set(mobile.values_list("governorate__code", flat=True)) == set(
        MOBILE_CLINIC_GOVERNORATES
    )


def test_demo_has_about_2000_health_workers_with_names_in_both_scripts(report):
    assert HealthWorker.objects.count() == 2001
    assert not HealthWorker.objects.filter(name_ar="").exists()
    assert HealthWorker.objects.filter(name_ar__contains="ێ").exists()  # Kurdish names too
    assert HealthWorker.objects.values("cadre").distinct().count() >= 10


def test_demo_logins_work_and_the_kirkuk_worker_is_a_nurse_in_kirkuk(report):
    usernames = [username for username, _ in report["logins"]]
    assert {"admin", "auditor.kirkuk", "trainer.kirkuk", "worker.kirkuk"} <= set(usernames)
    user = get_user_model().objects.get(username="worker.kirkuk")
    assert user.check_password(demo.DEMO_PASSWORD)
    worker = user.health_worker
    assert (worker.cadre.code, worker.facility.governorate.code) == ("nurse", "KIR")


def test_demo_kirkuk_auditor_sees_only_kirkuk_workers(report):
    user = get_user_model().objects.get(username="auditor.kirkuk")
    visible = HealthWorker.objects.visible_to(user)
    assert visible.exists()
    assert not visible.exclude(facility__governorate__code="KIR").exists()


def test_demo_runs_twice_without_duplicating_records(report):
    demo.seed_workforce(rng=random.Random(1), report={"logins": []})
    demo.seed_users(rng=random.Random(1), report={"logins": []})
    assert HealthWorker.objects.count() == 2001
