"""What staff users see of the registry in Wagtail's admin: lists, search, exports and records."""

import io

import openpyxl
import pytest

from django.urls import reverse

from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db


def page(client, url_name, *args, **params):
    response = client.get(reverse(url_name, args=args), params)
    assert response.status_code == 200
    return response.content.decode()


def export_csv(client, url_name, **params):
    response = client.get(reverse(url_name), {"export": "csv", **params})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def export_xlsx_cells(client, url_name):
    response = client.get(reverse(url_name), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return {str(cell.value) for row in sheet.iter_rows() for cell in row}


@pytest.fixture
def kirkuk_client(client, kirkuk_staff_auditor):
    client.force_login(kirkuk_staff_auditor)
    return client


def test_kirkuk_auditor_lists_kirkuk_workers_but_not_basra_workers(
    kirkuk_client, kirkuk_worker, basra_worker
):
    html = page(kirkuk_client, "health_workers:index")
    assert "Ahmed Kirkuki" in html
    assert "Zainab Basri" not in html


def test_kirkuk_auditor_search_in_either_script_never_reaches_basra(
    kirkuk_client, kirkuk_worker, basra_worker
):
    assert "Ahmed Kirkuki" in page(kirkuk_client, "health_workers:index", q="احمد")
    assert "Ahmed Kirkuki" in page(kirkuk_client, "health_workers:index", q="ahmed")
    assert "Zainab Basri" not in page(kirkuk_client, "health_workers:index", q="زينب")
    assert "Ahmed Kirkuki" not in page(kirkuk_client, "health_workers:index", q="زينب")
    assert "Basra Teaching Hospital" not in page(kirkuk_client, "facilities:index", q="hospital")


def test_kirkuk_auditor_exports_of_workers_hold_no_basra_row(
    kirkuk_client, kirkuk_worker, basra_worker
):
    csv_text = export_csv(kirkuk_client, "health_workers:index")
    assert "Ahmed Kirkuki" in csv_text and "Zainab Basri" not in csv_text
    cells = export_xlsx_cells(kirkuk_client, "health_workers:index")
    assert "Ahmed Kirkuki" in cells and "Zainab Basri" not in cells


def test_kirkuk_auditor_exports_of_facilities_hold_no_basra_row(
    kirkuk_client, kirkuk_facility, basra_facility
):
    csv_text = export_csv(kirkuk_client, "facilities:index")
    assert "Kirkuk General Hospital" in csv_text
    assert "Basra" not in csv_text


def test_kirkuk_auditor_gets_404_on_every_url_of_a_basra_worker(
    kirkuk_client, basra_worker, kirkuk_worker
):
    for view in ("inspect", "edit", "delete", "history", "usage"):
        url = reverse(f"health_workers:{view}", args=[basra_worker.pk])
        assert kirkuk_client.get(url).status_code == 404, view
    assert "Ahmed Kirkuki" in page(kirkuk_client, "health_workers:inspect", kirkuk_worker.pk)


def test_kirkuk_auditor_gets_404_on_basra_facility_directorate_and_governorate(
    kirkuk_client, basra_facility
):
    for url_name, pk in [
        ("facilities:inspect", basra_facility.pk),
        ("facilities:edit", basra_facility.pk),
        ("directorates:edit", directorate("BAS").pk),
        ("governorates:edit", governorate("BAS").pk),
    ]:
        assert kirkuk_client.get(reverse(url_name, args=[pk])).status_code == 404, url_name


def test_kirkuk_auditor_filters_offer_no_place_outside_kirkuk(kirkuk_client, kirkuk_worker):
    html = page(kirkuk_client, "health_workers:index")
    assert governorate("KIR").name_en in html
    assert governorate("BAS").name_en not in html
    assert directorate("BAS").name_en not in html


def test_kirkuk_auditor_may_not_post_an_edit_to_a_basra_worker(kirkuk_client, basra_worker):
    url = reverse("health_workers:edit", args=[basra_worker.pk])
    assert kirkuk_client.post(url, {"name_latin": "Changed"}).status_code == 404
    basra_worker.refresh_from_db()
    assert basra_worker.name_latin == "Zainab Basri"


def test_kri_auditor_sees_only_the_four_kurdistan_governorates(client, staff, kirkuk_facility):
    kri = staff("auditor", "region", region="kri")
    for code in ("ERB", "SUL", "DOH", "HAL"):
        FacilityFactory(directorate=directorate(code), name_en=f"Facility of {code}")
    client.force_login(kri)
    html = page(client, "facilities:index")
    assert all(f"Facility of {code}" in html for code in ("ERB", "SUL", "DOH", "HAL"))
    assert "Kirkuk General Hospital" not in html
    governorates = page(client, "governorates:index")
    assert (
        "Halabja" in governorates and "Kirkuk" not in governorates and "Basra" not in governorates
    )


def test_directorate_auditor_sees_garmiyan_but_not_the_rest_of_sulaymaniyah(client, staff):
    garmiyan = FacilityFactory(directorate=directorate("GRM"), name_en="Kalar Hospital")
    HealthWorkerFactory(facility=garmiyan, name_latin="Hero Jaff")
    sulaymaniyah = FacilityFactory(directorate=directorate("SUL"), name_en="Shar Hospital")
    HealthWorkerFactory(facility=sulaymaniyah, name_latin="Karwan Talabani")
    client.force_login(staff("auditor", "directorate", directorate=directorate("GRM")))
    html = page(client, "health_workers:index")
    assert "Hero Jaff" in html and "Karwan Talabani" not in html
    assert client.get(reverse("facilities:inspect", args=[sulaymaniyah.pk])).status_code == 404


def test_facility_auditor_sees_only_that_facility(client, staff, kirkuk_facility, kirkuk_worker):
    other = FacilityFactory(directorate=directorate("KIR"), name_en="Azadi Hospital")
    HealthWorkerFactory(facility=other, name_latin="Omar Azadi")
    client.force_login(staff("auditor", "facility", facility=kirkuk_facility))
    html = page(client, "health_workers:index")
    assert "Ahmed Kirkuki" in html and "Omar Azadi" not in html
    assert "Azadi Hospital" not in page(client, "facilities:index")


def test_kirkuk_trainer_adds_a_worker_in_kirkuk_but_not_in_basra(
    client, staff, kirkuk_facility, basra_facility
):
    client.force_login(staff("trainer", "governorate", governorate=governorate("KIR")))
    url = reverse("health_workers:add")
    data = {"name_ar": "سارة", "name_latin": "Sara Hadi", "cadre": 1, "phone": "٠٧٧٠١١١٢٢٢٣"}
    refused = client.post(url, {**data, "facility": basra_facility.pk})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    client.post(url, {**data, "facility": kirkuk_facility.pk})
    added = kirkuk_facility.health_workers.get()
    assert (added.name_latin, added.phone) == ("Sara Hadi", "07701112223")


def test_kirkuk_trainer_sees_no_basra_worker_and_gets_404_on_it(
    client, staff, kirkuk_worker, basra_worker
):
    client.force_login(staff("trainer", "governorate", governorate=governorate("KIR")))
    assert "Zainab Basri" not in page(client, "health_workers:index")
    assert "Zainab Basri" not in export_csv(client, "health_workers:index")
    url = reverse("health_workers:edit", args=[basra_worker.pk])
    assert client.get(url).status_code == 404


def test_admin_add_form_warns_of_a_look_alike_and_saves_once_confirmed(
    client, staff, kirkuk_worker
):
    client.force_login(staff("trainer", "governorate", governorate=governorate("KIR")))
    url = reverse("health_workers:add")
    data = {
        "name_ar": "احمد الكركوكى",
        "name_latin": "",
        "cadre": kirkuk_worker.cadre_id,
        "facility": kirkuk_worker.facility_id,
    }
    warned = client.post(url, data)
    assert "already in the registry" in warned.content.decode()
    assert kirkuk_worker.facility.health_workers.count() == 1
    client.post(url, {**data, "different_person": "on"})
    assert kirkuk_worker.facility.health_workers.count() == 2


def test_facility_chooser_offers_and_finds_only_facilities_in_scope(
    kirkuk_client, kirkuk_facility, basra_facility
):
    listing = kirkuk_client.get(reverse("facility_chooser:choose")).content.decode()
    assert "Kirkuk General Hospital" in listing and "Basra Teaching Hospital" not in listing
    url = reverse("facility_chooser:choose_results")
    found = kirkuk_client.get(url, {"q": "Hospital"}).content.decode()
    assert "Kirkuk General Hospital" in found and "Basra Teaching Hospital" not in found


def test_facility_chooser_answers_404_for_a_facility_outside_scope(
    kirkuk_client, kirkuk_facility, basra_facility
):
    assert (
        kirkuk_client.get(reverse("facility_chooser:chosen", args=[basra_facility.pk])).status_code
        == 404
    )
    chosen = kirkuk_client.get(reverse("facility_chooser:chosen", args=[kirkuk_facility.pk]))
    assert "Kirkuk General Hospital" in chosen.content.decode()


def test_facility_search_folds_arabic_letter_variants(kirkuk_client, kirkuk_facility):
    kirkuk_facility.name_ar = "مستشفى إبن سينا"
    kirkuk_facility.save()
    html = page(kirkuk_client, "facilities:index", q="ابن سينا")
    assert "Kirkuk General Hospital" in html
    chooser = kirkuk_client.get(reverse("facility_chooser:choose_results"), {"q": "ابن سينا"})
    assert "Kirkuk General Hospital" in chooser.content.decode()
