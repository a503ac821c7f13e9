"""Coverage pages in Kurdish mark a course title that has no Kurdish version as English."""

import pytest

from django.urls import reverse
from django.utils.translation import override

from tests.factories.course_pages import translation_of

pytestmark = pytest.mark.django_db

PERIOD = "start=2026-01&end=2026-06"


def _gaps_in_kurdish(client, user, course, other) -> str:
    client.force_login(user)
    with override("ckb"):
        url = reverse("coverage:gaps")
    query = f"{PERIOD}&courses={course.pk}&courses={other.pk}&focus={course.pk}"
    return client.get(f"{url}?{query}").content.decode()


def test_an_untranslated_course_on_the_kurdish_gaps_page_is_marked_english(
    client, country, national_auditor
):
    html = _gaps_in_kurdish(client, national_auditor, country.a, country.b)
    assert f'<bdi lang="en" dir="ltr">{country.a.title}</bdi>' in html
    assert f'<option value="{country.a.pk}" lang="en" dir="ltr" selected>' in html
    assert f'<option value="{country.b.pk}" lang="en" dir="ltr">' in html


def test_a_translated_course_on_the_kurdish_gaps_page_is_in_kurdish_unmarked(
    client, country, national_auditor
):
    translation_of(country.a, language="ckb", title="ڕێگری لە تووشبوون")
    html = _gaps_in_kurdish(client, national_auditor, country.a, country.b)
    assert "<bdi>ڕێگری لە تووشبوون</bdi>" in html
    assert country.a.title not in html.split("<main", 1)[1]
