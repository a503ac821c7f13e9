"""The sign-in sheet template as a trainer fills it: attendance every day, scores once."""

import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from courses.models import AssessmentScore, AttendanceMark
from tests.courses.test_import import upload
from tests.factories.courses import EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_enrolled(workshop, kirkuk_worker, kirkuk_facility):
    other = HealthWorkerFactory(facility=kirkuk_facility, name_latin="Zaid Omar")
    for worker in (kirkuk_worker, other):
        EnrolmentFactory(workshop=workshop, health_worker=worker)
    return kirkuk_worker, other


def template(client, workshop, language="en"):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(prefix + reverse("courses:attendance_template", args=[workshop.pk]))
    return load_workbook(io.BytesIO(response.content))


def test_the_template_says_at_the_top_in_arabic_where_scores_go(
    client, trainer, workshop, two_enrolled
):
    client.force_login(trainer)
    sheet = template(client, workshop, "ar").active
    assert "مرة واحدة" in sheet["A1"].value
    assert sheet["A2"].value == "رقم الإجازة"


def test_the_template_greys_the_score_cells_of_every_row_but_a_persons_first(
    client, trainer, workshop, two_enrolled
):
    client.force_login(trainer)
    sheet = template(client, workshop).active
    rows = list(sheet.iter_rows(min_row=3))
    greyed = [
        (row[0].value, row[3].value) for row in rows if row[5].fill.fgColor.rgb.endswith("D9D9D9")
    ]
    assert len(rows) == 8 and len(greyed) == 6
    firsts = {row[0].value for row in rows[:2]}
    assert {licence for licence, _day in greyed} == firsts


def test_a_template_filled_as_a_trainer_would_imports_scores_once_and_every_days_mark(
    client, trainer, workshop, two_enrolled
):
    client.force_login(trainer)
    book = template(client, workshop)
    sheet = book.active
    scores = {}
    for row in sheet.iter_rows(min_row=3):
        row[4].value = "present"
        if row[0].value not in scores:  # the person's first row: the scores, once
            scores[row[0].value] = (40, 85)
            row[5].value, row[6].value = scores[row[0].value]
    buffer = io.BytesIO()
    book.save(buffer)
    record = upload(client, workshop, "filled.xlsx", buffer.getvalue())
    assert (record.status, record.marks_created, record.scores_saved) == ("done", 8, 4)
    assert AttendanceMark.objects.count() == 8
    assert sorted(AssessmentScore.objects.values_list("kind", "score")) == [
        ("post", 85),
        ("post", 85),
        ("pre", 40),
        ("pre", 40),
    ]


def test_the_template_shows_scores_already_recorded_on_the_first_row(
    client, trainer, workshop, two_enrolled
):
    enrolment = workshop.enrolments.get(health_worker=two_enrolled[0])
    AssessmentScore.objects.create(enrolment=enrolment, kind="pre", score=55)
    client.force_login(trainer)
    rows = list(template(client, workshop).active.iter_rows(min_row=3, values_only=True))
    mine = [row[5] for row in rows if row[0] == two_enrolled[0].licence_number]
    assert mine == [55, None, None, None]


def test_a_sheet_with_a_title_above_its_header_imports(client, trainer, workshop, two_enrolled):
    worker = two_enrolled[0]
    content = (
        "Oxygen workshop, Kirkuk\n"
        "Licence number,Session date,Attendance\n"
        f"{worker.licence_number},01/03/2026,present\n"
    ).encode()
    client.force_login(trainer)
    record = upload(client, workshop, "sheet.csv", content)
    assert (record.status, record.marks_created) == ("done", 1)
