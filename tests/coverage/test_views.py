import json
import re

import pytest

from django.urls import reverse

from coverage.charts import OUTSIDE_SCOPE, shade
from tests.factories.workforce import FacilityFactory, RoleAssignmentFactory, directorate

pytestmark = pytest.mark.django_db

PERIOD = "start=2026-01&end=2026-06"


def get(client, user, url, query=PERIOD):
    client.force_login(user)
    return client.get(f"{url}?{query}")


def test_national_page_shows_hand_counted_totals(client, country, national_auditor):
    response = get(
        client, national_auditor, reverse("coverage:index"), f"{PERIOD}&courses={country.a.pk}"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-figure="trained">6<' in html and 'data-figure="workforce">11<' in html
    assert "54.5%" in html and "Kirkuk" in html and "Basra" in html


def test_drill_down_link_leads_to_directorates_then_facilities(client, country, national_auditor):
    page = get(
        client, national_auditor, reverse("coverage:index"), f"{PERIOD}&courses={country.a.pk}"
    )
    assert "level=governorate" in page.content.decode()
    kir = directorate("KIR")
    query = f"{PERIOD}&courses={country.a.pk}&level=directorate&place={kir.pk}"
    html = get(client, national_auditor, reverse("coverage:index"), query).content.decode()
    assert "Kirkuk One" in html and "66.7%" in html and "level=facility" in html


def test_arabic_digits_in_the_period_are_accepted(client, country, national_auditor):
    response = get(client, national_auditor, reverse("coverage:index"), "start=٢٠٢٦-٠١&end=٢٠٢٦-٠٦")
    assert response.status_code == 200
    assert "2026-01" in response.content.decode()


def test_bad_period_is_explained(client, country, national_auditor):
    response = get(client, national_auditor, reverse("coverage:index"), "start=2026-06&end=2026-01")
    assert response.status_code == 400
    assert "The last month comes before the first." in response.content.decode()


def test_user_without_audit_role_gets_404(client, country):
    trainer = RoleAssignmentFactory(role="trainer", level="national").user
    assert get(client, trainer, reverse("coverage:index")).status_code == 404


def test_page_is_right_to_left_in_arabic_and_kurdish(client, country, national_auditor):
    client.force_login(national_auditor)
    for language in ("ar", "ckb"):
        html = client.get(f"/{language}/coverage/?{PERIOD}").content.decode()
        assert 'dir="rtl"' in html


def test_gaps_trend_and_knowledge_pages_show_their_tables(client, country, national_auditor):
    query = f"{PERIOD}&courses={country.a.pk}"
    gaps = get(client, national_auditor, reverse("coverage:gaps"), query).content.decode()
    trend = get(client, national_auditor, reverse("coverage:trend"), query).content.decode()
    knowledge = get(client, national_auditor, reverse("coverage:knowledge"), query).content.decode()
    assert "Kirkuk Two" in gaps and "Basra One" not in gaps
    assert "<svg" in trend and "2026-03" in trend
    assert "45.0" in knowledge and "85.0" in knowledge and "<svg" in knowledge


def test_map_shades_governorates_in_scope_only(client, country, kri_auditor):
    html = get(client, kri_auditor, reverse("coverage:index"), f"{PERIOD}&courses={country.a.pk}")
    text = html.content.decode()
    assert "Erbil: 50.0%" in text
    assert "Kirkuk: " not in text


def test_map_draws_all_19_governorates_shaded_by_their_coverage(client, country, kri_auditor):
    html = get(client, kri_auditor, reverse("coverage:index"), f"{PERIOD}&courses={country.a.pk}")
    shapes = {
        title: fill
        for fill, title in re.findall(
            r'<path d="M[^"]+" fill="(#[0-9a-f]{6})"[^>]*><title>([^<]+)</title>',
            html.content.decode(),
        )
    }
    assert len(shapes) == 19
    assert shapes["Erbil: 50.0%"] == shade(50.0)  # one of Erbil's two workers trained
    assert shapes["Duhok: —"] == shade(None)  # no workforce registered: no share
    assert shapes["Kirkuk"] == shapes["Basra"] == OUTSIDE_SCOPE


def test_dhis2_document_has_monthly_values_per_facility_course_and_cadre(
    client, country, national_auditor
):
    response = get(
        client, national_auditor, reverse("coverage:dhis2"), f"{PERIOD}&courses={country.a.pk}"
    )
    values = {
        (v["orgUnit"], v["period"], v["categoryOptionCombo"]): v["value"]
        for v in response.json()["dataValues"]
    }
    assert values[("K1", "202601", "nurse")] == "1"
    assert values[("K1", "202602", "nurse")] == "1"
    assert values[("K1", "202603", "nurse")] == "1"
    assert ("K2", "202506", "nurse") not in values
    assert {v["dataElement"] for v in response.json()["dataValues"]} == {"CME_TRAINED_IPC-01"}


def test_every_view_links_to_its_own_downloads(client, country, national_auditor):
    views = [("index", "table"), ("gaps", "gaps"), ("trend", "trend"), ("knowledge", "knowledge")]
    for name, view in views:
        html = get(client, national_auditor, reverse(f"coverage:{name}")).content.decode()
        for file_format in ("csv", "xlsx"):
            assert reverse("coverage:export", args=[view, file_format]) in html


def chart_data(html: str) -> dict:
    return json.loads(re.search(r'<script id="chart-data" type="application/json">(.*?)</script>',
                                html, re.S).group(1))  # fmt: skip


def test_trend_chart_data_for_the_vendored_library_matches_its_table(
    client, country, national_auditor
):
    html = get(client, national_auditor, reverse("coverage:trend")).content.decode()
    assert "coverage/vendor/chartist/chartist.umd.js" in html
    data = chart_data(html)
    assert data["labels"] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    assert data["series"] == [[1, 2, 3, 1, 2, 0]]
    assert '<th scope="row">2026-03</th><td>3</td>' in html


def test_coverage_and_knowledge_charts_hold_the_hand_counted_figures(
    client, country, national_auditor
):
    query = f"{PERIOD}&courses={country.a.pk}"
    coverage = chart_data(
        get(client, national_auditor, reverse("coverage:index"), query).content.decode()
    )
    shares = dict(zip(coverage["labels"], coverage["series"][0], strict=True))
    assert (shares["Kirkuk"], shares["Basra"], shares["Erbil"]) == (50.0, 33.3, 50.0)
    knowledge = chart_data(
        get(client, national_auditor, reverse("coverage:knowledge"), query).content.decode()
    )
    kirkuk = knowledge["labels"].index("Kirkuk")
    assert [series[kirkuk] for series in knowledge["series"]] == [45.0, 85.0]


def test_a_large_directorate_pages_its_facilities_but_totals_cover_them_all(
    client, country, national_auditor
):
    kirkuk = directorate("KIR")
    for number in range(100):
        FacilityFactory(directorate=kirkuk, code=f"KX{number:03d}", name_en=f"Kirkuk X{number:03d}")
    query = f"{PERIOD}&courses={country.a.pk}&level=directorate&place={kirkuk.pk}"
    first = get(client, national_auditor, reverse("coverage:index"), query).content.decode()
    second = get(client, national_auditor, reverse("coverage:index"), f"{query}&rows=2")
    assert "Places 1 to 100 of 102; totals cover them all." in first
    assert "Kirkuk X099" not in first and "Kirkuk X099" in second.content.decode()
    for html in (first, second.content.decode()):
        assert 'data-figure="trained">2<' in html and 'data-figure="workforce">4<' in html


def test_each_course_offers_to_be_shown_on_the_map(client, country, national_auditor):
    html = get(client, national_auditor, reverse("coverage:index")).content.decode()
    assert "Coverage of <bdi>Infection prevention</bdi> by governorate" in html
    link = re.search(r'href="\?([^"]+)" data-focus="OXY-01"', html).group(1).replace("&amp;", "&")
    focused = get(client, national_auditor, reverse("coverage:index"), link).content.decode()
    assert "Coverage of <bdi>Medical oxygen</bdi> by governorate" in focused
    assert "Kirkuk: 25.0%" in focused and "Erbil: 50.0%" in focused


def test_map_of_links_is_a_labelled_group_whose_links_name_their_governorate(
    client, country, kri_auditor
):
    html = get(client, kri_auditor, reverse("coverage:index"), f"{PERIOD}&courses={country.a.pk}")
    svg = re.search(r"<svg class=\"coverage-map\"[^>]*>", html.content.decode()).group(0)
    assert 'role="group"' in svg and 'aria-labelledby="map-title"' in svg
    assert 'role="img"' not in svg
    assert re.search(r'<a href="[^"]+" aria-label="Erbil: 50.0%">', html.content.decode())


def test_the_map_of_a_course_off_the_page_shows_the_same_figures_as_on_it(
    client, country, national_auditor
):
    # Ten courses sort before the busiest one, which the map opens on: its table is on the
    # second page of courses, its map (drawn with the first page's queries) on the first.
    from tests.factories.courses import course_page

    for number in range(10):
        course_page(title=f"Another course {number}", code=f"AAA-{number:02d}")
    first_page = get(client, national_auditor, reverse("coverage:index")).content.decode()
    assert "Coverage of <bdi>Infection prevention</bdi> by governorate" in first_page
    assert f'id="course-{country.a.pk}"' not in first_page

    on_its_page = get(
        client, national_auditor, reverse("coverage:index"), f"{PERIOD}&courses={country.a.pk}"
    ).content.decode()

    def map_labels(html):
        return re.findall(r'aria-label="([^"]+: [^"]+)"', html.split("coverage-map", 1)[1])

    assert map_labels(first_page) == map_labels(on_its_page)
    assert "Kirkuk: 50.0%" in map_labels(first_page)
