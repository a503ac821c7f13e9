"""A duplicate pair in Kirkuk with a row of every kind a merge moves, shared by the merge tests."""

import datetime
from dataclasses import dataclass

from django.core import serializers

from accounts.models import RecordClaim
from certificates import services as certificate_services
from certificates.models import Certificate
from courses.models import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    Enrolment,
    ExternalActivity,
    JoinRequest,
    QualifiedTrainer,
    RecordChange,
    WalkInRequest,
)
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.courses import (
    AssessmentScoreFactory,
    AttendanceMarkFactory,
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
    WorkshopFactory,
)
from tests.factories.workforce import HealthWorkerFactory, UserFactory, governorate, staff_user
from workforce.models import HealthWorker, HealthWorkerAlias

SNAPSHOT_MODELS = (
    HealthWorker, Enrolment, AttendanceMark, AssessmentScore, Completion, Certificate,
    ExternalActivity, JoinRequest, WalkInRequest, RecordClaim, HealthWorkerAlias, QualifiedTrainer,
)  # fmt: skip


def snapshot() -> dict:
    """Every row of every kind a merge touches, as stored, and the record-change log's rows."""
    rows = {
        m.__name__: serializers.serialize("json", m.objects.order_by("pk")) for m in SNAPSHOT_MODELS
    }
    rows["RecordChange"] = list(RecordChange.objects.order_by("pk").values("pk", "health_worker"))
    return rows


@dataclass
class Pair:
    survivor: HealthWorker
    merged: HealthWorker
    admin: object
    shared_workshop: object
    certificate: Certificate


def kirkuk_admin():
    return staff_user("administrator", "governorate", governorate=governorate("KIR"))


def duplicate_pair(facility) -> Pair:
    """Ahmed twice at one Kirkuk hospital: the walk-in record has the account and a certificate."""
    template = CertificateTemplateFactory(name="Ministry default", is_default=True)
    SignatoryFactory(template=template)
    survivor = HealthWorkerFactory(
        facility=facility, name_ar="أحمد علي حسن", name_latin="Ahmed Ali Hassan",
        licence_number="KIR-100", phone="07701000001",
    )  # fmt: skip
    merged = HealthWorkerFactory(
        facility=facility, name_ar="احمد علي حسن", name_latin="Ahmad Ali Hasan",
        licence_number="KIR-200", national_id="19850101", phone="07501000002",
        user=UserFactory(username="ahmad.walkin"),
    )  # fmt: skip
    # Only the merged record took this course: its completion and certificate move.
    own = EnrolmentFactory(workshop=WorkshopFactory(venue=facility), health_worker=merged)
    AttendanceMarkFactory(enrolment=own)
    AssessmentScoreFactory(enrolment=own)
    completion = CompletionFactory(enrolment=own)
    certificate = certificate_services.certificate_issue(completion_id=completion.pk, notify=False)
    # That course trains trainers: the qualification it gave follows the completion.
    QualifiedTrainer.objects.create(
        health_worker=merged,
        course=completion.course,
        completion=completion,
        qualified_on=completion.completed_on,
    )
    # Both were enrolled in the same workshop: the survivor's enrolment is kept.
    shared = WorkshopFactory(venue=facility, starts_on=datetime.date(2026, 5, 3))
    first, second = shared.sessions.order_by("date")[:2]
    kept = EnrolmentFactory(workshop=shared, health_worker=survivor)
    AttendanceMarkFactory(enrolment=kept, session=first)
    CompletionFactory(enrolment=kept, is_complete=False)
    other = EnrolmentFactory(workshop=shared, health_worker=merged)
    AttendanceMarkFactory(enrolment=other, session=first, status="absent")
    AttendanceMarkFactory(enrolment=other, session=second)
    AssessmentScoreFactory(enrolment=other, kind="pre", score=40)
    CompletionFactory(enrolment=other)
    ExternalActivityFactory(health_worker=merged, title="Oxygen therapy seminar")
    JoinRequest.objects.create(
        workshop=WorkshopFactory(venue=facility, status="open"), health_worker=merged
    )
    WalkInRequest.objects.create(session=first, health_worker=merged)
    return Pair(survivor, merged, kirkuk_admin(), shared, certificate)
