"""The coverage step of the demo (demo/build.py): the figures of what the earlier steps built."""

from coverage.services import coverage_rebuild


def seed_coverage(*, rng, report: dict) -> None:
    """Recompute the coverage cells and head counts, so the demo auditors see figures at once."""
    coverage_rebuild()
