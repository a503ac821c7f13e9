"""The pre-aggregated cells must give what COUNT(DISTINCT) over the completions gives."""

import datetime
import itertools

import pytest

from django.db.models import Count

from courses.models import Completion
from courses.signals import completion_recorded
from coverage import selectors
from coverage.models import TrainedCell
from coverage.receivers import refresh_after_completion
from tests.coverage.conftest import complete
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db

MONTHS = [datetime.date(2025, 6, 1)] + [datetime.date(2026, m, 1) for m in range(1, 7)]


def distinct_trained(start, end, course, cadres=()):
    completions = Completion.objects.filter(
        is_complete=True, course=course, completed_on__gte=start, completed_on__lt=end
    )
    if cadres:
        completions = completions.filter(health_worker__cadre__in=cadres)
    rows = completions.values("health_worker__facility__governorate__code").annotate(
        n=Count("health_worker", distinct=True)
    )
    return {row["health_worker__facility__governorate__code"]: row["n"] for row in rows}


def next_month(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)


def test_cells_match_count_distinct_for_every_period_course_and_cadre(
    country, national_auditor, period_query
):
    for start, end in itertools.combinations_with_replacement(MONTHS, 2):
        for course, cadres in itertools.product([country.a, country.b], [(), (country.nurse.pk,)]):
            query = period_query(start=start, end=end, cadres=cadres)
            table = selectors.coverage_table(user=national_auditor, query=query)
            got = {p.code: table.figures(p.id, course.pk).trained for p in table.places}
            expected = distinct_trained(start, next_month(end), course, cadres)
            assert {k: v for k, v in got.items() if v} == expected, (start, end, course, cadres)


def test_recorded_completion_refreshes_its_facility_and_course(
    country, national_auditor, period_query, django_capture_on_commit_callbacks
):
    newcomer = HealthWorkerFactory(facility=country.b1, cadre=country.nurse)
    completion = complete(newcomer, country.a, datetime.date(2026, 6, 9))
    with django_capture_on_commit_callbacks(execute=True):
        completion_recorded.send(sender=Completion, completion=completion)
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    assert table.figures(country.b1.governorate_id, country.a.pk).trained == 2


def test_refresh_leaves_other_facilities_untouched(country):
    before = TrainedCell.objects.exclude(facility=country.b1).count()
    from coverage.services import coverage_refresh_pair

    coverage_refresh_pair(facility_id=country.b1.pk, course_id=country.a.pk)
    assert TrainedCell.objects.exclude(facility=country.b1).count() == before
    assert TrainedCell.objects.filter(facility=country.b1, course=country.a).count() == 1


def test_completions_recorded_in_one_transaction_refresh_all_their_places_in_one_task(
    country, national_auditor, period_query, django_capture_on_commit_callbacks
):
    basra = complete(
        HealthWorkerFactory(facility=country.b1, cadre=country.nurse), country.a, MONTHS[3]
    )
    erbil = complete(
        HealthWorkerFactory(facility=country.e1, cadre=country.nurse), country.a, MONTHS[3]
    )
    before = selectors.coverage_table(user=national_auditor, query=period_query())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for completion in (basra, erbil):  # coverage's own receiver, without the certificates
            refresh_after_completion(sender=Completion, completion=completion)
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    assert len(callbacks) == 1
    for place in (country.b1, country.e1):
        trained_before = before.figures(place.governorate_id, country.a.pk).trained
        assert table.figures(place.governorate_id, country.a.pk).trained == trained_before + 1


def test_a_place_whose_change_rolled_back_does_not_take_the_others_refresh_with_it(
    country, national_auditor, period_query, django_capture_on_commit_callbacks
):
    from django.db import transaction

    erbil = complete(
        HealthWorkerFactory(facility=country.e1, cadre=country.nurse), country.a, MONTHS[3]
    )
    before = selectors.coverage_table(user=national_auditor, query=period_query())
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                basra = complete(
                    HealthWorkerFactory(facility=country.b1, cadre=country.nurse),
                    country.a,
                    MONTHS[3],
                )
                refresh_after_completion(sender=Completion, completion=basra)
                raise RuntimeError("the import failed")
        except RuntimeError:
            pass
        refresh_after_completion(sender=Completion, completion=erbil)
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    trained = table.figures(country.e1.governorate_id, country.a.pk).trained
    assert trained == before.figures(country.e1.governorate_id, country.a.pk).trained + 1
