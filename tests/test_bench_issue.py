"""`bench_issue`: where it refuses to measure, and whether its checks see a wrong bulk issue."""

from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from benchmarks.issue import (
    bench_completions,
    issue_check,
    issue_clear,
    issue_seed,
    render_floor,
    store_floor,
)
from benchmarks.management.commands.bench_issue import issue_refusal
from certificates.bulk import workshop_certificates_issue
from certificates.models import Certificate
from certificates.services import certificate_pdf_render
from courses.models import Completion
from tests.certificates.pdftools import pdf_text
from tests.factories.certificates import CertificateTemplateFactory
from workforce.models import HealthWorker


def test_bench_issue_refuses_sqlite_and_names_what_it_needs():
    message = issue_refusal(vendor="sqlite", broker="redis://127.0.0.1:6379/0", eager=False)
    assert "PostgreSQL" in message and "sqlite" in message and "scripts/ci-services" in message


def test_bench_issue_refuses_the_filesystem_broker_and_eager_tasks():
    filesystem = issue_refusal(vendor="postgresql", broker="filesystem://", eager=False)
    eager = issue_refusal(vendor="postgresql", broker="redis://127.0.0.1:6379/0", eager=True)
    assert "the broker is filesystem" in filesystem
    assert "tasks run eagerly" in eager


def test_bench_issue_measures_postgresql_with_redis():
    assert issue_refusal(vendor="postgresql", broker="redis://127.0.0.1:1/0", eager=False) is None


@pytest.mark.django_db
def test_bench_issue_on_the_test_settings_stops_with_the_reason_and_seeds_nothing():
    with pytest.raises(CommandError, match="bench_issue measures"):
        call_command("bench_issue", "--completions", "10", stdout=StringIO())
    assert not bench_completions().exists()


@pytest.mark.django_db
@pytest.mark.parametrize("option", ["--completions", "--per-workshop"])
def test_bench_issue_refuses_nothing_to_issue_with_the_reason(option):
    with pytest.raises(CommandError, match="must be at least 1"):
        call_command("bench_issue", option, "0", stdout=StringIO())
    assert not bench_completions().exists()


@pytest.fixture
def issued(db):
    """Six seeded completions in two workshops, issued through the bulk path in process."""
    CertificateTemplateFactory(name="Ministry default", is_default=True)
    workshops = issue_seed(completions=6, per_workshop=3)
    for workshop in workshops:
        workshop_certificates_issue(workshop_id=workshop.pk)
    yield workshops
    issue_clear()  # the stored PDFs


def test_bench_issue_seeds_complete_completions_without_certificates(db):
    workshops = issue_seed(completions=7, per_workshop=3)
    assert [workshop.completions.count() for workshop in workshops] == [3, 3, 1]
    assert bench_completions().filter(is_complete=True).count() == 7
    assert not Certificate.objects.exists()


def test_bench_issue_checks_pass_on_one_valid_certificate_per_completion(issued):
    check = issue_check(completions=bench_completions())
    assert (check.completions, check.certificates, check.with_pdf, check.checked) == (6, 6, 6, 6)
    assert check.ok


def test_bench_issue_checks_catch_a_certificate_whose_signature_no_longer_matches(issued):
    Certificate.objects.filter(pk=Certificate.objects.first().pk).update(course_code="FORGED")
    check = issue_check(completions=bench_completions())
    assert check.bad_signature == 1
    assert not check.ok


def test_bench_issue_checks_catch_a_missing_pdf_and_a_missing_certificate(issued):
    first, second = Certificate.objects.order_by("pk")[:2]
    first.pdf.storage.delete(first.pdf.name)
    second.delete()
    check = issue_check(completions=bench_completions())
    assert (check.certificates, check.bad_pdf) == (5, 1)
    assert not check.ok


def test_bench_issue_checks_catch_two_valid_certificates_of_one_completion(issued):
    certificate = Certificate.objects.first()
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute("DROP INDEX one_valid_certificate_per_completion")
    certificate.pk, certificate.serial, certificate.verification_code = None, "DUP-1", "D" * 24
    certificate.save()
    check = issue_check(completions=bench_completions(), sample=2)
    assert check.duplicated == 1 and check.checked == 2
    assert not check.ok


@pytest.mark.services
@override_settings(CELERY_TASK_ALWAYS_EAGER=False)
def test_bench_issue_issues_through_the_real_worker_and_passes_its_checks(real_worker):
    CertificateTemplateFactory(name="Ministry default", is_default=True)
    out = StringIO()
    call_command("bench_issue", "--completions", "12", "--per-workshop", "5", stdout=out)
    printed = out.getvalue()
    assert "12 certificates issued, rendered and stored in" in printed
    assert "the disk: storing one 55 KB PDF in the certificates folder takes" in printed
    assert "0 completions with more than one" in printed
    assert "one valid, signed, stored certificate per completion" in printed
    assert not Completion.objects.filter(course__code="BENCH-ISSUE").exists()  # cleared after


def test_the_disk_floor_is_measured_where_certificates_are_stored_and_leaves_nothing():
    folder = Path(Certificate._meta.get_field("pdf").storage.path("certificates/2026"))
    before = set(folder.iterdir()) if folder.is_dir() else set()

    floor = store_floor(files=5, size=1000)

    assert 0 < floor < 1000  # milliseconds
    assert folder.is_dir()  # the folder the bulk issue writes to
    assert set(folder.iterdir()) == before


def test_the_disk_floor_keeps_its_files_until_all_are_timed_as_a_bulk_issue_does(monkeypatch):
    # A file removed before the next is created hands its inode back, which a bulk issue never
    # gets: the floor would miss a file system slow to allocate new ones.
    storage = Certificate._meta.get_field("pdf").storage
    folder = Path(storage.path("certificates/2026"))
    folder.mkdir(parents=True, exist_ok=True)
    before = set(folder.iterdir())
    present = []
    replace = type(storage).replace

    def counted(self, name, content):
        present.append(len(set(folder.iterdir()) - before))
        return replace(self, name, content)

    monkeypatch.setattr(type(storage), "replace", counted)

    store_floor(files=4, size=1000)

    assert present == [0, 1, 2, 3]
    assert set(folder.iterdir()) == before


def test_the_cpu_floor_draws_the_seeded_holders_certificates_and_records_nothing(db, monkeypatch):
    CertificateTemplateFactory(name="Ministry default", is_default=True)
    issue_seed(completions=4, per_workshop=2)
    drawn = []
    monkeypatch.setattr(
        "benchmarks.issue.certificate_pdf_render",
        lambda **kwargs: drawn.append(certificate_pdf_render(**kwargs)) or drawn[-1],
    )

    floor = render_floor(certificates=3)

    assert 0 < floor < 1000  # milliseconds
    assert len(drawn) == 3
    holders = {
        worker.name_latin for worker in HealthWorker.objects.filter(enrolments__isnull=False)
    }
    for pdf in drawn:
        text = pdf_text(pdf)[0]
        assert any(name in text for name in holders)  # a seeded holder's certificate
        assert "CME-" in text
    assert not Certificate.objects.exists()
