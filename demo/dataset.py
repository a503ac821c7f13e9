"""The national-scale benchmark data set, built in numbered steps like the demo (demo/build.py).

Each step is (label, build, clear). `build(ctx)` inserts its records in batches with
`bulk_create`; `clear(ctx)` deletes what `build` made. Steps run in order; a reset clears them in
reverse, so a later step (courses, workshops, attendance, completions) appends itself at the end
and its `clear` runs before the workers and facilities it points at are deleted. Generated
records are recognisable by `GENERATED_PREFIX` in their codes and licence numbers.
"""

import random
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection, models, transaction

from demo.synthetic import facilities_plan, health_workers_plan
from workforce.models import Facility, HealthWorker

DATASET_SEED = 20260405
GENERATED_PREFIX = "GEN-"
BATCH_SIZE = 5000


class DatasetExists(Exception):
    """Generated data is already in the database and no reset was asked for."""


@dataclass
class DatasetContext:
    """What every step gets: sizes asked for, the seeded random source, output and a report."""

    sizes: dict[str, int]
    rng: random.Random
    write: Callable[[str], None]
    report: dict = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def progress(self, label: str, done: int, total: int) -> None:
        elapsed = time.monotonic() - self.started
        self.write(f"   {label}: {done:,}/{total:,} ({elapsed:.1f} s)")

    def insert(
        self, model: type[models.Model], objects: Iterable, *, total: int, label: str
    ) -> int:
        """`bulk_create` in batches, reporting progress about ten times; returns the count."""
        done = 0
        iterator = iter(objects)
        every = max(1, total // 10)
        next_report = every
        while batch := list(islice(iterator, BATCH_SIZE)):
            model.objects.bulk_create(batch, batch_size=BATCH_SIZE)
            done += len(batch)
            if done >= next_report or done == total:
                self.progress(label, done, total)
                next_report += every
        return done


def generated_facilities():
    return Facility.objects.filter(code__startswith=GENERATED_PREFIX)


def facilities_build(ctx: DatasetContext) -> None:
    """Facilities over the 22 directorates, by population, with mobile clinics where deployed."""
    planned = facilities_plan(
        rng=ctx.rng, total=ctx.sizes["facilities"], code_prefix=GENERATED_PREFIX
    )
    ctx.insert(Facility, planned, total=len(planned), label="facilities")
    ctx.report["facilities"] = planned  # saved: bulk_create filled in their primary keys


def _delete_in_one_statement(queryset) -> None:
    # Django's delete() loads every row to look for cascades; the generated rows have none left
    # once the later steps' clear() ran, so one DELETE statement does (foreign keys still checked).
    queryset._raw_delete(queryset.db)


def facilities_clear(ctx: DatasetContext) -> None:
    _delete_in_one_statement(generated_facilities())


def health_workers_build(ctx: DatasetContext) -> None:
    """Health workers over those facilities and the cadres, with Arabic, Kurdish and Latin names."""
    total = ctx.sizes["workers"]
    planned = health_workers_plan(
        rng=ctx.rng, total=total, facilities=ctx.report["facilities"], id_prefix=GENERATED_PREFIX
    )
    ctx.report["workers"] = ctx.insert(HealthWorker, planned, total=total, label="health workers")


def health_workers_clear(ctx: DatasetContext) -> None:
    _delete_in_one_statement(
        HealthWorker.objects.filter(facility__in=generated_facilities().values("pk"))
    )


STEPS: list[tuple[str, Callable, Callable]] = [
    ("1. facilities", facilities_build, facilities_clear),
    ("2. health workers", health_workers_build, health_workers_clear),
]

# Courses, workshops, attendance, completions and the coverage cells (demo/coverage_dataset.py).
from demo.coverage_dataset import STEPS as COVERAGE_STEPS  # noqa: E402

STEPS += COVERAGE_STEPS


def dataset_build(
    *,
    sizes: dict[str, int],
    write: Callable[[str], None],
    reset: bool = False,
    seed: int = DATASET_SEED,
) -> DatasetContext:
    """Build the data set from a fixed seed; refuse on top of generated data unless `reset`."""
    ctx = DatasetContext(sizes=sizes, rng=random.Random(seed), write=write)
    if generated_facilities().exists():
        if not reset:
            raise DatasetExists
        write("0. removing the generated data set …")
        # Committed on its own: new rows then skip the old ones' unfinished index entries.
        with transaction.atomic():
            for _label, _build, clear in reversed(STEPS):
                clear(ctx)
    with transaction.atomic(), foreign_keys_set_aside(BULK_TABLES, write=write):
        for label, build, _clear in STEPS:
            write(f"{label} …")
            build(ctx)
    planner_statistics_update(BULK_TABLES + CELL_TABLES, write=write)
    return ctx


def planner_statistics_update(tables: list[str], *, write: Callable[[str], None]) -> None:
    """VACUUM ANALYZE the freshly loaded tables on PostgreSQL, so that the first queries on them
    get good plans and index-only scans instead of waiting for autovacuum."""
    if connection.vendor != "postgresql":
        return
    started = time.monotonic()
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {table}")
    write(f"   {command} of {len(tables)} tables ({time.monotonic() - started:.1f} s)")


# The tables the steps fill in bulk (millions of rows with the coverage steps).
BULK_TABLES = [
    "workforce_facility", "workforce_healthworker", "courses_workshop", "courses_session",
    "courses_enrolment", "courses_attendancemark", "courses_assessmentscore",
    "courses_completion", "certificates_certificate",
]  # fmt: skip

CELL_TABLES = ["coverage_trainedcell", "coverage_activitycell", "coverage_headcountcell"]


@contextmanager
def foreign_keys_set_aside(tables: list[str], *, write: Callable[[str], None]):
    """On PostgreSQL, drop the tables' foreign keys for the bulk load and add them back after.

    Django's foreign keys are checked at commit, one trigger call and row lock per inserted row:
    for the 5 million rows of the national set that took minutes. Adding a constraint back checks
    every row in one query, inside the same transaction, so a broken reference still fails the
    whole build.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])",
            [tables],
        )
        saved = cursor.fetchall()
        # A table with deferred checks still queued (rows just removed by --reset inside an outer
        # transaction) cannot be altered: fire them first.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, _definition in saved:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
    started = time.monotonic()
    with connection.cursor() as cursor:
        # Fire the deferred checks still queued (course pages) before the tables are altered.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table, name, definition in saved:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    write(f"   {len(saved)} foreign keys checked ({time.monotonic() - started:.1f} s)")
