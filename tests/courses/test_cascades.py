"""The cascade report: totals against a hand count, each person once, in the viewer's scope."""

import csv
import io
import re

import pytest

from django.urls import reverse

from courses.selectors import cascade_for
from tests.courses.cascade_tree import BY_GOVERNORATE, HAND_COUNT, cascade_tree
from tests.factories.workforce import directorate, staff_user

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_the_cascade_totals_match_the_hand_count():
    master = cascade_tree()
    cascade = cascade_for(master=master, user=staff_user("auditor", "national"))
    assert cascade.reached == HAND_COUNT["reached"]
    assert len(cascade.governorates) == HAND_COUNT["governorates"]
    assert cascade.trainers_who_trained == HAND_COUNT["trainers"]
    assert len(cascade.graduates) == HAND_COUNT["graduates"]
    assert len(cascade.workshops) == HAND_COUNT["workshops"]
    assert cascade.levels == 2
    counts = {row.governorate.code: row.people for row in cascade.governorates}
    assert counts == BY_GOVERNORATE


def test_the_report_page_gives_the_donor_sentence(client):
    master = cascade_tree()
    client.force_login(staff_user("auditor", "national"))
    response = client.get(reverse("courses:cascade_report", args=[master.pk]))
    assert response.status_code == 200
    assert (
        "Of the 4 trained as trainers in this workshop, 3 went on to train 11 people in 4 "
        "governorates." in _text(response)
    )


def test_the_report_in_arabic_isolates_the_course_code(client):
    master = cascade_tree()
    client.force_login(staff_user("auditor", "national"))
    html = client.get("/ar" + reverse("courses:cascade_report", args=[master.pk])).content.decode()
    assert 'dir="rtl"' in html
    assert re.search(r"<bdi[^>]*>OXY-TOT</bdi>", html)


def test_the_csv_lists_the_governorates_and_the_total_counting_each_person_once(client):
    master = cascade_tree()
    client.force_login(staff_user("auditor", "national"))
    response = client.get(reverse("courses:cascade_csv", args=[master.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[-1] == ["Total (each person once)", "11"]
    governorates = rows[rows.index(["Governorate", "People reached"]) + 1 : -1]
    assert sorted(int(row[1]) for row in governorates) == sorted(BY_GOVERNORATE.values())
    assert [row[1] for row in rows[1:5]] == ["OXY-101", "OXY-101", "OXY-TOT", "OXY-101"]


@pytest.mark.parametrize("name", ["courses:cascade_report", "courses:cascade_csv"])
def test_an_auditor_out_of_the_masters_scope_gets_404(client, name):
    master = cascade_tree()
    client.force_login(
        staff_user("auditor", "governorate", governorate=directorate("KIR").governorate)
    )
    assert client.get(reverse(name, args=[master.pk])).status_code == 404


def test_a_viewer_of_the_masters_governorate_counts_only_the_workshops_in_their_scope(client):
    master = cascade_tree()
    baghdad = staff_user("auditor", "governorate", governorate=directorate("BGD-KRK").governorate)
    cascade = cascade_for(master=master, user=baghdad)
    assert (cascade.reached, len(cascade.workshops), cascade.partial) == (4, 1, True)
    client.force_login(baghdad)
    text = _text(client.get(reverse("courses:cascade_report", args=[master.pk])))
    assert "Only the workshops in your scope are counted." in text


def test_the_list_of_cascades_shows_the_masters_in_scope_only(client):
    master = cascade_tree()
    client.force_login(staff_user("auditor", "national"))
    html = client.get(reverse("courses:cascade_index")).content.decode()
    assert reverse("courses:cascade_report", args=[master.pk]) in html
    client.force_login(
        staff_user("auditor", "governorate", governorate=directorate("KIR").governorate)
    )
    html = client.get(reverse("courses:cascade_index")).content.decode()
    assert reverse("courses:cascade_report", args=[master.pk]) not in html


def test_the_coverage_pages_link_to_the_cascades(client):
    client.force_login(staff_user("auditor", "national"))
    html = client.get(reverse("coverage:index")).content.decode()
    assert f'href="{reverse("courses:cascade_index")}"' in html


def test_the_page_of_a_master_workshop_links_to_its_cascade_report(client):
    master = cascade_tree()
    client.force_login(staff_user("administrator", "national"))
    html = client.get(reverse("courses:workshop_detail", args=[master.pk])).content.decode()
    assert reverse("courses:cascade_report", args=[master.pk]) in html


def test_the_donor_sentence_names_the_provider_who_led_the_master_workshop(client):
    from workforce.models import Provider

    master = cascade_tree()
    master.lead_provider = Provider.objects.create(
        code="who", kind="un_agency", name_en="WHO", name_ar="منظمة الصحة العالمية", name_ckb="WHO"
    )
    master.save()
    client.force_login(staff_user("auditor", "national"))
    english = _text(client.get(reverse("courses:cascade_report", args=[master.pk])))
    assert (
        "Of the 4 trained as trainers by WHO in this workshop, 3 went on to train 11 people in 4 "
        "governorates." in english
    )
    arabic = _text(client.get("/ar" + reverse("courses:cascade_report", args=[master.pk])))
    assert "تدرّبوا كمدرّبين لدى منظمة الصحة العالمية في هذه الورشة" in arabic
