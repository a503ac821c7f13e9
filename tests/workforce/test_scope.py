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


def _scoped_models():
    from django.apps import apps

    from workforce.scope import ScopedQuerySet

    return [
        model
        for model in apps.get_models()
        if isinstance(model._default_manager.all(), ScopedQuerySet)
    ]


def test_every_scoped_record_family_reaches_each_scope_level_through_real_fields():
    from workforce.scope import paths_via

    families = _scoped_models()
    assert len(families) >= 10, [model.__name__ for model in families]
    for model in families:
        queryset = model._default_manager.all()
        declared = queryset.scope_via is not None or set(queryset.scope_paths) == {
            "region",
            "governorate",
            "directorate",
            "facility",
        }
        assert declared, f"{model.__name__} says neither scope_via nor every scope_paths level"
        via = queryset.scope_via
        paths = paths_via(via) if via is not None else queryset.scope_paths
        for path in paths.values():
            str(queryset.filter(**{f"{path}__isnull": True}).query)  # FieldError if no such path
