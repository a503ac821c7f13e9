"""Sheets from Arabic Excel through the import page, and the workshop's capacity on import."""

import codecs
import random

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from courses.models import AttendanceImport, AttendanceMark, Enrolment
from tests.factories.courses import EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


def url(name, language="en", *args):
    with translation.override(language):
        return reverse(name, args=args)


def post_sheet(client, workshop, name, content, language="en"):
    return client.post(
        url("courses:attendance_import", language, workshop.pk),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )


def arabic_sheet(workers, delimiter=",") -> str:
    lines = [delimiter.join(["Licence number", "Name (Arabic)", "Session date", "Attendance"])]
    for worker in workers:
        lines.append(delimiter.join([worker.licence_number, worker.name_ar, "01/03/2026", "حاضر"]))
    return "\r\n".join(lines) + "\r\n"


def test_a_windows_1256_sheet_from_arabic_excel_imports_its_marks(
    client, trainer, workshop, kirkuk_worker
):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    response = post_sheet(
        client, workshop, "roster.csv", arabic_sheet([kirkuk_worker]).encode("cp1256")
    )
    assert response.context["record"].status == "done"
    assert AttendanceMark.objects.get().status == "present"


def test_excels_unicode_text_file_imports_its_marks(client, trainer, workshop, kirkuk_worker):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    content = codecs.BOM_UTF16_LE + arabic_sheet([kirkuk_worker], "\t").encode("utf-16-le")
    response = post_sheet(client, workshop, "roster.txt", content)
    assert response.context["record"].status == "done"
    assert AttendanceMark.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "words"),
    [("ar", "الحروف الكردية"), ("ckb", "پیتە کوردییەکانی"), ("en", "Kurdish letters")],
)
def test_a_kurdish_sheet_saved_as_windows_1256_is_refused_on_the_form_saving_nothing(
    client, trainer, workshop, language, words
):
    worker = HealthWorkerFactory(facility=workshop.venue, name_ar="ڕێبوار دڵشاد")
    EnrolmentFactory(workshop=workshop, health_worker=worker)
    client.force_login(trainer)
    content = arabic_sheet([worker]).encode("cp1256", errors="replace")
    response = post_sheet(client, workshop, "roster.csv", content, language)
    page = response.content.decode()
    assert response.status_code == 200
    assert words in page and "CSV UTF-8 (Comma delimited)" in page
    assert not AttendanceImport.objects.exists() and not AttendanceMark.objects.exists()


def test_junk_bytes_named_csv_get_the_save_as_choice_not_a_500(client, trainer, workshop):
    client.force_login(trainer)
    response = post_sheet(client, workshop, "roster.csv", random.Random(3).randbytes(5000), "ar")
    assert response.status_code == 200
    assert "CSV UTF-8 (Comma delimited)" in response.content.decode()
    assert not AttendanceImport.objects.exists()


# Capacity


@pytest.fixture
def three_newcomers(workshop, kirkuk_facility):
    """A workshop of two places, and a sheet that names three people not on its roster."""
    workshop.capacity = 2
    workshop.save()
    workers = HealthWorkerFactory.create_batch(3, facility=kirkuk_facility)
    return arabic_sheet(workers).encode()


def test_an_import_beyond_capacity_enrols_nobody_and_says_how_many_it_would(
    client, trainer, workshop, three_newcomers
):
    client.force_login(trainer)
    response = post_sheet(client, workshop, "roster.csv", three_newcomers)
    page = response.content.decode()
    assert "This sheet would enrol 3 new people, 3 on the roster in all" in page
    assert "the workshop holds 2." in page and "Enrol beyond capacity" in page
    assert not Enrolment.objects.exists() and not AttendanceMark.objects.exists()


def test_importing_without_the_beyond_capacity_box_still_enrols_nobody_and_keeps_the_file(
    client, trainer, workshop, three_newcomers
):
    client.force_login(trainer)
    record = post_sheet(client, workshop, "roster.csv", three_newcomers).context["record"]
    response = client.post(url("courses:import_beyond_capacity", "ckb", record.pk), {})
    assert "زیاتر لە ژمارەی شوێنەکان" in response.content.decode()
    assert not Enrolment.objects.exists()
    record.refresh_from_db()
    assert record.status == "held" and record.file.storage.exists(record.file.name)


def test_ticking_enrol_beyond_capacity_imports_the_kept_sheet(
    client, trainer, workshop, three_newcomers
):
    client.force_login(trainer)
    record = post_sheet(client, workshop, "roster.csv", three_newcomers).context["record"]
    response = client.post(
        url("courses:import_beyond_capacity", "en", record.pk),
        {"beyond_capacity": "on"},
        follow=True,
    )
    assert "3 rows imported." in response.content.decode()
    assert Enrolment.objects.filter(workshop=workshop).count() == 3
    assert AttendanceMark.objects.count() == 3


def test_an_import_that_fits_the_capacity_needs_no_choice(
    client, trainer, workshop, kirkuk_facility
):
    workshop.capacity = 3
    workshop.save()
    workers = HealthWorkerFactory.create_batch(3, facility=kirkuk_facility)
    client.force_login(trainer)
    response = post_sheet(client, workshop, "roster.csv", arabic_sheet(workers).encode())
    assert response.context["record"].status == "done"
    assert Enrolment.objects.count() == 3


def test_another_workshops_held_import_answers_404(
    client, other_trainer, trainer, workshop, three_newcomers
):
    client.force_login(trainer)
    record = post_sheet(client, workshop, "roster.csv", three_newcomers).context["record"]
    client.force_login(other_trainer)
    response = client.post(
        url("courses:import_beyond_capacity", "en", record.pk), {"beyond_capacity": "on"}
    )
    assert response.status_code == 404
    assert not Enrolment.objects.exists()


# Long rosters


@pytest.fixture
def roster_of_120(workshop, kirkuk_facility):
    workshop.capacity = 120
    workshop.save()
    for number in range(1, 121):
        worker = HealthWorkerFactory(facility=kirkuk_facility, name_latin=f"Person {number:03d}")
        EnrolmentFactory(workshop=workshop, health_worker=worker)


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_page_two_of_a_120_person_roster_shows_the_51st_person(
    client, trainer, workshop, roster_of_120, language
):
    client.force_login(trainer)
    page = client.get(url("courses:roster", language, workshop.pk) + "?page=2").content.decode()
    assert "Person 051" in page and "Person 100" in page
    assert "Person 050" not in page and "Person 101" not in page
    assert '<span aria-current="page">2</span>' in page
    assert 'href="?page=3"' in page and 'href="?page=1"' in page


def test_the_roster_pager_keeps_the_registry_search(client, trainer, workshop, roster_of_120):
    client.force_login(trainer)
    page = client.get(
        url("courses:roster", "en", workshop.pk) + "?q=Person&page=2"
    ).content.decode()
    assert 'href="?q=Person&amp;page=3"' in page


def test_page_three_of_a_sessions_attendance_sheet_shows_the_last_twenty(
    client, trainer, workshop, roster_of_120
):
    client.force_login(trainer)
    session = workshop.sessions.first()
    page = client.get(url("courses:session_marking", "ar", session.pk) + "?page=3").content.decode()
    assert "Person 101" in page and "Person 120" in page and "Person 100" not in page


def test_a_large_held_sheet_is_imported_in_the_background_once_the_box_is_ticked(
    client, trainer, workshop, three_newcomers, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    big = three_newcomers + b"," * 70_000  # past the inline limit: Celery reads it
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("courses:attendance_import", "en", workshop.pk),
            {"file": SimpleUploadedFile("big.csv", big)},
        )
    record = workshop.imports.get()
    assert record.status == "held" and not Enrolment.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("courses:import_beyond_capacity", "en", record.pk), {"beyond_capacity": "on"}
        )
    record.refresh_from_db()
    assert (record.status, record.enrolments_created, record.beyond_capacity) == ("done", 3, True)
