"""Coverage by provider, by hand on the small country of conftest.py (period 2026-01 to 2026-06).

WHO leads the workshops of n1's January A (Kirkuk) and n4's A (Basra) and partners n6's A (Erbil)
and n1's March A: for WHO, Kirkuk has 1 of 4 trained in A (n1 once, though twice with WHO), Basra
1 of 3, Erbil 1 of 2. The ministry leads only n2's A: Kirkuk 1 of 4 for it, Basra 0.
"""

import datetime

import pytest

from django.urls import reverse
from django.utils.translation import override

from courses.models import Completion
from coverage import selectors
from coverage.services import coverage_rebuild
from tests.coverage.test_exports import csv_rows, download
from tests.factories.providers import ProviderFactory
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


def _workshop(worker, day):
    return Completion.objects.get(health_worker=worker, completed_on=day).workshop


@pytest.fixture
def providers(country):
    who = ProviderFactory(code="who", name_en="WHO", name_ar="منظمة الصحة العالمية",
                          name_ckb="ڕێکخراوی تەندروستی جیهانی")  # fmt: skip
    moh = ProviderFactory(code="moh", name_en="Ministry of Health")
    day = datetime.date
    for worker, when in ((country.n1, day(2026, 1, 15)), (country.n4, day(2026, 4, 2))):
        workshop = _workshop(worker, when)
        workshop.lead_provider = who
        workshop.save()
    _workshop(country.n6, day(2026, 5, 2)).partners.add(who)
    _workshop(country.n1, day(2026, 3, 10)).partners.add(who)
    n2 = _workshop(country.n2, day(2026, 2, 5))
    n2.lead_provider = moh
    n2.save()
    coverage_rebuild()
    return who, moh


def _by_code(user, query, course):
    table = selectors.coverage_table(user=user, query=query)
    cells = {place.code: table.figures(place.id, course.pk) for place in table.places}
    return {code: (figures.trained, figures.workforce) for code, figures in cells.items()}


def test_coverage_of_a_provider_counts_its_workshops_and_the_same_workforce(
    providers, country, national_auditor, period_query
):
    who, moh = providers
    figures = _by_code(national_auditor, period_query(provider=who.pk), country.a)
    assert (figures["KIR"], figures["BAS"], figures["ERB"]) == ((1, 4), (1, 3), (1, 2))
    figures = _by_code(national_auditor, period_query(provider=moh.pk), country.a)
    assert (figures["KIR"], figures["BAS"]) == ((1, 4), (0, 3))


def test_without_a_provider_the_figures_are_the_registrys(
    providers, country, national_auditor, period_query
):
    figures = _by_code(national_auditor, period_query(), country.a)
    assert (figures["KIR"], figures["BAS"]) == ((2, 4), (1, 3))


def test_the_export_honours_the_provider(client, providers, country, national_auditor):
    who, _moh = providers
    query = f"&courses={country.a.pk}&provider={who.pk}"
    rows = csv_rows(download(client, national_auditor, "table", "csv", query))
    kirkuk = next(row for row in rows if row[0] == "KIR")
    assert kirkuk[4:] == ["1", "4", "25.0", "1"]


@pytest.mark.parametrize(
    ("language", "label", "name"),
    [("en", "Provider", "WHO"), ("ar", "الجهة المنفذة", "منظمة الصحة العالمية"),
     ("ckb", "دابینکەر", "ڕێکخراوی تەندروستی جیهانی")],
)  # fmt: skip
def test_the_coverage_page_offers_the_provider_filter_in_the_readers_language(
    client, providers, national_auditor, language, label, name
):
    client.force_login(national_auditor)
    with override(language):
        url = reverse("coverage:index")
    page = client.get(f"{url}?start=2026-01&end=2026-06&provider={providers[0].pk}").content
    page = page.decode()
    assert f'<label for="id_provider">{label}:</label>' in page
    assert 'id="provider-note"' in page and name in page


def test_naming_a_provider_on_the_workshop_page_moves_its_completions_into_its_coverage(
    client, providers, country, national_auditor, period_query, django_capture_on_commit_callbacks
):
    _who, moh = providers
    workshop = _workshop(country.n4, datetime.date(2026, 4, 2))
    trainer = RoleAssignmentFactory(role="trainer", level="national").user
    client.force_login(trainer)
    url = reverse("courses:workshop_providers", args=[workshop.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"lead_provider": moh.pk}).status_code == 302
    figures = _by_code(national_auditor, period_query(provider=moh.pk), country.a)
    assert figures["BAS"] == (1, 3)
