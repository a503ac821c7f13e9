"""The coverage page's paired knowledge gain, by hand on the small country of conftest.py.

Basra had n4 at 60 → 70. A weak participant, n5, sits the pre-test of the same workshop month at 20
and misses the post-test. Group means: pre (60 + 20) / 2 = 40.0, post 70.0, gain 30.0. Paired:
only n4 sat both, so 10.0, 1 of 2.
"""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from coverage import selectors
from coverage.services import coverage_rebuild
from tests.coverage.test_exports import csv_rows, download
from tests.factories.courses import AssessmentScoreFactory, EnrolmentFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def weak_in_basra(country):
    day = datetime.date(2026, 4, 2)
    workshop = WorkshopFactory(course=country.a, venue=country.b1, starts_on=day, ends_on=day)
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=country.n5)
    AssessmentScoreFactory(enrolment=enrolment, kind="pre", score=Decimal("20"))
    coverage_rebuild()
    return country


def basra(user, query):
    gains = selectors.knowledge_gain(user=user, query=query)
    return next(gain for gain in gains if gain.place.code == "BAS")


def test_paired_gain_leaves_out_the_participant_who_missed_the_post_test(
    weak_in_basra, national_auditor, period_query
):
    gain = basra(national_auditor, period_query())
    assert (gain.pre_mean, gain.post_mean, gain.gain) == (
        Decimal("40.0"), Decimal("70.0"), Decimal("30.0"),
    )  # fmt: skip
    assert (gain.paired_gain, gain.paired_count, gain.tested_count) == (Decimal("10.0"), 1, 2)


def test_knowledge_page_shows_paired_gain_and_how_many_had_both(
    client, weak_in_basra, national_auditor
):
    client.force_login(national_auditor)
    page = client.get(reverse("coverage:knowledge") + "?start=2026-01&end=2026-06").content.decode()
    row = page[page.index('<th scope="row">Basra</th>') :]
    row = row[: row.index("</tr>")]
    assert "<td>40.0</td><td>70.0</td><td>30.0</td>" in row
    assert "<td>10.0</td><td>1 of 2</td>" in row


def test_knowledge_export_has_the_paired_columns(client, weak_in_basra, national_auditor):
    rows = csv_rows(download(client, national_auditor, "knowledge", "csv"))
    assert rows[0][-3:] == [
        "Paired gain (points)", "Participants with both tests", "Participants tested",
    ]  # fmt: skip
    assert next(row for row in rows if row[0] == "BAS")[2:] == [
        "40.0", "70.0", "30.0", "2", "1", "10.0", "1", "2",
    ]  # fmt: skip
