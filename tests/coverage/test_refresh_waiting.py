"""Refresh tasks recompute every place waiting, so many transactions cost a few refreshes."""

import datetime

import pytest

from django.db import transaction

from courses.models import Completion
from coverage import selectors, services, tasks
from coverage.models import PendingRefresh
from coverage.receivers import refresh_after_completion
from tests.coverage.conftest import complete
from tests.factories.courses import EnrolmentFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory
from workforce.models import HealthWorker

# Each recording commits for real: the transaction of an ordinary test would keep the first
# recording's callback, which the next one joins.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

JUNE = datetime.date(2026, 6, 9)


@pytest.fixture
def queued(monkeypatch):
    """The refresh tasks queued, held back as a busy worker would hold them."""
    held = []
    monkeypatch.setattr(
        tasks.coverage_refresh_pairs_task, "delay", lambda **kwargs: held.append(kwargs)
    )
    return held


@pytest.fixture
def record():
    def recorder(worker, course) -> None:
        """A completion recorded in its own transaction, as one chunk of a bulk issue is."""
        with transaction.atomic():
            completion = complete(worker, course, JUNE)
            refresh_after_completion(sender=Completion, completion=completion)

    return recorder


def _trained(auditor, query, place, course) -> int:
    table = selectors.coverage_table(user=auditor, query=query())
    return table.figures(place.governorate_id, course.pk).trained


def test_the_first_of_many_queued_tasks_counts_every_place_and_the_rest_find_nothing(
    country, national_auditor, period_query, queued, record, django_assert_max_num_queries
):
    places = (country.b1, country.e1, country.b1, country.e1, country.b1)
    before = {place: _trained(national_auditor, period_query, place, country.a) for place in places}
    for place in places:
        record(HealthWorkerFactory(facility=place, cadre=country.nurse), country.a)
    assert len(queued) == 5
    assert PendingRefresh.objects.count() == 5  # not counted yet: the tasks wait

    first, *rest = queued
    assert tasks.coverage_refresh_pairs_task(**first) == 2  # two places, one course
    assert _trained(national_auditor, period_query, country.b1, country.a) == before[country.b1] + 3
    assert _trained(national_auditor, period_query, country.e1, country.a) == before[country.e1] + 2
    for kwargs in rest:
        with django_assert_max_num_queries(6):
            assert tasks.coverage_refresh_pairs_task(**kwargs) == 0
    assert not PendingRefresh.objects.exists()


def test_a_place_noted_after_a_refresh_ran_is_counted_by_its_own_task(
    country, national_auditor, period_query, queued, record
):
    before = _trained(national_auditor, period_query, country.b1, country.a)
    record(HealthWorkerFactory(facility=country.b1, cadre=country.nurse), country.a)
    tasks.coverage_refresh_pairs_task(**queued.pop())
    record(HealthWorkerFactory(facility=country.b1, cadre=country.nurse), country.a)
    assert _trained(national_auditor, period_query, country.b1, country.a) == before + 1
    assert tasks.coverage_refresh_pairs_task(**queued.pop()) == 1
    assert _trained(national_auditor, period_query, country.b1, country.a) == before + 2


def test_a_refresh_that_fails_leaves_its_places_waiting_for_the_next(
    country, national_auditor, period_query, queued, record, monkeypatch
):
    before = _trained(national_auditor, period_query, country.e1, country.a)
    record(HealthWorkerFactory(facility=country.e1, cadre=country.nurse), country.a)

    def broken(**kwargs):
        raise OSError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(services, "coverage_refresh_pairs", broken)
        with pytest.raises(OSError):
            tasks.coverage_refresh_pairs_task(**queued[0])
    assert PendingRefresh.objects.count() == 1
    assert _trained(national_auditor, period_query, country.e1, country.a) == before

    assert tasks.coverage_refresh_pairs_task() == 1
    assert _trained(national_auditor, period_query, country.e1, country.a) == before + 1


def test_a_task_queued_by_the_previous_release_still_refreshes_the_places_it_names(
    country, national_auditor, period_query
):
    before = _trained(national_auditor, period_query, country.b1, country.a)
    complete(HealthWorkerFactory(facility=country.b1, cadre=country.nurse), country.a, JUNE)
    assert tasks.coverage_refresh_pairs_task(pairs=[[country.b1.pk, country.a.pk]]) == 1
    assert _trained(national_auditor, period_query, country.b1, country.a) == before + 1


def test_a_person_who_moves_facility_is_counted_where_they_work_now(
    country, national_auditor, period_query
):
    """The registry's edit (any save of the record) moves their training in the figures at once."""
    worker = HealthWorkerFactory(facility=country.b1, cadre=country.nurse)
    with transaction.atomic():
        completion = complete(worker, country.a, JUNE)
        refresh_after_completion(sender=Completion, completion=completion)
    basra = _trained(national_auditor, period_query, country.b1, country.a)
    erbil = _trained(national_auditor, period_query, country.e1, country.a)
    services.headcount_rebuild()
    workers_basra = _workers(national_auditor, period_query, country.b1)
    workers_erbil = _workers(national_auditor, period_query, country.e1)

    moved = HealthWorker.objects.get(pk=worker.pk)  # as the edit form loads it
    moved.facility = country.e1
    moved.save()

    assert _trained(national_auditor, period_query, country.b1, country.a) == basra - 1
    assert _trained(national_auditor, period_query, country.e1, country.a) == erbil + 1
    assert not PendingRefresh.objects.exists()
    assert _workers(national_auditor, period_query, country.b1) == workers_basra - 1
    assert _workers(national_auditor, period_query, country.e1) == workers_erbil + 1


def _workers(auditor, query, place) -> int:
    """The verified workers of the place's governorate: the coverage denominator."""
    table = selectors.coverage_table(user=auditor, query=query())
    return table.workforce.get(place.governorate_id, 0)


def test_a_pre_test_score_corrected_after_the_completion_shows_in_the_knowledge_figures(
    country, national_auditor, period_query
):
    """The trainer's roster corrects a score; the completion itself does not change."""
    from decimal import Decimal

    from courses.services import score_set

    day = datetime.date(2026, 4, 2)
    workshop = WorkshopFactory(course=country.a, venue=country.b1, starts_on=day, ends_on=day)
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=country.n5)
    score_set(enrolment=enrolment, kind="pre", score=Decimal("20"), user=None)
    gain = _basra_gain(national_auditor, period_query)
    assert (gain.pre_mean, gain.tested_count) == (Decimal("40.0"), 2)  # (60 + 20) / 2

    score_set(enrolment=enrolment, kind="pre", score=Decimal("40"), user=None)
    assert _basra_gain(national_auditor, period_query).pre_mean == Decimal("50.0")

    score_set(enrolment=enrolment, kind="pre", score=None, user=None)  # removed
    gain = _basra_gain(national_auditor, period_query)
    assert (gain.pre_mean, gain.tested_count) == (Decimal("60.0"), 1)


def _basra_gain(user, query):
    gains = selectors.knowledge_gain(user=user, query=query())
    return next(gain for gain in gains if gain.place.code == "BAS")
