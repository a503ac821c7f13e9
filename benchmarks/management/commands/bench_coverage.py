import datetime
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from courses.models import Completion, CoursePage, Enrolment, Workshop
from coverage import selectors
from coverage.forms import last_twelve_months
from coverage.receivers import refresh_after_completion
from coverage.selectors import CoverageQuery
from workforce.models import Directorate, Governorate, HealthWorker, RoleAssignment


def timed(function, runs: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds of `runs` calls, after two warm-up calls."""
    function()
    function()
    samples = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(0.95 * runs) - 1)]


class Command(BaseCommand):
    help = "Times the national coverage page, a drill-down and the plain COUNT(DISTINCT) queries."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=40)
        parser.add_argument(
            "--years",
            type=int,
            help="also time the national page and the drill-down over this many years "
            "(the whole history of a `generate_dataset --years` set)",
        )

    def handle(self, *args, runs: int, years: int | None, **options):
        user = self._auditor()
        client = Client(HTTP_HOST="localhost")
        _login(client, user)
        start, end = last_twelve_months()
        period = f"start={start:%Y-%m}&end={end:%Y-%m}"
        biggest = Governorate.objects.annotate(n=Count("facilities")).order_by("-n").first()
        directorate = Directorate.objects.annotate(n=Count("facilities")).order_by("-n").first()
        index = reverse("coverage:index")
        pages = {
            "national page (19 governorates x all courses)": f"{index}?{period}",
            f"drill-down to {biggest.name_en} (directorates x all courses)":
                f"{index}?{period}&level=governorate&place={biggest.pk}",
            f"drill-down to {directorate.code} (facilities x all courses)":
                f"{index}?{period}&level=directorate&place={directorate.pk}",
        }  # fmt: skip
        if years:
            first = (end.replace(year=end.year - years) + datetime.timedelta(days=32)).replace(
                day=1
            )
            whole = f"start={first:%Y-%m}&end={end:%Y-%m}"
            pages[f"national page over {years} years ({first:%Y-%m} to {end:%Y-%m})"] = (
                f"{index}?{whole}"
            )
            pages[f"drill-down to {biggest.name_en} over {years} years"] = (
                f"{index}?{whole}&level=governorate&place={biggest.pk}"
            )
        completions = Completion.objects.filter(
            is_complete=True, completed_on__gte=start, completed_on__lt=_after(end)
        )
        plain = {
            "plain COUNT(DISTINCT) national (governorate x course)": lambda: list(
                completions.values("health_worker__facility__governorate", "course").annotate(
                    n=Count("health_worker", distinct=True)
                )
            ),
            f"plain COUNT(DISTINCT) drill-down {biggest.name_en}": lambda: list(
                completions.filter(health_worker__facility__governorate=biggest)
                .values("health_worker__facility__directorate", "course")
                .annotate(n=Count("health_worker", distinct=True))
            ),
        }  # fmt: skip
        self.stdout.write(
            f"{connection.vendor}, {Completion.objects.count():,} completions, period "
            f"{start:%Y-%m} to {end:%Y-%m}, {runs} runs each (server time, in process)"
        )
        for label, url in pages.items():

            def get(url=url):
                response = client.get(url)
                assert response.status_code == 200, response.status_code

            p50, p95 = timed(get, runs)
            self.stdout.write(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        query = CoverageQuery(start=start, end=end)
        courses = CoursePage.objects.filter(locale__language_code="en").count()
        p50, p95 = timed(lambda: selectors.coverage_table(user=user, query=query), runs)
        self.stdout.write(
            f"national matrix from the cells (19 governorates x all {courses} courses): "
            f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        )
        for label, plain_query in plain.items():
            p50, p95 = timed(plain_query, max(5, runs // 4))
            self.stdout.write(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        self._freshness(user=user, query=query)

    def _freshness(self, *, user, query) -> None:
        """Time from the commit of a new completion until the national figures count it.

        The completion's refresh task is queued after commit as always; it runs here in process
        (eager), as a Celery worker would run it, so a worker's queue wait comes on top.
        """
        from celery import current_app as app

        # A generated worker not yet trained in the period, and the latest workshop of the
        # period in their governorate (the completion counts there).
        workshops = Workshop.objects.filter(
            ends_on__gte=query.start, ends_on__lt=_after(query.end)
        ).order_by("-ends_on", "pk")
        untrained = HealthWorker.objects.filter(facility__code__startswith="GEN-").exclude(
            completions__completed_on__gte=query.start
        )
        worker = workshop = None
        tried = set()
        for workshop_id, governorate in workshops.values_list("pk", "venue__governorate")[:1000]:
            if governorate in tried:
                continue
            tried.add(governorate)
            worker = untrained.filter(facility__governorate=governorate).order_by("pk").first()
            if worker is not None:
                workshop = Workshop.objects.get(pk=workshop_id)
                break
        if worker is None:
            raise CommandError(
                "No generated health worker untrained in the period has a workshop of the period "
                "in their governorate: build the set with generate_dataset first."
            )
        course_query = CoverageQuery(
            start=query.start, end=query.end, courses=(workshop.course_id,)
        )

        def trained() -> int:
            table = selectors.coverage_table(user=user, query=course_query)
            return table.figures(worker.facility.governorate_id, workshop.course_id).trained

        before = trained()
        eager = app.conf.task_always_eager
        app.conf.task_always_eager = True
        completion = None
        try:
            started = time.perf_counter()
            with transaction.atomic():
                enrolment = Enrolment.objects.create(workshop=workshop, health_worker=worker)
                completion = Completion.objects.create(
                    enrolment=enrolment, health_worker=worker, course_id=workshop.course_id,
                    workshop=workshop, completed_on=workshop.ends_on, is_complete=True,
                    attendance_percent=100, cme_hours=0,
                )  # fmt: skip
                refresh_after_completion(sender=Completion, completion=completion)
            while trained() != before + 1:
                if time.perf_counter() - started > 120:
                    raise CommandError("The new completion did not show within 120 s.")
                time.sleep(0.05)
            elapsed = (time.perf_counter() - started) * 1000
        finally:
            # The bench's completion goes whatever happened after its commit: a figure that
            # counts someone who was never trained must not outlive the run.
            if completion is not None and completion.pk is not None:
                with transaction.atomic():
                    Completion.objects.filter(pk=completion.pk).delete()
                    Enrolment.objects.filter(pk=enrolment.pk).delete()
                    refresh_after_completion(sender=Completion, completion=completion)
            app.conf.task_always_eager = eager
        self.stdout.write(
            f"new completion counted in the national figures {elapsed:.0f} ms after its commit "
            f"(refresh of one facility x course, run in process; a worker's queue wait adds to it)"
        )

    def _auditor(self):
        user, created = get_user_model().objects.get_or_create(username="bench.auditor")
        if created:
            RoleAssignment.objects.create(user=user, role="auditor", level="national")
        return user


def _login(client: Client, user) -> None:
    """Sign the auditor in with a confirmed second factor, as staff must be to see any page."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    client.force_login(user)
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _after(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)
