"""The merge pages: who reaches them, what a merge shows and keeps finding, and what it leaves."""

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.claims import claimable_record
from tests.factories.workforce import governorate, staff_user
from tests.workforce.merging_fixtures import duplicate_pair, snapshot
from workforce.duties import OwnRecordRefused
from workforce.merging.selectors import merge_comparison
from workforce.models import HealthWorker, HealthWorkerMerge
from workforce.selectors import health_worker_duplicates

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(kirkuk_facility):
    return duplicate_pair(kirkuk_facility)


def _url(pair):
    return reverse("health_worker_merge", args=[pair.survivor.pk, pair.merged.pk])


def _defaults(pair) -> dict:
    """What the compare page's radios post as shown: the survivor's value unless it has none."""
    compared = merge_comparison(survivor=pair.survivor, merged=pair.merged)
    return {field.name: field.default for field in compared if field.differs}


def _confirm(client, pair, **choices):
    client.force_login(pair.admin)
    return client.post(_url(pair), {**_defaults(pair), "confirm": "merge", **choices})


def test_the_duplicates_list_offers_the_pair_with_compare_and_merge(client, pair):
    client.force_login(pair.admin)
    html = client.get(reverse("health_worker_duplicates")).content.decode()
    assert "Compare and merge" in html and _url(pair) in html
    assert "same name and cadre" in html


def test_the_compare_page_shows_both_records_and_a_choice_for_each_differing_field(client, pair):
    client.force_login(pair.admin)
    html = client.get(_url(pair)).content.decode()
    assert "أحمد علي حسن" in html and "احمد علي حسن" in html
    assert 'name="licence_number" value="merged"' in html
    assert 'name="cadre"' not in html  # both nurses: nothing to choose
    assert "Certificates" in html


def test_the_preview_says_what_will_move_and_changes_nothing(client, pair):
    before = snapshot()
    client.force_login(pair.admin)
    html = client.post(_url(pair), _defaults(pair)).content.decode()
    assert "What the merge will do" in html and "Confirm the merge" in html
    assert "KIR-200" in html  # kept as an alias
    assert snapshot() == before


def test_confirming_merges_and_the_record_page_undoes_it(client, pair):
    response = _confirm(client, pair, user="merged")
    record = HealthWorkerMerge.objects.get()
    assert response.url == reverse("health_worker_merge_record", args=[record.pk])
    assert HealthWorker.objects.get(pk=pair.survivor.pk).user.username == "ahmad.walkin"
    html = client.get(response.url).content.decode()
    assert "KIR-200" in html and "Undo this merge" in html
    client.post(response.url)
    assert HealthWorker.objects.get(pk=pair.merged.pk).user.username == "ahmad.walkin"
    assert "Undo this merge" not in client.get(response.url).content.decode()


def test_a_junk_post_is_answered_with_a_clear_error_and_changes_nothing(client, pair):
    before = snapshot()
    response = _confirm(client, pair, licence_number="both", phone="")
    assert response.status_code == 400
    assert "Choose one of the two values shown." in response.content.decode()
    assert snapshot() == before


def test_an_administrator_out_of_scope_gets_404_everywhere(client, pair):
    _confirm(client, pair)
    record = HealthWorkerMerge.objects.get()
    client.force_login(staff_user("administrator", "governorate", governorate=governorate("BAS")))
    other = reverse("health_worker_merge", args=[pair.survivor.pk, pair.merged.pk])
    assert client.get(other).status_code == 404
    page = reverse("health_worker_merge_record", args=[record.pk])
    assert client.get(page).status_code == 404
    assert client.post(page).status_code == 404
    assert HealthWorkerMerge.objects.get().undone_at is None


def test_a_trainer_cannot_open_the_merge_pages(client, pair):
    client.force_login(staff_user("trainer", "national"))
    assert client.get(reverse("health_worker_duplicates")).status_code == 404
    assert client.post(_url(pair), {"confirm": "merge"}).status_code == 404


def test_an_administrator_cannot_merge_their_own_record(client, pair):
    HealthWorker.objects.filter(pk=pair.merged.pk).update(user=pair.admin)
    before = snapshot()
    client.force_login(pair.admin)
    response = client.post(_url(pair), {**_defaults(pair), "confirm": "merge"})
    assert response.status_code == 302  # Wagtail's refusal: back to the dashboard, saying why
    flashed = [str(message) for message in get_messages(response.wsgi_request)]
    assert str(OwnRecordRefused()) in flashed
    assert snapshot() == before


def test_the_merged_records_licence_still_finds_the_person(client, pair):
    _confirm(client, pair)
    html = client.get(reverse("health_workers:index"), {"q": "KIR-200"}).content.decode()
    assert "Ahmed Ali Hassan" in html and "Ahmad Ali Hasan" not in html
    found = health_worker_duplicates(user=pair.admin, licence_number="kir-200")
    assert [worker.pk for worker in found] == [pair.survivor.pk]


def test_the_merged_records_phone_and_national_id_still_find_the_person(client, pair):
    _confirm(client, pair)
    html = client.get(reverse("health_workers:index"), {"q": "07501000002"}).content.decode()
    assert "Ahmed Ali Hassan" in html
    html = client.get(reverse("health_workers:index"), {"q": "19850101"}).content.decode()
    assert "Ahmed Ali Hassan" in html


def test_claiming_with_the_merged_records_number_finds_the_survivor(client, pair):
    _confirm(client, pair, user="survivor")  # the walk-in's account stays with the duplicate
    record = claimable_record(identifier="19850101", name="Ahmed Ali Hassan")
    assert record.pk == pair.survivor.pk


def test_the_merged_records_certificate_still_verifies(client, pair):
    _confirm(client, pair)
    answer = client.get(f"/verify/{pair.certificate.verification_code}.json").json()
    assert answer["status"] == "valid" and answer["serial"] == pair.certificate.serial
    assert answer["holder_name_latin"] == "Ahmad Ali Hasan"  # as issued, never rewritten
    completion = pair.certificate.completion
    completion.refresh_from_db()
    assert completion.health_worker_id == pair.survivor.pk
