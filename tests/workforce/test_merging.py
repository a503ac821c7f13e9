"""Merging two registry records of one person: everything moves, and undo restores it exactly."""

import pytest

from django.core.exceptions import ValidationError
from django.http import Http404

from courses.models import (
    Completion,
    Enrolment,
    ExternalActivity,
    JoinRequest,
    QualifiedTrainer,
    WalkInRequest,
)
from tests.factories.workforce import governorate, staff_user
from tests.workforce.merging_fixtures import duplicate_pair, snapshot
from workforce.duties import OwnRecordRefused
from workforce.merging.services import health_worker_merge, health_worker_merge_undo
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(kirkuk_facility):
    return duplicate_pair(kirkuk_facility)


def _merge(pair, **choices):
    return health_worker_merge(
        survivor=pair.survivor, merged=pair.merged, actor=pair.admin, choices=choices
    )


def test_a_merge_moves_enrolments_completions_claims_requests_and_the_account(pair):
    account = pair.merged.user
    _merge(pair, user="merged", national_id="merged")
    survivor = HealthWorker.objects.get(pk=pair.survivor.pk)
    assert survivor.user == account and survivor.national_id == "19850101"
    assert Enrolment.objects.filter(health_worker=survivor).count() == 2
    assert Completion.objects.filter(health_worker=survivor, is_complete=True).count() == 1
    assert ExternalActivity.objects.get().health_worker == survivor
    assert JoinRequest.objects.get().health_worker == survivor
    assert WalkInRequest.objects.get().health_worker == survivor
    assert QualifiedTrainer.objects.get().health_worker == survivor  # with its completion
    assert HealthWorker.objects.get(pk=pair.merged.pk).merged_into == survivor


def test_both_enrolled_in_one_workshop_keeps_the_survivors_marks_and_fills_its_gaps(pair):
    _merge(pair)
    kept = Enrolment.objects.get(workshop=pair.shared_workshop, health_worker=pair.survivor)
    marks = {mark.session.date.day: mark.status for mark in kept.marks.all()}
    assert marks == {3: "present", 4: "present"}  # day 3 the survivor's, day 4 from the duplicate
    assert list(kept.scores.values_list("kind", flat=True)) == ["pre"]
    assert kept.completion.is_complete is False  # the survivor's completion is kept
    left = Enrolment.objects.get(workshop=pair.shared_workshop, health_worker=pair.merged)
    assert left.marks.get().status == "absent" and left.completion.is_complete


def test_undo_restores_every_affected_row_exactly(pair):
    before = snapshot()
    record = _merge(pair, user="merged", name_ar="merged", licence_number="merged")
    assert snapshot() != before
    health_worker_merge_undo(record=record, actor=pair.admin)
    after = snapshot()
    assert after.pop("RecordChange")[: len(before["RecordChange"])] == before.pop("RecordChange")
    assert after == before


def test_a_merge_undone_cannot_be_undone_twice(pair):
    record = _merge(pair)
    health_worker_merge_undo(record=record, actor=pair.admin)
    with pytest.raises(ValidationError):
        health_worker_merge_undo(record=record, actor=pair.admin)


def test_an_administrator_of_another_governorate_cannot_merge_and_nothing_changes(pair):
    before = snapshot()
    basra = staff_user("administrator", "governorate", governorate=governorate("BAS"))
    with pytest.raises(Http404):
        health_worker_merge(survivor=pair.survivor, merged=pair.merged, actor=basra, choices={})
    assert snapshot() == before


def test_a_trainer_in_scope_cannot_merge(pair):
    trainer = staff_user("trainer", "national")
    with pytest.raises(Http404):
        health_worker_merge(survivor=pair.survivor, merged=pair.merged, actor=trainer, choices={})


def test_nobody_merges_their_own_record(pair):
    HealthWorker.objects.filter(pk=pair.merged.pk).update(user=pair.admin)
    pair.merged.refresh_from_db()
    before = snapshot()
    with pytest.raises(OwnRecordRefused):
        _merge(pair)
    assert snapshot() == before


def test_a_junk_choice_is_refused_and_changes_nothing(pair):
    before = snapshot()
    with pytest.raises(ValidationError):
        _merge(pair, phone="both")
    with pytest.raises(ValidationError):
        _merge(pair, is_superuser="merged")
    assert snapshot() == before
