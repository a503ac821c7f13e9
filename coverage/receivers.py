"""What `coverage` does when a lower app signals (connected in CoverageConfig.ready)."""

from django.db import transaction

from courses.models import Completion, Enrolment


class _PairsRefresh:
    """An on-commit callback that notes every pair gathered before it and queues one task."""

    def __init__(self, pair: tuple[int, int]):
        self.pairs = {pair}

    def __call__(self) -> None:
        from coverage.services import coverage_refresh_later

        coverage_refresh_later(pairs=self.pairs)


def _pending(kind):
    """This transaction's on-commit callback of `kind` still to run, or None.

    Django drops a callback when a savepoint active at its registration rolls back; every such
    savepoint still active encloses the change that joins it too, so what joins cannot outlive
    the callback (at worst a rolled-back change is refreshed needlessly, which only recomputes the
    same figures).
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    return next(
        (
            callback
            for _sp, callback, _robust in connection.run_on_commit
            if isinstance(callback, kind)
        ),
        None,
    )


def _refresh_on_commit(*, facility_id: int, course_id: int) -> None:
    """Queue the pair's refresh once the change commits; a transaction that records many
    completions or certificates (a bulk issue, an import) queues one task for all its pairs, and
    a task recomputes every pair waiting when it starts (`coverage_refresh_pending`)."""
    pair = (facility_id, course_id)
    if (pending := _pending(_PairsRefresh)) is not None:
        pending.pairs.add(pair)
    else:
        transaction.on_commit(_PairsRefresh(pair))


class _HeadcountsRebuild:
    """An on-commit callback that queues one head-count rebuild for its transaction."""

    def __call__(self) -> None:
        from coverage.tasks import headcount_rebuild_task

        headcount_rebuild_task.delay()


def _headcounts_on_commit() -> None:
    """Queue the head counts' rebuild once the change commits, once for a transaction that moves
    or merges many people (an import)."""
    if _pending(_HeadcountsRebuild) is None:
        transaction.on_commit(_HeadcountsRebuild())


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


def refresh_after_scores(sender, enrolment_ids, **kwargs) -> None:
    """Queue the refresh of the facility and course of every enrolment whose scores changed: the
    score figures count every enrolment's scores, complete or not."""
    pairs = (
        Enrolment.objects.filter(pk__in=enrolment_ids)
        .values_list("health_worker__facility_id", "workshop__course_id")
        .distinct()
    )
    for facility_id, course_id in pairs:
        _refresh_on_commit(facility_id=facility_id, course_id=course_id)


def refresh_after_workshop_providers(sender, workshop, **kwargs) -> None:
    """Queue the refresh of every facility and course of the workshop's completions: the
    provider cells of those completions follow the workshop's new providers."""
    pairs = workshop.completions.values_list("health_worker__facility_id", "course_id").distinct()
    for facility_id, course_id in pairs:
        _refresh_on_commit(facility_id=facility_id, course_id=course_id)


def refresh_after_move(sender, worker, facility_ids, **kwargs) -> None:
    """Queue the refresh of both facilities for every course of a person who moved, and of the
    head counts, so the person is trained and counted where they work now."""
    courses = set(
        Completion.objects.filter(health_worker=worker).values_list("course_id", flat=True)
    )
    for course_id in sorted(courses):
        for facility_id in sorted(facility_ids):
            _refresh_on_commit(facility_id=facility_id, course_id=course_id)
    _headcounts_on_commit()


def refresh_after_merge(sender, survivor, merged, facility_ids, **kwargs) -> None:
    """Queue the refresh of both records' cells and of the head counts after a merge or undo."""
    workers = [survivor.pk, merged.pk]
    courses = set(
        Completion.objects.filter(health_worker__in=workers).values_list("course_id", flat=True)
    )
    for course_id in courses:
        for facility_id in facility_ids:
            _refresh_on_commit(facility_id=facility_id, course_id=course_id)
    _headcounts_on_commit()
