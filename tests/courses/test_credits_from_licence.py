"""CME cycles counted from each person's licence date, when their cadre's rule says so.

A three-year cadre of 60 hours; the worker was licensed on 2023-09-15, so on 2026-06-01 their cycle
runs from 2023-09-15 to 2026-09-14. Completions: 30 h on 2023-10-01 (in it; outside the calendar
cycle 2024-2026), 12 h on 2024-05-03 (in both), 8 h on 2026-09-20 (only in the calendar cycle).
"""

import datetime

import pytest

from django.urls import reverse

from courses import selectors
from tests.courses.test_credits import completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def licensed_worker(kirkuk_worker):
    cadre = kirkuk_worker.cadre
    cadre.cme_hours_per_cycle, cadre.cycle_years, cadre.cycles_from_licence = 60, 3, True
    cadre.save()
    kirkuk_worker.licensed_on = datetime.date(2023, 9, 15)
    kirkuk_worker.save()
    completion(kirkuk_worker, hours="30", on=datetime.date(2023, 10, 1))
    completion(kirkuk_worker, hours="12", on=datetime.date(2024, 5, 3))
    completion(kirkuk_worker, hours="8", on=datetime.date(2026, 9, 20))
    return kirkuk_worker


def test_the_cycle_runs_from_the_licence_date(licensed_worker):
    credits = selectors.credits_in_cycle(
        health_worker=licensed_worker, on=datetime.date(2026, 6, 1)
    )
    assert (credits.starts_on, credits.ends_on) == (
        datetime.date(2023, 9, 15), datetime.date(2026, 9, 14),
    )  # fmt: skip
    assert credits.from_workshops == 42


def test_a_cadre_without_the_rule_keeps_calendar_cycles(licensed_worker):
    licensed_worker.cadre.cycles_from_licence = False
    licensed_worker.cadre.save()
    credits = selectors.credits_in_cycle(
        health_worker=licensed_worker, on=datetime.date(2026, 6, 1)
    )
    assert (credits.starts_on, credits.from_workshops) == (datetime.date(2024, 1, 1), 20)


def test_a_licence_on_29_february_starts_later_cycles_on_28_february():
    bounds = selectors.cycle_bounds(
        cycle_years=1, on=datetime.date(2025, 3, 1), anchor=datetime.date(2024, 2, 29)
    )
    assert bounds == (datetime.date(2025, 2, 28), datetime.date(2026, 2, 27))


def test_my_learning_says_the_cycle_runs_from_the_licence_date(client, licensed_worker, user):
    licensed_worker.user = user
    licensed_worker.save()
    client.force_login(user)
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert "Your cycles run from your licence date: this one from" in page


def test_cycles_from_a_29_february_licence_leave_no_day_between_them():
    anchor = datetime.date(2024, 2, 29)
    first = selectors.cycle_bounds(cycle_years=1, on=datetime.date(2027, 3, 1), anchor=anchor)
    second = selectors.cycle_bounds(cycle_years=1, on=datetime.date(2028, 3, 1), anchor=anchor)
    assert first == (datetime.date(2027, 2, 28), datetime.date(2028, 2, 28))
    assert second[0] == datetime.date(2028, 2, 29)


def test_the_transcript_prints_the_licence_cycle_with_its_days(licensed_worker):
    facts = selectors.transcript_facts(health_worker=licensed_worker, on=datetime.date(2026, 6, 1))
    assert facts.cycle == "2023-09-15–2026-09-14"


def test_people_read_together_each_count_within_their_own_cycle(
    licensed_worker, django_assert_num_queries
):
    from tests.factories.workforce import HealthWorkerFactory
    from workforce.models import Cadre

    calendar_cadre = Cadre.objects.exclude(pk=licensed_worker.cadre_id).first()
    calendar_cadre.cme_hours_per_cycle, calendar_cadre.cycle_years = 60, 3
    calendar_cadre.cycles_from_licence = False
    calendar_cadre.save()
    others = [HealthWorkerFactory(cadre=calendar_cadre) for _ in range(3)]
    for worker in others:  # the same days as the licensed worker's completions
        for hours, day in (("30", (2023, 10, 1)), ("12", (2024, 5, 3)), ("8", (2026, 9, 20))):
            completion(worker, hours=hours, on=datetime.date(*day))
    people = [licensed_worker, *others]
    on = datetime.date(2026, 6, 1)
    alone = {
        worker.pk: selectors.credits_in_cycle(health_worker=worker, on=on) for worker in people
    }

    with django_assert_num_queries(2):  # completions and claims, whoever and however many
        together = selectors.credits_in_cycle_many(health_workers=people, on=on)

    assert together == alone
    assert together[licensed_worker.pk].from_workshops == 42  # 2023-09-15 to 2026-09-14
    assert {together[worker.pk].from_workshops for worker in others} == {20}  # 2024 to 2026
