import pytest

from workforce.models import Facility, HealthWorker

pytestmark = pytest.mark.django_db


def test_governorate_auditor_sees_only_workers_of_their_governorate(
    kirkuk_auditor, kirkuk_worker, basra_worker
):
    visible = HealthWorker.objects.visible_to(kirkuk_auditor)
    assert list(visible) == [kirkuk_worker]


def test_governorate_auditor_sees_only_facilities_of_their_governorate(
    kirkuk_auditor, kirkuk_facility, basra_facility
):
    assert list(Facility.objects.visible_to(kirkuk_auditor)) == [kirkuk_facility]


def test_anonymous_user_sees_no_health_worker(kirkuk_worker):
    from django.contrib.auth.models import AnonymousUser

    assert not HealthWorker.objects.visible_to(AnonymousUser()).exists()
