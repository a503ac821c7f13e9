"""Time the bulk issue of N certificates by the running Celery workers: `manage.py bench_issue`."""

import os
import time

from celery import current_app

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Sum

from benchmarks.issue import (
    PREFIX,
    bench_certificates,
    bench_completions,
    bench_user,
    issue_check,
    issue_clear,
    issue_seed,
    render_floor,
    store_floor,
)
from certificates.bulk import workshop_certificates_issue_start
from certificates.models import Certificate
from courses.models import Workshop
from coverage.models import ActivityCell


def issue_refusal(*, vendor: str, broker: str, eager: bool) -> str | None:
    """Why this set-up cannot measure the bulk issue (None when it can)."""
    if vendor != "postgresql":
        return (
            f"bench_issue measures PostgreSQL with Redis and running Celery workers; this "
            f"database is {vendor}. Start the services with scripts/ci-services and set "
            "DATABASE_URL and CELERY_BROKER_URL (docs/operations.md)."
        )
    if eager or not broker.startswith(("redis://", "rediss://")):
        how = "tasks run eagerly" if eager else f"the broker is {broker.split(':')[0]}"
        return (
            f"bench_issue measures Celery workers on Redis; here {how}. Set CELERY_BROKER_URL "
            "to a Redis server and start the workers (docs/operations.md)."
        )
    return None


def worker_processes(timeout: float = 3.0) -> dict[str, int]:
    """The running workers that answer, with the processes of each."""
    stats = current_app.control.inspect(timeout=timeout).stats() or {}
    return {name: info.get("pool", {}).get("max-concurrency", 0) for name, info in stats.items()}


def tasks_waiting() -> int:
    """Tasks queued on the broker or running on a worker (follow-ups included)."""
    with current_app.connection_for_write() as broker:  # Redis (issue_refusal): a list per queue
        queued = broker.default_channel.client.llen(current_app.conf.task_default_queue)
    active = current_app.control.inspect(timeout=1).active() or {}
    return queued + sum(len(tasks) for tasks in active.values())


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


class Command(BaseCommand):
    help = (
        "Seed N complete completions without certificates, issue them through the workshops' bulk "
        "issue on the running workers, and print the time, the rate and the checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--completions", type=int, default=10_000)
        parser.add_argument("--per-workshop", type=int, default=50, help="people per workshop")
        parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait")
        parser.add_argument(
            "--sample", type=int, help="check this many signatures and PDFs (default: all)"
        )
        parser.add_argument("--keep", action="store_true", help="keep the records and PDFs")

    def handle(self, *, completions, per_workshop, timeout, sample, keep, **options):
        if completions < 1 or per_workshop < 1:
            raise CommandError("--completions and --per-workshop must be at least 1.")
        refusal = issue_refusal(
            vendor=connection.vendor,
            broker=settings.CELERY_BROKER_URL,
            eager=settings.CELERY_TASK_ALWAYS_EAGER,
        )
        if refusal:
            raise CommandError(refusal)
        workers = worker_processes()
        if not workers:
            raise CommandError(
                "No Celery worker answers on this broker: start them first, e.g. "
                "`celery -A cme worker --concurrency 2` with the same settings."
            )
        self.stdout.write(
            f"workers: {', '.join(f'{name} ({n} processes)' for name, n in workers.items())}; "
            f"load average {load_average()}"
        )
        if removed := issue_clear():
            self.stdout.write(f"removed the previous run's {removed:,} certificates")
        seeding = time.perf_counter()
        with transaction.atomic():
            workshops = issue_seed(completions=completions, per_workshop=per_workshop)
        self.stdout.write(
            f"seeded {completions:,} completions in {len(workshops):,} workshops "
            f"({time.perf_counter() - seeding:.1f} s)"
        )
        self.stdout.write(
            f"the disk: storing one 55 KB PDF in the certificates folder takes "
            f"{store_floor():.2f} ms (median of 200 new files; a certificate's share outside the "
            "code, larger for minutes after many files were removed)"
        )
        self.stdout.write(
            f"the CPU: drawing one certificate's PDF in this process takes {render_floor():.2f} ms "
            "now (median of 200; the largest share of a certificate's work, two at a time on the "
            "workers)"
        )
        elapsed, counted, drained = self.issue(workshops, expected=completions, timeout=timeout)
        self.report(completions=completions, times=(elapsed, counted, drained), sample=sample)
        if not keep:
            issue_clear()

    def issue(self, workshops: list[Workshop], *, expected: int, timeout: float):
        """Start every workshop's bulk issue; wait until all are stored, then counted."""
        user = bench_user()
        started = time.perf_counter()
        with transaction.atomic():  # queued when this commits, as when a trainer presses the button
            for workshop in workshops:
                workshop_certificates_issue_start(workshop=workshop, user=user)
        stored = bench_certificates().filter(status=Certificate.Status.VALID).exclude(pdf="")
        elapsed = self.wait(lambda: stored.count(), expected, started, timeout, "stored")
        cells = ActivityCell.objects.filter(course__code=PREFIX)
        counted = self.wait(
            lambda: cells.aggregate(n=Sum("certificates"))["n"] or 0,
            expected,
            started,
            timeout,
            "counted in the coverage figures",
        )
        # The holders' notices are queued too; the run ends (and its records go) once the
        # workers have nothing left of it.
        drained = self.wait(tasks_waiting, 0, started, timeout, "tasks still queued or running")
        return elapsed, counted, drained

    def wait(self, count, expected: int, started: float, timeout: float, what: str) -> float:
        """Seconds since `started` until `count()` reaches `expected` (from below or above)."""
        rising = count() <= expected
        next_report = time.perf_counter() + 5
        while (done := count()) != expected and (done < expected) == rising:
            now = time.perf_counter()
            if now - started > timeout:
                raise CommandError(
                    f"{done:,} {what} after {timeout:.0f} s (waiting for {expected:,})"
                )
            if now >= next_report:
                self.stdout.write(f"   {done:,} {what} ({now - started:.1f} s)")
                next_report += 5
            time.sleep(0.2)
        return time.perf_counter() - started

    def report(self, *, completions: int, times: tuple[float, float, float], sample) -> None:
        stored, counted, drained = times
        self.stdout.write(
            f"{completions:,} certificates issued, rendered and stored in {stored:.1f} s "
            f"({completions / stored:.0f} certificates/s); all counted in the coverage figures "
            f"after {counted:.1f} s ({completions / counted:.0f} certificates/s); every "
            f"follow-up task (notices) done after {drained:.1f} s; load average {load_average()}"
        )
        check = issue_check(completions=bench_completions(), sample=sample)
        self.stdout.write(
            f"checks: {check.completions:,} completions, {check.certificates:,} valid "
            f"certificates ({check.with_pdf:,} with a stored PDF), {check.duplicated} completions "
            f"with more than one; signature and PDF checked on {check.checked:,}: "
            f"{check.bad_signature} bad signatures, {check.bad_pdf} bad PDFs"
        )
        if not check.ok:
            raise CommandError("the bulk issue left wrong certificates (see the checks above)")
        self.stdout.write(
            self.style.SUCCESS("one valid, signed, stored certificate per completion")
        )
