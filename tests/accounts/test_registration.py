import re

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.forms import USERNAME_UNAVAILABLE
from accounts.models import RecordClaim
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    UserFactory,
    cadre,
    directorate,
    staff_user,
)
from workforce.merging.services import health_worker_merge
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db

REGISTER = "/accounts/register/"


def page_text(response) -> str:
    """The page without its CSRF token, which differs on every request."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _new_worker_data(place, **changes) -> dict:
    data = {
        "status": "new",
        "name_ar": "كاوە عمر",
        "name_latin": "Kawa Omar",
        "cadre": cadre("nurse").pk,
        "governorate": place.governorate_id,
        "facility": place.pk,
        "phone": "0750 123 4567",
        "email": "kawa@example.org",
        "username": "kawa",
        "password1": "a long pass phrase 42",
        "password2": "a long pass phrase 42",
    }
    return data | changes


def test_claiming_registration_creates_the_account_and_asks_for_the_code(
    client, registered_worker, registration_data
):
    response = client.post(REGISTER, registration_data)
    assert response["Location"] == reverse("accounts:claim")
    registered_worker.refresh_from_db()
    assert registered_worker.user is None
    assert registered_worker.email == "zainab.old@example.org"
    assert get_user_model().objects.filter(username="zainab").exists()


def test_registration_matches_the_national_id_and_the_arabic_name_in_another_spelling(
    client, registered_worker, registration_data
):
    data = registration_data | {"identifier": "198801012345", "confirm_name": "زينب حسن على"}
    client.post(REGISTER, data)
    assert RecordClaim.objects.get().health_worker == registered_worker


def test_registration_accepts_arabic_indic_digits_in_the_number_and_phone(
    client, registered_worker, registration_data
):
    data = registration_data | {"identifier": "١٩٨٨٠١٠١٢٣٤٥", "phone": "٠٧٧٠ ١٢٣ ٤٥٦٧"}
    client.post(REGISTER, data)
    claim = RecordClaim.objects.get()
    assert (claim.health_worker, claim.phone) == (registered_worker, "07701234567")


def test_a_record_that_already_has_an_account_opens_no_claim(
    client, registered_worker, registration_data
):
    registered_worker.user = UserFactory(username="first.owner")
    registered_worker.save()
    response = client.post(REGISTER, registration_data)
    assert response["Location"] == reverse("accounts:claim")
    assert not RecordClaim.objects.exists()
    registered_worker.refresh_from_db()
    assert registered_worker.user.username == "first.owner"


def test_registration_answers_the_same_for_a_known_and_an_unknown_number(
    client, registered_worker, registration_data
):
    known = client.post(REGISTER, registration_data, follow=True)
    client.logout()
    data = registration_data | {"identifier": "KRK-99999", "username": "other"}
    unknown = client.post(REGISTER, data, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert page_text(known).replace("zainab", "other") == page_text(unknown)
    assert "KRK-12345" not in known.content.decode()


def test_registration_creates_a_new_record_for_someone_not_in_the_registry(client, kirkuk_facility):
    response = client.post(REGISTER, _new_worker_data(kirkuk_facility))
    assert response.status_code == 302
    worker = HealthWorker.objects.get(user__username="kawa")
    assert (worker.name_latin, worker.facility, worker.cadre.code) == (
        "Kawa Omar",
        kirkuk_facility,
        "nurse",
    )
    assert worker.phone == "07501234567"


def test_new_registration_needs_both_names_cadre_and_facility(client, kirkuk_facility):
    data = _new_worker_data(kirkuk_facility, name_ar="", cadre="", facility="")
    response = client.post(REGISTER, data)
    assert response.status_code == 200
    assert response.content.decode().count("This field is required.") == 3
    assert not HealthWorker.objects.filter(name_latin="Kawa Omar").exists()


def test_new_registration_refuses_a_licence_number_already_in_the_registry(
    client, registered_worker, kirkuk_facility
):
    data = _new_worker_data(kirkuk_facility, licence_number="KRK-12345")
    response = client.post(REGISTER, data)
    assert response.status_code == 200
    assert "cannot be used for a new registration" in response.content.decode()
    assert not get_user_model().objects.filter(username="kawa").exists()


def test_new_registration_refuses_a_facility_of_another_governorate(client, kirkuk_facility):
    basra = FacilityFactory(directorate=directorate("BAS"))
    response = client.post(REGISTER, _new_worker_data(kirkuk_facility, facility=basra.pk))
    assert "Select a valid choice" in response.content.decode()
    assert not HealthWorker.objects.filter(name_latin="Kawa Omar").exists()


def test_facility_list_offers_only_the_chosen_governorate(client, kirkuk_facility):
    FacilityFactory(directorate=directorate("BAS"), name_en="Basra Clinic")
    url = reverse("accounts:facilities") + f"?governorate={kirkuk_facility.governorate_id}"
    names = [row["name"] for row in client.get(url).json()["facilities"]]
    assert names == ["Kirkuk General Hospital"]


def test_signed_in_person_is_sent_from_registration_to_their_profile(client, user):
    client.force_login(user)
    assert client.get(REGISTER)["Location"] == reverse("accounts:profile")


def test_registration_stops_guessing_after_ten_claims_from_one_address(
    client, registered_worker, registration_data
):
    for number in range(10):
        data = registration_data | {"identifier": f"KRK-0000{number}", "username": f"u{number}"}
        client.post(REGISTER, data)
        client.logout()
    response = client.post(REGISTER, registration_data)
    assert "Too many attempts" in response.content.decode()
    registered_worker.refresh_from_db()
    assert registered_worker.user is None


def test_without_javascript_the_form_returns_with_the_governorates_facilities(
    client, kirkuk_facility
):
    FacilityFactory(directorate=directorate("BAS"), name_en="Basra Clinic")
    data = _new_worker_data(kirkuk_facility, facility="")
    html = client.post(REGISTER, data).content.decode()
    assert f'<option value="{kirkuk_facility.pk}">Kirkuk General Hospital</option>' in html
    assert "Basra Clinic" not in html


def test_facilities_are_listed_in_the_order_of_the_readers_language(client, kirkuk_facility):
    kirkuk_facility.name_ar = "مستشفى الجمهوري"
    kirkuk_facility.save()
    FacilityFactory(
        directorate=directorate("KIR"), name_en="Azadi Hospital", name_ar="مستشفى كركوك"
    )
    url = f"/ar/accounts/register/facilities/?governorate={kirkuk_facility.governorate_id}"
    names = [row["name"] for row in client.get(url).json()["facilities"]]
    assert names == ["مستشفى الجمهوري", "مستشفى كركوك"]


def test_registration_with_a_taken_username_does_not_confirm_that_it_exists(
    client, registered_worker, registration_data
):
    UserFactory(username="auditor.national")
    for username in ["auditor.national", "Auditor.National"]:
        html = client.post(REGISTER, registration_data | {"username": username}).content.decode()
        assert str(USERNAME_UNAVAILABLE) in html
        assert "already exists" not in html
    registered_worker.refresh_from_db()
    assert registered_worker.user is None


def test_trying_usernames_is_stopped_after_ten_taken_ones_from_one_address(
    client, registered_worker, registration_data
):
    for number in range(12):
        UserFactory(username=f"staff.{number}")
    for number in range(10):
        html = client.post(REGISTER, registration_data | {"username": f"staff.{number}"})
        assert str(USERNAME_UNAVAILABLE) in html.content.decode()
    # The eleventh answer no longer tells whether the username is taken.
    for username in ["staff.11", "nobody.has.this"]:
        html = client.post(REGISTER, registration_data | {"username": username}).content.decode()
        assert str(USERNAME_UNAVAILABLE) not in html
        if username == "staff.11":
            assert "Too many attempts" in html
    registered_worker.refresh_from_db()
    assert registered_worker.user is None


def test_registration_matches_the_arabic_name_typed_in_sorani(
    client, registered_worker, registration_data
):
    data = registration_data | {"confirm_name": "زەینەب حەسەن عەلی"}
    client.post(REGISTER, data)
    assert RecordClaim.objects.get().health_worker == registered_worker


def test_new_registration_refuses_the_licence_of_a_record_merged_into_another(
    client, registered_worker, kirkuk_facility
):
    walk_in = HealthWorkerFactory(facility=registered_worker.facility, licence_number="KRK-777")
    admin = staff_user("administrator", "national")
    health_worker_merge(survivor=registered_worker, merged=walk_in, actor=admin, choices={})
    response = client.post(REGISTER, _new_worker_data(kirkuk_facility, licence_number="krk-777"))
    assert "cannot be used for a new registration" in response.content.decode()
    assert not get_user_model().objects.filter(username="kawa").exists()
