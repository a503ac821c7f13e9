"""A person recorded twice counts once after the merge, in the trained and in the workforce.

Basra's B1 has n4, n5 and n7 (nurses); n4 completed course A in April 2026. Here n5 turns out to
be n4 recorded twice and completes A again in May: two of three trained, by the records. Merged,
the person is one of two, trained once; undone, the figures are two of three again.
"""

import datetime

import pytest

from django.db import transaction

from coverage import selectors
from coverage.services import coverage_rebuild
from tests.coverage.conftest import complete
from tests.factories.workforce import staff_user
from workforce.merging.services import health_worker_merge, health_worker_merge_undo

pytestmark = pytest.mark.django_db


def basra(user, query, course):
    table = selectors.coverage_table(user=user, query=query)
    place = next(place for place in table.places if place.code == "BAS")
    figures = table.figures(place.id, course.pk)
    return figures.trained, figures.workforce


@pytest.fixture
def twice(country):
    complete(country.n5, country.a, datetime.date(2026, 5, 6), venue=country.b1)
    coverage_rebuild()
    return country


def test_a_merged_duplicate_counts_once_and_counts_twice_again_after_undo(
    twice, national_auditor, period_query, django_capture_on_commit_callbacks
):
    assert basra(national_auditor, period_query(), twice.a) == (2, 3)
    admin = staff_user("administrator", "national")
    with django_capture_on_commit_callbacks(execute=True):
        record = health_worker_merge(survivor=twice.n4, merged=twice.n5, actor=admin, choices={})
    assert basra(national_auditor, period_query(), twice.a) == (1, 2)
    # A real commit empties the list of callbacks it ran; the test's one transaction does not.
    transaction.get_connection().run_on_commit.clear()
    with django_capture_on_commit_callbacks(execute=True):
        health_worker_merge_undo(record=record, actor=admin)
    assert basra(national_auditor, period_query(), twice.a) == (2, 3)
