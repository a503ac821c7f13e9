"""A certificate drawn by the worker speaks its template's language, whoever started the issue."""

import subprocess
import tempfile
from pathlib import Path

import pytest

from django.utils import translation

from certificates.models import Certificate
from certificates.tasks import workshop_certificates_issue_task
from tests.certificates.pdftools import pdf_text

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]

TITLE = {"ar": "الشهادة", "ckb": "بڕوانامە"}
CERTIFIES = {"ar": "تشهد هذه الوثيقة بأن", "ckb": "ئەم بڕوانامەیە پشتڕاستی دەکاتەوە کە"}


def pdf_title(data: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "certificate.pdf"
        path.write_bytes(data)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(line for line in info.stdout.splitlines() if line.startswith("Title:"))
    return line.split(":", 1)[1].strip()


@pytest.mark.parametrize(
    ("started_in", "layout"), [("en", "ar"), ("ckb", "ar"), ("en", "ckb"), ("ar", "ckb")]
)
def test_a_bulk_issued_certificate_is_drawn_in_its_templates_language(
    started_in, layout, completion, default_template, worker_path
):
    default_template.layout = layout
    default_template.save()
    with translation.override(started_in):
        workshop_certificates_issue_task.delay(completion.workshop_id, None)
    worker_path.run()
    with Certificate.objects.get(completion=completion).pdf.open("rb") as handle:
        data = handle.read()
    assert pdf_title(data) == TITLE[layout]
    assert CERTIFIES[layout] in " ".join(pdf_text(data)[0].split())
