"""Every row that points at a health worker is either moved by a merge or stays on purpose.

The relations are discovered from the models, so a new one fails here until someone says how a
merge treats it: a mover (workforce.merging.movers) moves it, or it is listed as staying.
"""

import pytest

from django.apps import apps

from workforce.merging.movers import MOVERS
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db

MOVED = {  # by the mover named
    "courses.Enrolment.health_worker": "courses",
    "courses.Completion.health_worker": "courses",
    "courses.ExternalActivity.health_worker": "courses",
    "courses.RecordChange.health_worker": "courses",
    "courses.WalkInRequest.health_worker": "courses",
    "courses.JoinRequest.health_worker": "courses",
    "accounts.RecordClaim.health_worker": "accounts",
    "courses.QualifiedTrainer.health_worker": "courses",  # with the completion it came from
}
STAYING = {
    # Who read the merged record and when: the audit of reads of that record as it was.
    "workforce.PersonalRecordRead.health_worker",
    # What was sent to that record's address and when (a notice's key is its event's, so the
    # survivor is not told twice).
    "courses.Notice.health_worker",
    # The merge's own bookkeeping.
    "workforce.HealthWorker.merged_into",
    "workforce.HealthWorkerMerge.survivor",
    "workforce.HealthWorkerMerge.merged",
    "workforce.HealthWorkerAlias.health_worker",
}


def _relations() -> set[str]:
    return {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is HealthWorker
    }


def test_every_relation_to_a_health_worker_is_moved_or_stays_on_purpose():
    assert _relations() == set(MOVED) | STAYING


def test_every_moved_relation_is_moved_by_a_registered_mover():
    assert set(MOVED.values()) <= set(MOVERS)
