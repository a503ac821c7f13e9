"""The records `bench_issue` issues certificates for, and the checks it makes afterwards.

Everything is recognisable by `PREFIX` (the course code, the venues' codes, the licence numbers),
so a run clears the previous one's records and its stored PDFs before seeding its own.
"""

import datetime
import random
import statistics
import time
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count

from wagtail.models import Locale

from benchmarks.people import bench_worker
from certificates import identity
from certificates.models import Certificate
from certificates.selectors import course_facts
from certificates.services import certificate_pdf_render
from certificates.verification import signature_check
from courses.models import Completion, CourseIndexPage, CoursePage, Enrolment, Workshop
from workforce.models import Cadre, Directorate, Facility, HealthWorker
from workforce.models.geography import FacilityKind

PREFIX = "BENCH-ISSUE"
FACILITIES = 40  # holders come from several places, as in a real workshop
COMPLETED_ON = datetime.date(2026, 3, 4)


def bench_user():
    """The account the bulk issue is started by (a superuser, as a national administrator)."""
    user, _ = get_user_model().objects.get_or_create(
        username="bench.issue", defaults={"is_superuser": True, "is_staff": True}
    )
    return user


def bench_completions():
    return Completion.objects.filter(course__code=PREFIX)


def bench_certificates():
    return Certificate.objects.filter(completion__course__code=PREFIX)


def issue_clear() -> int:
    """Remove a previous run's records and PDFs; returns how many certificates went."""
    certificates = list(bench_certificates().exclude(pdf="").values_list("pdf", flat=True))
    storage = Certificate._meta.get_field("pdf").storage
    for name in certificates:
        storage.delete(name)
    with transaction.atomic():
        removed, _ = bench_certificates().delete()
        Workshop.objects.filter(course__code=PREFIX).delete()  # enrolments, completions
        HealthWorker.objects.filter(licence_number__startswith=PREFIX).delete()
        Facility.objects.filter(code__startswith=PREFIX).delete()
        for course in CoursePage.objects.filter(code=PREFIX):
            course.delete()
    return removed


def store_floor(*, files: int = 200, size: int = 55_000) -> float:
    """Milliseconds to store one PDF-sized file in the certificates folder as the bulk issue does
    (`PrivateStorage.replace`), the median of `files` new files: the disk's share of a certificate.

    The files stay until all are timed, as a bulk issue's do, then go: a file removed before the
    next is created would hand that one its inode back. The code does not decide the figure: on
    this project's CI machine it is about 0.05 ms, and 0.2-1.0 ms for about six minutes after
    10,000 files were removed (its file system does not reuse a removed file's inode for 60 s, or
    360 s while the inode's block is not yet written back; docs/benchmarks.md, "Bulk issue"), so
    `bench_issue` prints it beside its figure, as `bench_verify` prints the floor of its stack.
    """
    storage = Certificate._meta.get_field("pdf").storage
    content = random.Random(14).randbytes(size)  # compressed PDF streams do not compress again
    names = [
        f"certificates/{COMPLETED_ON.year}/{PREFIX}-floor-{index}.pdf" for index in range(files)
    ]
    times = []
    try:
        for name in names:
            started = time.perf_counter()
            storage.replace(name, content)
            times.append(time.perf_counter() - started)
    finally:
        for name in names:
            storage.delete(name)
    return statistics.median(times) * 1000


def render_floor(*, certificates: int = 200) -> float:
    """Milliseconds to draw one certificate's PDF in this process, the median of `certificates` of
    the seeded holders (their course's renderer, their names, a signed QR code), nothing stored.

    Drawing is the largest share of a certificate's work, and the machine decides its speed as much
    as the code: on this project's CI machine the same code drew one in 2.3 to 3.4 ms from one
    minute to the next (docs/benchmarks.md, "Bulk issue"), so `bench_issue` prints it beside its
    figure, with the disk's floor.
    """
    completions = list(
        bench_completions()
        .select_related("health_worker", "course", "workshop__venue__governorate")
        .order_by("pk")[:certificates]
    )
    shared = course_facts(course=completions[0].course)
    times = []
    for number, completion in enumerate(completions, start=1):
        worker = completion.health_worker
        code = identity.new_verification_code()
        certificate = Certificate(
            completion=completion,
            serial=identity.serial_format(
                governorate_code=completion.workshop.venue.governorate.code,
                year=COMPLETED_ON.year,
                number=number,
            ),
            verification_code=code,
            signature=identity.sign(code.encode()),
            holder_name_ar=worker.name_ar,
            holder_name_latin=worker.name_latin,
            course_title_en=shared.titles.get("en", ""),
            course_title_ar=shared.titles.get("ar", ""),
            cme_hours=completion.cme_hours,
            completed_on=COMPLETED_ON,
            template=shared.template,
            providers=[],
        )
        started = time.perf_counter()
        certificate_pdf_render(certificate=certificate, renderer=shared.renderer)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def issue_seed(*, completions: int, per_workshop: int, seed: int = 14) -> list[Workshop]:
    """A course, venues, one health worker per completion and closed workshops of
    `per_workshop` people, each with a complete completion and no certificate yet."""
    rng = random.Random(seed)
    catalogue = CourseIndexPage.objects.filter(locale=Locale.get_default()).first()
    course = catalogue.add_child(
        instance=CoursePage(
            title="Bulk issue benchmark", slug="bench-issue", code=PREFIX, cme_hours=Decimal("12")
        )
    )
    directorates = list(Directorate.objects.select_related("governorate").order_by("pk"))
    chosen = rng.sample(directorates, min(FACILITIES, len(directorates)))
    venues = [
        Facility.objects.create(
            code=f"{PREFIX}-{number:03d}",
            name_en=f"Benchmark facility {number}",
            name_ar=f"مؤسسة القياس {number}",
            kind=FacilityKind.PHC_CENTRE,
            directorate=chosen[number % len(chosen)],
            governorate=chosen[number % len(chosen)].governorate,
        )
        for number in range(FACILITIES)
    ]
    cadre = Cadre.objects.order_by("pk").first()
    workers = [
        bench_worker(
            number,
            licence_number=f"{PREFIX}-{number:07d}",
            cadre=cadre,
            facility=rng.choice(venues),
        )
        for number in range(completions)
    ]
    workers = HealthWorker.objects.bulk_create(workers, batch_size=2000)
    groups = [
        workers[start : start + per_workshop] for start in range(0, completions, per_workshop)
    ]
    workshops = Workshop.objects.bulk_create(
        Workshop(
            course=course,
            venue=group[0].facility,
            starts_on=COMPLETED_ON - datetime.timedelta(days=3),
            ends_on=COMPLETED_ON,
            capacity=len(group),
            status=Workshop.Status.CLOSED,
        )
        for group in groups
    )
    enrolments = Enrolment.objects.bulk_create(
        (
            Enrolment(workshop=workshop, health_worker=worker)
            for workshop, group in zip(workshops, groups, strict=True)
            for worker in group
        ),
        batch_size=2000,
    )
    Completion.objects.bulk_create(
        (
            Completion(
                enrolment=enrolment,
                health_worker=enrolment.health_worker,
                course=course,
                workshop=enrolment.workshop,
                completed_on=COMPLETED_ON,
                is_complete=True,
                attendance_percent=Decimal("100.0"),
                post_score=Decimal("80.0"),
                cme_hours=course.cme_hours,
            )
            for enrolment in enrolments
        ),
        batch_size=2000,
    )
    return workshops


@dataclass
class IssueCheck:
    """What a bulk issue left behind, as the checks of `bench_issue` count it."""

    completions: int
    certificates: int  # valid certificates of those completions
    with_pdf: int
    duplicated: int  # completions with more than one valid certificate
    checked: int  # certificates whose signature and stored PDF were checked
    bad_signature: int
    bad_pdf: int

    @property
    def ok(self) -> bool:
        return (
            self.certificates == self.completions == self.with_pdf
            and not self.duplicated
            and not self.bad_signature
            and not self.bad_pdf
        )


def issue_check(*, completions, sample: int | None = None, seed: int = 14) -> IssueCheck:
    """Count the valid certificates of `completions`, find any completion with two, and check
    the signature (with the site's public key) and the stored PDF of all or a sample of them."""
    valid = Certificate.objects.filter(completion__in=completions, status=Certificate.Status.VALID)
    duplicated = valid.values("completion").annotate(n=Count("pk")).filter(n__gt=1).count()
    ids = list(valid.values_list("pk", flat=True))
    if sample is not None and sample < len(ids):
        ids = random.Random(seed).sample(ids, sample)
    bad_signature = bad_pdf = 0
    for certificate in Certificate.objects.filter(pk__in=ids).iterator(chunk_size=2000):
        if not signature_check(certificate=certificate, facts="", signature=certificate.signature):
            bad_signature += 1
        if not certificate.pdf or not _is_pdf(certificate):
            bad_pdf += 1
    return IssueCheck(
        completions=completions.count(),
        certificates=valid.count(),
        with_pdf=valid.exclude(pdf="").count(),
        duplicated=duplicated,
        checked=len(ids),
        bad_signature=bad_signature,
        bad_pdf=bad_pdf,
    )


def _is_pdf(certificate: Certificate) -> bool:
    try:
        with certificate.pdf.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False
