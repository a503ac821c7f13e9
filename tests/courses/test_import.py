import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses import importers
from courses.models import AssessmentScore, AttendanceMark, Enrolment, RecordChange
from tests.factories.courses import EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db

HEADER = "Licence number,Name (Latin),Session date,Attendance,Pre-test (%),Post-test (%)"
DAYS = ["01/03/2026", "02/03/2026", "03/03/2026", "04/03/2026"]


def upload(client, workshop, name, content):
    response = client.post(
        reverse("courses:attendance_import", args=[workshop.pk]),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    return response.context["record"]


def thousand_rows(workers, bad=()):
    """1,000 rows (250 people × 4 days); the rows numbered in `bad` get one mistake each."""
    lines, mistakes = [HEADER], ["NO-SUCH", "31/02/2026", "09/03/2026", "maybe", "120"]
    for index in range(1000):
        worker, day = workers[index // 4], DAYS[index % 4]
        cells = [worker.licence_number, worker.name_latin, day, "present", "40", "80"]
        if index in bad:
            position = bad.index(index) % len(mistakes)
            cells[[0, 2, 2, 3, 5][position]] = mistakes[position]
        lines.append(",".join(cells))
    return "\n".join(lines).encode()


@pytest.fixture
def workers(kirkuk_facility, workshop):
    """250 registry workers in Kirkuk; the workshop has room for all of them."""
    workshop.capacity = 250
    workshop.save()
    return HealthWorkerFactory.create_batch(250, facility=kirkuk_facility)


def test_an_import_with_37_bad_rows_of_1000_commits_nothing_and_lists_37_errors(
    client, trainer, workshop, workers
):
    client.force_login(trainer)
    bad = list(range(3, 1000, 27))[:37]
    record = upload(client, workshop, "sheet.csv", thousand_rows(workers, bad))
    assert record.status == "rejected"
    assert len(record.errors) == 37
    assert sorted(error["row"] for error in record.errors) == [index + 2 for index in bad]
    assert not AttendanceMark.objects.exists() and not Enrolment.objects.exists()
    assert not RecordChange.objects.exists()


def test_the_corrected_import_inserts_1000_marks_and_again_adds_nothing(
    client, trainer, workshop, workers
):
    client.force_login(trainer)
    record = upload(client, workshop, "sheet.csv", thousand_rows(workers))
    assert (record.status, record.marks_created, record.enrolments_created) == ("done", 1000, 250)
    assert AttendanceMark.objects.filter(method="import").count() == 1000
    assert AssessmentScore.objects.count() == 500
    again = upload(client, workshop, "sheet.csv", thousand_rows(workers))
    assert (again.marks_created, again.marks_changed, again.scores_saved) == (0, 0, 0)
    assert AttendanceMark.objects.count() == 1000


def test_the_error_page_names_row_column_and_reason(client, trainer, workshop, kirkuk_worker):
    client.force_login(trainer)
    content = f"{HEADER}\n{kirkuk_worker.licence_number},x,01/03/2026,sometimes,,".encode()
    record = upload(client, workshop, "sheet.csv", content)
    page = client.get(reverse("courses:import_result", args=[record.pk])).content.decode()
    assert (
        '<td data-label="Row">2</td><td data-label="Column">Attendance</td>'
        '<td data-label="Problem">Write present, late, absent or excused.</td>'
    ) in page


def test_a_semicolon_csv_with_bom_arabic_headers_and_arabic_digits_imports(
    client, trainer, workshop, kirkuk_worker
):
    kirkuk_worker.licence_number = "LIC-123"
    kirkuk_worker.save()
    client.force_login(trainer)
    text = "رقم الإجازة;التاريخ;الحضور;الاختبار البعدي\nLIC-١٢٣;٠٢/٠٣/٢٠٢٦;حاضر;٨٥٫٥\n"
    content = (
        "\ufeff".encode()
        + text.replace("رقم الإجازة", "Licence number")
        .replace("التاريخ", "Session date")
        .replace("الحضور", "Attendance")
        .replace("الاختبار البعدي", "Post-test (%)")
        .encode()
    )
    record = upload(client, workshop, "sheet.csv", content)
    assert record.status == "done", record.errors
    mark = AttendanceMark.objects.get()
    assert (mark.session.date, mark.status) == (datetime.date(2026, 3, 2), "present")
    assert str(AssessmentScore.objects.get().score) == "85.5"


def test_an_xlsx_with_date_cells_and_excel_serial_numbers_imports(
    client, trainer, workshop, kirkuk_worker
):
    book = Workbook()
    book.active.append(["Licence number", "Session date", "Attendance"])
    book.active.append([kirkuk_worker.licence_number, datetime.datetime(2026, 3, 1), "late"])
    book.active.append([kirkuk_worker.licence_number, 46083, "excused"])  # 2026-03-02
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(trainer)
    record = upload(client, workshop, "sheet.xlsx", buffer.getvalue())
    assert record.status == "done", record.errors
    assert sorted(AttendanceMark.objects.values_list("session__date__day", "status")) == [
        (1, "late"),
        (2, "excused"),
    ]


def test_a_person_without_licence_is_found_on_the_roster_by_arabic_name(
    client, trainer, workshop, kirkuk_worker
):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    content = "Name (Arabic),Session date,Attendance\nاحمد الكركوكي,2026-03-03,absent\n".encode()
    assert upload(client, workshop, "sheet.csv", content).status == "done"
    assert AttendanceMark.objects.get().status == "absent"


def test_a_worker_outside_the_trainers_scope_cannot_be_imported(
    client, trainer, workshop, basra_worker
):
    client.force_login(trainer)
    record = upload(
        client,
        workshop,
        "s.csv",
        f"{HEADER}\n{basra_worker.licence_number},,01/03/2026,present,,".encode(),
    )
    assert record.status == "rejected"
    assert not Enrolment.objects.exists()


def test_the_xlsx_template_lists_the_roster_for_each_day(client, trainer, workshop, kirkuk_worker):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    response = client.get(reverse("courses:attendance_template", args=[workshop.pk]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][:4] == ("Licence number", "Name (Arabic)", "Name (Latin)", "Session date")
    assert len(rows) == 2 + 4
    assert rows[2][1] == "أحمد الكركوكي"


def test_the_filled_template_imports_back(client, trainer, workshop, kirkuk_worker):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    sheet = load_workbook(io.BytesIO(importers.attendance_template(workshop=workshop)))
    sheet.active["E3"] = "present"
    buffer = io.BytesIO()
    sheet.save(buffer)
    client.force_login(trainer)
    record = upload(client, workshop, "filled.xlsx", buffer.getvalue())
    assert (record.status, record.rows, record.marks_created) == ("done", 1, 1)


def test_a_large_sheet_is_imported_by_the_background_task(
    client, trainer, workshop, workers, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    content = thousand_rows(workers) + b"\n" + b"," * 70_000
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("courses:attendance_import", args=[workshop.pk]),
            {"file": SimpleUploadedFile("big.csv", content)},
        )
    record = workshop.imports.get()
    assert record.task_id
    assert response.url == reverse("courses:import_result", args=[record.pk])
    record.refresh_from_db()
    assert (record.status, record.marks_created) == ("done", 1000)
