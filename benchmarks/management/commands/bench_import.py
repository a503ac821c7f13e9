"""Time the attendance import on a generated sheet: `manage.py bench_import --rows 10000`."""

import datetime
import io
import time
from decimal import Decimal

from openpyxl import Workbook

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Locale

from benchmarks.people import bench_worker
from courses import importers
from courses.models import AttendanceImport, CourseIndexPage, CoursePage, Workshop
from courses.services import workshop_create
from workforce.models import Cadre, Directorate, Facility, HealthWorker

SESSIONS = 10


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Build an N-row sign-in sheet, import it through the page's code path, print rows/s."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10000)
        parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
        parser.add_argument("--keep", action="store_true", help="keep the generated records")

    def handle(self, *, rows, format, keep, **options):
        self.stored = None  # the uploaded sheet's name in private storage, once saved
        kept = False
        try:
            with transaction.atomic():
                self.run(rows=rows, file_format=format)
                if not keep:
                    raise Rollback
            kept = True
        except Rollback:
            pass
        finally:
            # A rolled-back record leaves its file behind: the sheet goes with the records.
            if not kept and self.stored:
                AttendanceImport._meta.get_field("file").storage.delete(self.stored)

    def run(self, *, rows: int, file_format: str) -> None:
        people = max(1, rows // SESSIONS)
        workshop, user = self.workshop(people)
        workers = self.workers(people, workshop.venue)
        content = self.sheet(workshop, workers, rows, file_format)
        upload = SimpleUploadedFile(f"bench.{file_format}", content)
        record = AttendanceImport.objects.create(
            workshop=workshop, file=upload, original_name=upload.name, created_by=user
        )
        self.stored = record.file.name
        started = time.perf_counter()
        record = importers.attendance_import_run(import_id=record.pk)
        elapsed = time.perf_counter() - started
        if record.errors:
            self.stderr.write(f"import refused: {record.errors[:3]}")
            return
        self.stdout.write(
            f"{record.rows} rows imported ({record.marks_created} marks, {record.scores_saved} "
            f"scores, {record.enrolments_created} enrolments) in {elapsed:.2f} s"
        )
        self.stdout.write(f"{record.rows / elapsed:.0f} rows/s")

    def workshop(self, people: int) -> tuple[Workshop, object]:
        user, _ = get_user_model().objects.get_or_create(
            username="bench.import", defaults={"is_superuser": True}
        )
        catalogue = CourseIndexPage.objects.filter(locale=Locale.get_default()).first()
        course = catalogue.add_child(
            instance=CoursePage(
                title="Benchmark course",
                slug=f"bench-{time.time_ns()}",
                code="BENCH",
                cme_hours=Decimal("10"),
            )
        )
        directorate = Directorate.objects.order_by("pk").first()
        venue = Facility.objects.create(
            code=f"BENCH-{time.time_ns()}"[:20],
            name_en="Benchmark venue",
            name_ar="مكان",
            kind="training",
            directorate=directorate,
            governorate=directorate.governorate,
        )
        start = datetime.date(2026, 3, 1)
        workshop = workshop_create(
            user=user,
            course=course,
            venue=venue,
            starts_on=start,
            ends_on=start + datetime.timedelta(days=SESSIONS - 1),
            capacity=people,
        )
        workshop.status = Workshop.Status.RUNNING
        workshop.save(update_fields=["status"])
        return workshop, user

    def workers(self, people: int, venue) -> list[HealthWorker]:
        cadre = Cadre.objects.order_by("pk").first()
        stamp = time.time_ns()
        workers = [
            bench_worker(n, licence_number=f"B{stamp}-{n}", cadre=cadre, facility=venue)
            for n in range(people)
        ]
        HealthWorker.objects.bulk_create(workers, batch_size=1000)
        return list(HealthWorker.objects.filter(facility=venue).order_by("pk"))

    def sheet(self, workshop, workers, rows: int, file_format: str) -> bytes:
        days = [session.date for session in workshop.sessions.all()]
        statuses = ["present", "present", "present", "late", "absent", "excused"]
        header = [
            "Licence number",
            "Name (Latin)",
            "Session date",
            "Attendance",
            "Pre-test (%)",
            "Post-test (%)",
        ]
        body = []
        for index in range(rows):
            worker = workers[index // SESSIONS % len(workers)]
            body.append(
                [
                    worker.licence_number,
                    worker.name_latin,
                    days[index % SESSIONS],
                    statuses[index % len(statuses)],
                    40 + index // SESSIONS % 30,
                    60 + index // SESSIONS % 40,
                ]
            )
        if file_format == "csv":
            lines = [";".join(header)] + [
                ";".join([r[0], r[1], r[2].strftime("%d/%m/%Y"), r[3], str(r[4]), str(r[5])])
                for r in body
            ]
            return ("\ufeff" + "\n".join(lines)).encode()
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(header)
        for row in body:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
