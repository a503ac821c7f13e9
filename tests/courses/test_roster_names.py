"""The trainer's roster finds, and the walk-in form warns of, a person typed in the other script."""

import pytest

from django.urls import reverse

from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


def test_the_roster_search_finds_an_arabic_record_typed_in_sorani(
    client, trainer, workshop, kirkuk_facility
):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="عمر حسين", name_latin="Omar Hussein")
    client.force_login(trainer)
    response = client.get(reverse("courses:roster", args=[workshop.pk]), {"q": "عومەر حوسێن"})
    assert "Omar Hussein" in response.content.decode()


def test_the_roster_search_finds_a_sorani_record_typed_in_arabic(
    client, trainer, workshop, kirkuk_facility
):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="ڕزگار ئەحمەد", name_latin="Rizgar")
    client.force_login(trainer)
    response = client.get(reverse("courses:roster", args=[workshop.pk]), {"q": "رزگار احمد"})
    assert "Rizgar" in response.content.decode()


def test_a_walk_in_typed_in_sorani_is_warned_of_the_arabic_record(
    client, trainer, workshop, kirkuk_facility
):
    known = HealthWorkerFactory(facility=kirkuk_facility, name_ar="محمد علي", name_latin="")
    client.force_login(trainer)
    data = {"name_ar": "محەمەد عەلی", "cadre": known.cadre_id, "facility": workshop.venue_id}
    html = client.post(reverse("courses:roster_walk_in", args=[workshop.pk]), data)
    assert "already registered" in html.content.decode()
    assert "محمد علي" in html.content.decode()
    assert not workshop.enrolments.exists()


def test_a_walk_in_with_a_different_name_is_registered_without_a_warning(
    client, trainer, workshop, kirkuk_facility
):
    known = HealthWorkerFactory(facility=kirkuk_facility, name_ar="حسن علي", name_latin="")
    client.force_login(trainer)
    data = {"name_ar": "حوسێن عەلی", "cadre": known.cadre_id, "facility": workshop.venue_id}
    response = client.post(reverse("courses:roster_walk_in", args=[workshop.pk]), data)
    assert response.status_code == 302
    assert workshop.enrolments.get().health_worker.name_ar == "حوسێن عەلی"
