from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The `bench_*` and `measure_*` commands behind docs/benchmarks.md; no product code."""

    name = "benchmarks"
    verbose_name = "Benchmarks"
