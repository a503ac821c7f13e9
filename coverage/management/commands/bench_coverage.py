import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from courses.models import Completion
from coverage.forms import last_twelve_months
from workforce.models import Directorate, Governorate, RoleAssignment


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

    def handle(self, *args, runs: int, **options):
        user = self._auditor()
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
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
        for label, query in plain.items():
            p50, p95 = timed(query, max(5, runs // 4))
            self.stdout.write(f"{label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    def _auditor(self):
        user, created = get_user_model().objects.get_or_create(username="bench.auditor")
        if created:
            RoleAssignment.objects.create(user=user, role="auditor", level="national")
        return user


def _after(month):
    import datetime

    return (month + datetime.timedelta(days=32)).replace(day=1)
