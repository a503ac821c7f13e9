import uuid
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from courses import services
from courses.models import Completion, RecordChange
from courses.signals import completion_recorded
from tests.factories.courses import EnrolmentFactory

pytestmark = pytest.mark.django_db


def attend(enrolment, statuses, *, post=None, user=None):
    """Mark the sessions in order with `statuses` and enter the post-test score."""
    for session, status in zip(enrolment.workshop.sessions.all(), statuses, strict=False):
        services.attendance_mark(
            session=session,
            enrolment=enrolment,
            status=status,
            client_uuid=uuid.uuid4(),
            method="roster",
            user=user,
        )
    if post is not None:
        services.score_set(enrolment=enrolment, kind="post", score=Decimal(post), user=user)


@pytest.fixture
def enrolment(workshop, kirkuk_worker):
    return EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)


def test_completion_at_exactly_the_attendance_threshold_completes(enrolment):
    attend(enrolment, ["present", "late", "present", "absent"], post=70)
    completion = services.completion_evaluate(enrolment=enrolment)
    assert completion.is_complete
    assert completion.attendance_percent == Decimal("75.0")
    assert completion.cme_hours == enrolment.workshop.course.cme_hours


def test_completion_just_below_the_attendance_threshold_fails(enrolment):
    course = enrolment.workshop.course
    course.min_attendance_percent = 76
    course.save()
    attend(enrolment, ["present", "present", "present", "absent"], post=95)
    completion = services.completion_evaluate(enrolment=enrolment)
    assert not completion.is_complete
    assert completion.cme_hours == 0


def test_completion_with_a_post_test_just_below_the_pass_mark_fails(enrolment):
    attend(enrolment, ["present"] * 4, post="69.9")
    assert not services.completion_evaluate(enrolment=enrolment).is_complete


def test_completion_with_a_missing_post_test_fails(enrolment):
    attend(enrolment, ["present"] * 4)
    completion = services.completion_evaluate(enrolment=enrolment)
    assert not completion.is_complete
    assert completion.post_score is None


def test_completion_without_a_pass_mark_needs_no_post_test(enrolment):
    course = enrolment.workshop.course
    course.pass_mark_percent = None
    course.save()
    attend(enrolment, ["present"] * 4)
    assert services.completion_evaluate(enrolment=enrolment).is_complete


def test_excused_absences_count_only_when_the_rule_says_so(enrolment):
    attend(enrolment, ["present", "present", "excused", "absent"], post=80)
    assert not services.completion_evaluate(enrolment=enrolment).is_complete
    course = enrolment.workshop.course
    course.excused_counts_as_attended = True
    course.save()
    completion = services.completion_evaluate(enrolment=enrolment)
    assert completion.is_complete
    assert completion.attendance_percent == Decimal("75.0")


def test_evaluating_again_without_new_inputs_changes_nothing(enrolment):
    attend(enrolment, ["present"] * 4, post=90)
    services.completion_evaluate(enrolment=enrolment)
    received = []
    completion_recorded.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t1")
    try:
        services.completion_evaluate(enrolment=enrolment)
    finally:
        completion_recorded.disconnect(dispatch_uid="t1")
    assert received == []
    assert RecordChange.objects.filter(kind="completion").count() == 1


def test_a_changed_score_changes_the_completion_and_announces_it(enrolment):
    attend(enrolment, ["present"] * 4, post=50)
    services.completion_evaluate(enrolment=enrolment)
    received = []
    completion_recorded.connect(lambda **kw: received.append(kw), weak=False, dispatch_uid="t2")
    try:
        services.score_set(enrolment=enrolment, kind="post", score=Decimal(80), user=None)
        completion = services.completion_evaluate(enrolment=enrolment)
    finally:
        completion_recorded.disconnect(dispatch_uid="t2")
    assert completion.is_complete
    assert [r["completion"].pk for r in received] == [completion.pk]


def test_an_override_needs_a_reason_and_survives_evaluation(enrolment, trainer):
    attend(enrolment, ["present"] * 4)
    completion = services.completion_evaluate(enrolment=enrolment)
    with pytest.raises(ValidationError):
        services.completion_override(
            completion=completion, is_complete=True, reason=" ", user=trainer
        )
    services.completion_override(
        completion=completion, is_complete=True, reason="Post-test sheet lost", user=trainer
    )
    services.completion_evaluate(enrolment=enrolment)
    completion = Completion.objects.get(pk=completion.pk)
    assert completion.is_complete
    assert completion.cme_hours == enrolment.workshop.course.cme_hours


def test_closing_a_workshop_evaluates_every_enrolled_person(workshop, trainer):
    enrolments = EnrolmentFactory.create_batch(3, workshop=workshop)
    attend(enrolments[0], ["present"] * 4, post=90)
    services.enrolment_withdraw(enrolment=enrolments[2], user=trainer)
    services.workshop_close(workshop=workshop, user=trainer)
    assert workshop.status == "closed"
    outcomes = dict(Completion.objects.values_list("enrolment_id", "is_complete"))
    assert outcomes == {enrolments[0].pk: True, enrolments[1].pk: False}
