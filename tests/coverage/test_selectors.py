import datetime
from decimal import Decimal

import pytest

from coverage import selectors
from tests.factories.workforce import directorate, governorate

pytestmark = pytest.mark.django_db


def figures_by_code(table, course):
    return {
        place.code: (
            table.figures(place.id, course.pk).trained,
            table.figures(place.id, course.pk).workforce,
            table.figures(place.id, course.pk).certificates,
        )
        for place in table.places
    }


def test_national_table_counts_each_worker_once_against_the_registry(
    country, national_auditor, period_query
):
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    figures = figures_by_code(table, country.a)
    assert figures["KIR"] == (2, 4, 1)
    assert figures["BAS"] == (1, 3, 1)
    assert figures["ERB"] == (1, 2, 0)
    assert figures["BGD"] == (2, 2, 0)
    total = table.totals[country.a.pk]
    assert (total.trained, total.workforce, total.certificates) == (6, 11, 2)
    assert round(total.share, 1) == 54.5


def test_second_course_is_counted_on_its_own(country, national_auditor, period_query):
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    figures = figures_by_code(table, country.b)
    assert figures["KIR"][0] == 1 and figures["ERB"][0] == 1 and figures["BAS"][0] == 0
    assert table.totals[country.b.pk].trained == 2


def test_repeat_completion_counts_once_but_alone_in_a_later_period(
    country, national_auditor, period_query
):
    early = period_query(end=datetime.date(2026, 3, 1))
    late = period_query(start=datetime.date(2026, 3, 1))
    kirkuk = governorate("KIR").pk
    early_table = selectors.coverage_table(user=national_auditor, query=early)
    late_table = selectors.coverage_table(user=national_auditor, query=late)
    assert early_table.figures(kirkuk, country.a.pk).trained == 2
    assert late_table.figures(kirkuk, country.a.pk).trained == 1


def test_cadre_filter_narrows_trained_and_workforce(country, national_auditor, period_query):
    query = period_query(cadres=(country.midwife.pk,))
    table = selectors.coverage_table(user=national_auditor, query=query)
    figures = figures_by_code(table, country.b)
    assert figures["ERB"][:2] == (1, 1)
    assert figures["KIR"][:2] == (0, 1)
    assert table.totals[country.b.pk].workforce == 2


def test_drill_down_to_directorate_lists_facilities(country, national_auditor, period_query):
    query = period_query(level="directorate", place_id=directorate("KIR").pk)
    table = selectors.coverage_table(user=national_auditor, query=query)
    figures = figures_by_code(table, country.a)
    assert figures == {"K1": (2, 3, 1), "K2": (0, 1, 0)}
    assert round(table.figures(country.k1.pk, country.a.pk).share, 1) == 66.7


def test_facility_level_lists_cadres(country, national_auditor, period_query):
    query = period_query(level="facility", place_id=country.k1.pk)
    table = selectors.coverage_table(user=national_auditor, query=query)
    assert figures_by_code(table, country.a) == {"nurse": (2, 2, 1), "midwife": (0, 1, 0)}


def test_trend_counts_complete_completions_per_month(country, national_auditor, period_query):
    months = selectors.coverage_trend(user=national_auditor, query=period_query())
    assert [n for _month, n in months] == [1, 2, 3, 1, 2, 0]
    assert months[0][0] == datetime.date(2026, 1, 1)


def test_knowledge_gain_averages_scores_per_governorate(country, national_auditor, period_query):
    gains = {
        g.place.code: g
        for g in selectors.knowledge_gain(user=national_auditor, query=period_query())
    }
    assert (gains["KIR"].pre_mean, gains["KIR"].post_mean) == (Decimal("45.0"), Decimal("85.0"))
    assert gains["KIR"].gain == Decimal("40.0")
    assert (gains["BAS"].pre_mean, gains["BAS"].post_mean) == (Decimal("60.0"), Decimal("70.0"))
    assert gains["ERB"].pre_mean is None


def test_gaps_list_untrained_facilities_largest_first(country, national_auditor, period_query):
    gaps_a = selectors.coverage_gaps(
        user=national_auditor, query=period_query(), course_id=country.a.pk
    )
    gaps_b = selectors.coverage_gaps(
        user=national_auditor, query=period_query(), course_id=country.b.pk
    )
    assert [(g.facility.code, g.workforce) for g in gaps_a] == [("K2", 1)]
    assert [g.facility.code for g in gaps_b] == ["B1", "GK", "GR", "K2"]
