"""Coverage counting only training still valid on a day, against a hand count.

Course C (basic life support) is valid 12 months; the period is 2026-01 to 2026-06 (conftest);
the day asked is 2027-02-15.

| worker (facility, governorate) | completions of C         | valid until            | counts |
| n1 (K1, Kirkuk)                | 2026-01-10, 2026-03-01   | 2027-01-10, 2027-03-01 | yes    |
| n2 (K1, Kirkuk)                | 2026-02-01               | 2027-02-01 (expired)   | no     |
| n4 (B1, Basra)                 | 2026-02-15               | 2027-02-15 (last day)  | yes    |
| n6 (E1, Erbil)                 | 2026-02-14               | 2027-02-14 (expired)   | no     |
| n3 (K2, Kirkuk)                | 2025-03-01 (before)      | 2026-03-01             | no     |

So Kirkuk 1 of 2, Basra 1 of 1, Erbil 0 of 1; course A (no validity) keeps its figures.
"""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from coverage import selectors
from coverage.services import coverage_rebuild
from tests.coverage.conftest import complete
from tests.coverage.test_exports import csv_rows
from tests.factories.courses import course_page
from tests.factories.workforce import governorate

pytestmark = pytest.mark.django_db

ASKED = datetime.date(2027, 2, 15)


@pytest.fixture
def bls(country):
    course = course_page(title="Basic life support", code="BLS-01", validity_months=12)
    day = datetime.date
    for worker, done in [
        ("n1", day(2026, 1, 10)), ("n1", day(2026, 3, 1)), ("n2", day(2026, 2, 1)),
        ("n4", day(2026, 2, 15)), ("n6", day(2026, 2, 14)), ("n3", day(2025, 3, 1)),
    ]:  # fmt: skip
        complete(getattr(country, worker), course, done)
    coverage_rebuild()
    return course


def _trained(user, query, course) -> dict[str, int]:
    table = selectors.coverage_table(user=user, query=query)
    return {
        place.code: table.figures(place.id, course.id).trained
        for place in table.places
        if place.code in ("KIR", "BAS", "ERB")
    }


def test_valid_today_counts_only_workers_with_training_still_valid(
    bls, national_auditor, period_query
):
    query = period_query(courses=(bls.pk,), valid_on=ASKED)

    assert _trained(national_auditor, query, bls) == {"KIR": 1, "BAS": 1, "ERB": 0}
    assert selectors.coverage_table(user=national_auditor, query=query).totals[bls.pk].trained == 2


def test_without_valid_today_every_completion_counts(bls, national_auditor, period_query):
    query = period_query(courses=(bls.pk,))

    assert _trained(national_auditor, query, bls) == {"KIR": 2, "BAS": 1, "ERB": 1}


def test_valid_today_leaves_a_course_without_validity_as_it_was(
    bls, country, national_auditor, period_query
):
    every = _trained(national_auditor, period_query(courses=(country.a.pk,)), country.a)
    valid = _trained(
        national_auditor, period_query(courses=(country.a.pk,), valid_on=ASKED), country.a
    )

    assert valid == every == {"KIR": 2, "BAS": 1, "ERB": 1}


def test_valid_today_drilled_into_kirkuk_counts_by_facility_in_scope(
    bls, country, national_auditor, period_query
):
    kirkuk = governorate("KIR")
    query = period_query(courses=(bls.pk,), valid_on=ASKED, level="governorate", place_id=kirkuk.pk)
    table = selectors.coverage_table(user=national_auditor, query=query)

    assert table.totals[bls.pk].trained == 1


def test_valid_today_makes_a_facility_whose_training_all_expired_a_gap(
    bls, country, national_auditor, period_query
):
    def gaps(**fields):
        query = period_query(courses=(bls.pk,), **fields)
        found = selectors.coverage_gaps(user=national_auditor, query=query, course_id=bls.pk)
        return {gap.facility.code for gap in found}

    assert "E1" in gaps(valid_on=ASKED) and "E1" not in gaps()
    assert "K1" not in gaps(valid_on=ASKED)


def test_valid_today_export_and_page_count_only_valid_training(client, country, national_auditor):
    today = timezone.localdate()
    course = course_page(title="Basic life support", code="BLS-01", validity_months=12)
    complete(country.n5, course, today - datetime.timedelta(days=400))  # expired
    complete(country.n7, course, today - datetime.timedelta(days=100))  # valid
    coverage_rebuild()
    start = (today - datetime.timedelta(days=400)).strftime("%Y-%m")
    query = f"start={start}&end={today:%Y-%m}&courses={course.pk}"
    client.force_login(national_auditor)

    def basra(extra=""):
        url = reverse("coverage:export", args=["table", "csv"])
        rows = csv_rows(client.get(f"{url}?{query}{extra}"))
        return next(row for row in rows if row[0] == "BAS")[4]

    assert (basra(), basra("&valid_today=on")) == ("2", "1")
    page = client.get(f"{reverse('coverage:index')}?{query}&valid_today=on").content.decode()
    assert 'id="valid-today-note"' in page
    assert 'id="id_valid_today" value="on" checked' in page


def test_valid_today_on_courses_without_validity_adds_only_an_index_look_up_to_the_national_page(
    client, country, national_auditor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(national_auditor)
    url = f"{reverse('coverage:index')}?start=2026-01&end=2026-06"
    client.get(url)  # warm: sessions and the busiest course, remembered per query
    client.get(url + "&valid_today=on")

    def queries(extra=""):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url + extra).status_code == 200
        return [query["sql"] for query in captured]

    plain, valid = queries(), queries("&valid_today=on")
    extra = [sql for sql in valid if "valid_until" in sql]
    # Only "does any shown course expire?" (for the table, and the map when drawn) is added.
    assert 1 <= len(extra) <= 2 and len(valid) == len(plain) + len(extra)
    assert all("IS NOT NULL" in sql for sql in extra)
