"""What `coverage` does when a lower app signals (connected in CoverageConfig.ready)."""

from functools import partial

from django.db import transaction


def _refresh_on_commit(*, facility_id: int, course_id: int) -> None:
    from coverage.tasks import coverage_refresh_pair_task

    transaction.on_commit(
        partial(coverage_refresh_pair_task.delay, facility_id=facility_id, course_id=course_id)
    )


def refresh_after_completion(sender, completion, **kwargs) -> None:
    """Queue the refresh of the completion's facility and course once the completion is saved."""
    _refresh_on_commit(
        facility_id=completion.health_worker.facility_id, course_id=completion.course_id
    )


def refresh_after_certificate(sender, certificate, **kwargs) -> None:
    """Queue the refresh of the certificate's facility and course once its change commits.

    Certificates are issued after the completion's own refresh may already have run, and revoked
    or withdrawn with no completion change at all: only this keeps the certificate figures right.
    """
    completion = certificate.completion
    _refresh_on_commit(
        facility_id=completion.health_worker.facility_id, course_id=completion.course_id
    )
