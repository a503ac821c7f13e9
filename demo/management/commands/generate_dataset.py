import time

from django.core.management.base import BaseCommand, CommandError

from demo.dataset import DATASET_SEED, DatasetExists, dataset_build


class Command(BaseCommand):
    help = "Builds national-scale benchmark data with bulk inserts (fixed seed)."

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=250_000, help="health workers")
        parser.add_argument("--facilities", type=int, default=5205, help="facilities")
        parser.add_argument("--courses", type=int, help="courses (default: workers / 500)")
        parser.add_argument(
            "--completions",
            type=int,
            help="enrolments, each with a completion and 4 attendance marks "
            "(default: 2 × workers, per year with --years)",
        )
        parser.add_argument(
            "--years",
            type=int,
            help="workshops spread over this many years up to October 2026, with the completions "
            "and marks scaled by it (default: the January 2024 to October 2026 set)",
        )
        parser.add_argument(
            "--workshops", type=int, help="workshops of 4 days (default: completions / 62)"
        )
        parser.add_argument("--seed", type=int, default=DATASET_SEED)
        parser.add_argument(
            "--reset", action="store_true", help="remove a previously generated data set first"
        )

    def handle(self, *args, workers: int, facilities: int, seed: int, reset: bool, **options):
        years = options["years"]
        if years is not None and not 1 <= years <= 20:
            raise CommandError("--years must be between 1 and 20.")
        completions = options["completions"] or 2 * workers * (years or 1)
        extra = {
            "years": years,
            "courses": options["courses"] or max(1, min(500, workers // 500)),
            "completions": completions,
            "workshops": options["workshops"] or max(1, completions // 62),
        }
        if facilities < 1 or workers < 0:
            raise CommandError("--facilities must be at least 1 and --workers at least 0.")
        started = time.monotonic()
        try:
            ctx = dataset_build(
                sizes={"workers": workers, "facilities": facilities, **extra},
                write=self.stdout.write,
                reset=reset,
                seed=seed,
            )
        except DatasetExists:
            raise CommandError(
                "A generated data set is already in this database. "
                "Run again with --reset to replace it."
            ) from None
        elapsed = time.monotonic() - started
        if "completions" in ctx.report:
            self.stdout.write(
                f"With them: {len(ctx.report['courses']):,} courses, "
                f"{len(ctx.report['workshops']):,} workshops, {ctx.report['marks']:,} attendance "
                f"marks and {ctx.report['completions']:,} completions."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {len(ctx.report['facilities']):,} facilities and "
                f"{ctx.report['workers']:,} health workers in {elapsed:.1f} s."
            )
        )
