import csv
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from coverage import selectors
from coverage.models import CoverageExport
from tests.factories.workforce import directorate, governorate

pytestmark = pytest.mark.django_db

PERIOD = "start=2026-01&end=2026-06"


def csv_text(client, user, view, query=""):
    client.force_login(user)
    response = client.get(f"{reverse('coverage:export', args=[view, 'csv'])}?{PERIOD}{query}")
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_kurdistan_auditor_sees_only_the_four_kurdistan_governorates(
    country, kri_auditor, period_query
):
    table = selectors.coverage_table(user=kri_auditor, query=period_query())
    assert sorted(place.code for place in table.places) == ["DOH", "ERB", "HAL", "SUL"]
    total = table.totals[country.a.pk]
    assert (total.trained, total.workforce, total.certificates) == (1, 2, 0)


def test_kurdistan_auditor_export_totals_hold_nothing_from_elsewhere(client, country, kri_auditor):
    rows = list(csv.reader(io.StringIO(csv_text(client, kri_auditor, "table"))))
    totals = [row for row in rows if row[1] == "Total"]
    assert [row[4:7] for row in totals] == [["1", "2", "50.0"], ["1", "2", "50.0"]]
    assert not any(row[0] in {"KIR", "BAS", "BGD"} for row in rows)


def test_directorate_auditor_sees_only_their_directorate(country, karkh_auditor, period_query):
    table = selectors.coverage_table(user=karkh_auditor, query=period_query())
    assert [place.code for place in table.places] == ["BGD"]
    assert table.totals[country.a.pk].trained == 1
    assert table.totals[country.a.pk].workforce == 1
    trend = selectors.coverage_trend(user=karkh_auditor, query=period_query())
    assert sum(n for _month, n in trend) == 1


def test_directorate_auditor_gets_404_for_places_outside(client, country, karkh_auditor):
    client.force_login(karkh_auditor)
    url = reverse("coverage:index")
    rusafa, kirkuk = directorate("BGD-RSF").pk, governorate("KIR").pk
    assert client.get(f"{url}?level=directorate&place={rusafa}").status_code == 404
    assert client.get(f"{url}?level=governorate&place={kirkuk}").status_code == 404
    assert client.get(f"{url}?level=facility&place={country.gr.pk}").status_code == 404
    assert client.get(f"{url}?level=facility&place={country.gk.pk}").status_code == 200


def test_directorate_auditor_gaps_dhis2_and_facility_exports_stay_inside(
    client, country, karkh_auditor
):
    gaps = csv_text(client, karkh_auditor, "gaps", f"&courses={country.b.pk}")
    assert "GK" in gaps and "GR" not in gaps and "B1" not in gaps
    response = client.get(f"{reverse('coverage:dhis2')}?{PERIOD}")
    assert {value["orgUnit"] for value in response.json()["dataValues"]} == {"GK"}


def test_governorate_drill_down_of_a_directorate_auditor_shows_their_directorate_only(
    client, country, karkh_auditor
):
    client.force_login(karkh_auditor)
    baghdad = governorate("BGD").pk
    html = client.get(f"{reverse('coverage:index')}?{PERIOD}&level=governorate&place={baghdad}")
    text = html.content.decode()
    assert "Karkh" in text and "Rusafa" not in text


def test_kurdistan_auditor_trend_knowledge_and_xlsx_hold_only_kurdistan(
    client, country, kri_auditor, period_query
):
    trend = selectors.coverage_trend(user=kri_auditor, query=period_query())
    assert [n for _month, n in trend] == [0, 0, 0, 0, 2, 0]
    gains = selectors.knowledge_gain(user=kri_auditor, query=period_query())
    assert sorted(g.place.code for g in gains) == ["DOH", "ERB", "HAL", "SUL"]
    assert all(g.pre_count == 0 and g.post_count == 0 for g in gains)
    client.force_login(kri_auditor)
    response = client.get(f"{reverse('coverage:export', args=['table', 'xlsx'])}?{PERIOD}")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    codes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert codes == {"DOH", "ERB", "HAL", "SUL", None}


def test_directorate_auditor_background_export_holds_only_their_facilities(
    client, country, karkh_auditor, django_capture_on_commit_callbacks
):
    client.force_login(karkh_auditor)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"{reverse('coverage:export', args=['facilities', 'csv'])}?{PERIOD}")
    job = CoverageExport.objects.get(user=karkh_auditor)
    response = client.get(reverse("coverage:export_download", args=[job.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["GK"]
    assert rows[1][6:] == ["1", "1", "100.0"]
