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


def test_national_auditor_sees_workers_of_every_governorate(staff, kirkuk_worker, basra_worker):
    auditor = staff("auditor", "national")
    assert set(HealthWorker.objects.visible_to(auditor)) == {kirkuk_worker, basra_worker}


def test_superuser_sees_every_worker(kirkuk_worker, basra_worker):
    from tests.factories.workforce import UserFactory

    superuser = UserFactory(is_superuser=True)
    assert HealthWorker.objects.visible_to(superuser).count() == 2


def test_health_worker_sees_their_own_record_and_no_other(kirkuk_worker, basra_worker, user):
    kirkuk_worker.user = user
    kirkuk_worker.save()
    assert list(HealthWorker.objects.visible_to(user)) == [kirkuk_worker]
