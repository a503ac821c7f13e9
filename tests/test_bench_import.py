"""`bench_import` times an import and leaves nothing behind unless asked to keep it."""

from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

from courses.models import AttendanceImport

pytestmark = pytest.mark.django_db


def _sheets() -> set[Path]:
    root = Path(AttendanceImport._meta.get_field("file").storage.path("imports"))
    return set(root.rglob("*")) if root.is_dir() else set()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_bench_import_prints_its_rate_and_leaves_no_record_or_sheet(file_format):
    before = _sheets()
    out = StringIO()

    call_command("bench_import", "--rows", "40", "--format", file_format, stdout=out)

    assert "40 rows imported" in out.getvalue()
    assert "rows/s" in out.getvalue()
    assert not AttendanceImport.objects.exists()
    assert {path for path in _sheets() - before if path.is_file()} == set()


def test_bench_import_keeps_its_record_and_sheet_when_asked():
    call_command("bench_import", "--rows", "40", "--format", "csv", "--keep", stdout=StringIO())

    record = AttendanceImport.objects.get()
    assert Path(record.file.path).is_file()
    record.file.delete()
