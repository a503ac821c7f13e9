"""A person typed in the other script is found by the admin's search and its duplicate warning."""

import pytest

from django.urls import reverse

from tests.factories.workforce import HealthWorkerFactory, governorate

pytestmark = pytest.mark.django_db


def search(client, query) -> str:
    response = client.get(reverse("health_workers:index"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def kirkuk_client(client, kirkuk_staff_auditor):
    client.force_login(kirkuk_staff_auditor)
    return client


@pytest.mark.parametrize(
    ("registered", "typed"),
    [
        ("محمد علي حسين", "محەمەد"),
        ("عومەر عەبدوڵڵا", "عمر عبدالله"),
        ("حسين كريم", "حوسێن"),
        ("ڕزگار ئەحمەد", "رزگار احمد"),
    ],
)
def test_admin_search_finds_a_worker_typed_in_the_other_script(
    kirkuk_client, kirkuk_facility, registered, typed
):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar=registered, name_latin="Found Person")
    assert "Found Person" in search(kirkuk_client, typed)


def test_admin_search_does_not_confuse_hasan_and_husayn(kirkuk_client, kirkuk_facility):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="حسن علي", name_latin="Hasan Ali")
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="حسين علي", name_latin="Husayn Ali")
    html = search(kirkuk_client, "حوسێن")
    assert "Husayn Ali" in html
    assert "Hasan Ali" not in html


def test_admin_search_lists_the_exact_spelling_before_the_other_script(
    kirkuk_client, kirkuk_facility
):
    # Latin names sort the other way, so only the rank can put the exact spelling first.
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="محەمەد کەریم", name_latin="A Sorani")
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="محمد كريم", name_latin="B Arabic")
    html = search(kirkuk_client, "محمد كريم")
    assert html.index("B Arabic") < html.index("A Sorani")


def test_admin_search_finds_a_similar_spelling_the_skeleton_misses(kirkuk_client, kirkuk_facility):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="بهاء الدين", name_latin="Found Person")
    assert "Found Person" in search(kirkuk_client, "بەهائەدین")


def test_admin_search_in_the_other_script_never_reaches_outside_the_scope(
    kirkuk_client, basra_facility
):
    HealthWorkerFactory(facility=basra_facility, name_ar="محمد البصري", name_latin="Basra Person")
    assert "Basra Person" not in search(kirkuk_client, "محەمەد")


def test_admin_add_form_warns_of_the_same_person_registered_in_the_other_script(
    client, staff, kirkuk_facility
):
    existing = HealthWorkerFactory(facility=kirkuk_facility, name_ar="عمر حسين", name_latin="")
    client.force_login(staff("trainer", "governorate", governorate=governorate("KIR")))
    data = {
        "name_ar": "عومەر حوسێن",
        "name_latin": "",
        "cadre": existing.cadre_id,
        "facility": kirkuk_facility.pk,
    }
    warned = client.post(reverse("health_workers:add"), data).content.decode()
    assert "already in the registry" in warned
    assert "عمر حسين" in warned
    assert kirkuk_facility.health_workers.count() == 1
