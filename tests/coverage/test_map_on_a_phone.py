"""The map and the trend read on a phone: labels big enough, the busiest course first, the place
drilled into outlined."""

import re

import pytest

from django.urls import reverse

from tests.coverage.test_views import PERIOD, get
from tests.factories.courses import course_page
from tests.factories.workforce import directorate

pytestmark = pytest.mark.django_db

MAP = re.compile(r'<svg class="coverage-map".*?</svg>', re.S)


def test_the_national_map_opens_on_the_busiest_course_not_the_first_by_code(
    client, country, national_auditor
):
    course_page(title="Anaesthesia refresher", code="AAA-00")  # first by code, nobody trained
    html = get(client, national_auditor, reverse("coverage:index")).content.decode()
    heading = html.split('id="map-heading">')[1].split("</h2>")[0]
    assert "Infection prevention" in heading and "Anaesthesia" not in heading


def test_map_labels_are_at_least_12_units_on_the_400_unit_map(client, country, national_auditor):
    html = get(client, national_auditor, reverse("coverage:index")).content.decode()
    sizes = [int(size) for size in re.findall(r'font-size="(\d+)"', MAP.search(html).group())]
    assert sizes and min(sizes) >= 12  # about 10 px on a 360 px phone


def test_a_drill_down_outlines_its_governorate_on_the_map(client, country, national_auditor):
    national = get(client, national_auditor, reverse("coverage:index")).content.decode()
    kirkuk = directorate("KIR")
    query = f"{PERIOD}&level=directorate&place={kirkuk.pk}"
    drilled = get(client, national_auditor, reverse("coverage:index"), query).content.decode()
    assert "map-highlight" not in national
    assert drilled.count('class="map-highlight"') == 1
    assert 'aria-current="location"' in MAP.search(drilled).group()


def test_the_trend_chart_labels_at_most_six_months_in_readable_type(
    client, country, national_auditor
):
    query = "start=2025-01&end=2026-12"
    html = get(client, national_auditor, reverse("coverage:trend"), query).content.decode()
    chart = html.split('<svg class="chart"')[1].split("</svg>")[0]
    labels = [text for size, text in re.findall(r'font-size="(\d+)"[^>]*>([^<]*)<', chart) if text]
    assert 0 < len(labels) <= 6
    assert set(re.findall(r'font-size="(\d+)"', chart)) == {"11"}


def test_the_busiest_course_is_summed_once_and_the_next_view_opens_on_it_again(
    client, country, national_auditor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def busiest_sums(captured) -> int:
        return sum('AS "trained"' in query["sql"] for query in captured.captured_queries)

    with CaptureQueriesContext(connection) as first:
        get(client, national_auditor, reverse("coverage:index"))
    with CaptureQueriesContext(connection) as again:
        html = get(client, national_auditor, reverse("coverage:index")).content.decode()
    heading = html.split('id="map-heading">')[1].split("</h2>")[0]
    assert (busiest_sums(first), busiest_sums(again)) == (1, 0)
    assert "Infection prevention" in heading
