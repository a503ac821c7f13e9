"""A sheet large enough for the background task reports its problems in the reader's language."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]

REASON = {
    "ar": "اكتب حاضر أو متأخر أو غائب أو بعذر.",
    "ckb": "بنووسە ئامادە، دواکەوتوو، ئامادە نییە یان مۆڵەت.",
}
COLUMN = {"ar": "الحضور", "ckb": "ئامادەبوون"}
NOT_XLSX = {
    "ar": "هذا ليس ملف \u2068XLSX\u2069 قابلاً للقراءة.",
    "ckb": "ئەمە پەڕگەیەکی \u2068XLSX\u2069ی خوێندنەوەیی نییە.",
}


def large_sheet(worker) -> bytes:
    """One row with a wrong attendance word, padded past the size imported at once."""
    row = f"{worker.licence_number},{worker.name_latin},01/03/2026,maybe,40,80"
    header = "Licence number,Name (Latin),Session date,Attendance,Pre-test (%),Post-test (%)"
    return f"{header}\n{row}\n".encode() + b"," * 70_000


@pytest.fixture
def import_in_background(
    client, trainer, workshop, worker_path, django_capture_on_commit_callbacks
):
    """Post a sheet on the upload page in a language; the worker imports it after the commit."""

    def start(name, content, language):
        client.force_login(trainer)
        with translation.override(language), django_capture_on_commit_callbacks(execute=True):
            url = reverse("courses:attendance_import", args=[workshop.pk])
            client.post(url, {"file": SimpleUploadedFile(name, content)})
        record = workshop.imports.get()
        assert record.task_id and record.status == "queued"
        worker_path.run()
        return record

    return start


def result_page(client, record, language) -> str:
    with translation.override(language):
        return client.get(reverse("courses:import_result", args=[record.pk])).content.decode()


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_background_import_lists_its_row_errors_in_the_language_of_the_upload_page(
    language, client, kirkuk_worker, import_in_background
):
    record = import_in_background("big.csv", large_sheet(kirkuk_worker), language)
    page = result_page(client, record, language)
    assert f">{COLUMN[language]}</td>" in page and f">{REASON[language]}</td>" in page
    assert "Write present" not in page


@pytest.mark.parametrize(("started_in", "read_in"), [("ar", "ckb"), ("ckb", "ar")])
def test_a_colleague_reads_the_row_errors_in_their_own_language(
    started_in, read_in, client, kirkuk_worker, import_in_background
):
    record = import_in_background("big.csv", large_sheet(kirkuk_worker), started_in)
    page = result_page(client, record, read_in)
    assert f">{REASON[read_in]}</td>" in page and REASON[started_in] not in page
