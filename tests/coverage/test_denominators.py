"""Who the coverage denominators count, by hand on the small country of conftest.py.

Basra (B1) has three verified nurses, n4 trained in course A in April 2026: 1 of 3. Then an
unverified walk-in (a fourth nurse at B1) is added, and n7 leaves on 2025-12-20, before the period
(2026-01 to 2026-06): the workforce is 2 (n4, n5) and coverage 50 %. For a period from 2025-12, n7
still counts: the workforce is 3.
"""

import datetime

import pytest

from django.urls import reverse

from coverage import selectors
from coverage.services import coverage_rebuild
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def basra_changed(country):
    HealthWorkerFactory(facility=country.b1, cadre=country.nurse, is_verified=False)
    country.n7.is_active, country.n7.left_on = False, datetime.date(2025, 12, 20)
    country.n7.save()
    coverage_rebuild()
    return country


def basra(table, course):
    place = next(place for place in table.places if place.code == "BAS")
    return table.figures(place.id, course.pk)


def test_before_any_change_basra_counts_three_workers(country, national_auditor, period_query):
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    figures = basra(table, country.a)
    assert (figures.trained, figures.workforce) == (1, 3)


def test_unverified_walk_in_and_leaver_before_the_period_leave_the_denominator(
    basra_changed, national_auditor, period_query
):
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    figures = basra(table, basra_changed.a)
    assert (figures.trained, figures.workforce, round(figures.share, 1)) == (1, 2, 50.0)


def test_a_leaver_still_counts_in_a_period_that_began_before_they_left(
    basra_changed, national_auditor, period_query
):
    query = period_query(start=datetime.date(2025, 12, 1))
    figures = basra(selectors.coverage_table(user=national_auditor, query=query), basra_changed.a)
    assert figures.workforce == 3


def test_an_unverified_workers_completion_is_not_counted_as_trained(
    country, national_auditor, period_query
):
    country.n4.is_verified = False
    country.n4.save()
    coverage_rebuild()
    table = selectors.coverage_table(user=national_auditor, query=period_query())
    figures = basra(table, country.a)
    assert (figures.trained, figures.workforce) == (0, 2)


def test_coverage_page_shows_the_changed_workforce_and_says_who_counts(
    client, basra_changed, national_auditor
):
    client.force_login(national_auditor)
    url = reverse("coverage:index") + f"?start=2026-01&end=2026-06&courses={basra_changed.a.pk}"
    page = client.get(url).content.decode()
    assert 'id="denominator-note"' in page
    assert "verified health workers of the registry who had not left before the period" in page
    row = page[page.index(">Basra<") :]
    assert "50.0" in row[: row.index("</tr>")]
