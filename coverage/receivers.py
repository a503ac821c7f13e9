from functools import partial

from django.db import transaction


def refresh_after_completion(sender, completion, **kwargs) -> None:
    """Queue the refresh of the completion's facility and course once the completion is saved."""
    from coverage.tasks import coverage_refresh_pair_task

    facility_id = completion.health_worker.facility_id
    transaction.on_commit(
        partial(
            coverage_refresh_pair_task.delay,
            facility_id=facility_id,
            course_id=completion.course_id,
        )
    )
