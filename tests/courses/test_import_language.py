"""A sheet large enough for the background task reports its row errors in the trainer's language."""

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


def large_sheet(worker) -> bytes:
    """One row with a wrong attendance word, padded past the size imported at once."""
    row = f"{worker.licence_number},{worker.name_latin},01/03/2026,maybe,40,80"
    header = "Licence number,Name (Latin),Session date,Attendance,Pre-test (%),Post-test (%)"
    return f"{header}\n{row}\n".encode() + b"," * 70_000


def import_in_background(client, workshop, content, language, capture):
    """Post the sheet on the page in `language`; the task is queued when the upload commits."""
    with translation.override(language), capture(execute=True):
        url = reverse("courses:attendance_import", args=[workshop.pk])
        client.post(url, {"file": SimpleUploadedFile("big.csv", content)})
    return workshop.imports.get()


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_background_import_lists_its_row_errors_in_the_language_of_the_upload_page(
    language,
    client,
    trainer,
    workshop,
    kirkuk_worker,
    worker_path,
    django_capture_on_commit_callbacks,
):
    client.force_login(trainer)
    record = import_in_background(
        client, workshop, large_sheet(kirkuk_worker), language, django_capture_on_commit_callbacks
    )
    assert record.task_id and record.status == "queued"
    worker_path.run()
    record.refresh_from_db()
    assert record.status == "rejected"
    assert [(e["column"], e["reason"]) for e in record.errors] == [
        (COLUMN[language], REASON[language])
    ]
