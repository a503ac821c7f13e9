"""Demo step of merging: the demo nurse recorded twice, and the two records merged into one.

Zainab (login worker.kirkuk) came to a Kirkuk HRM-201 workshop as a walk-in; the trainer added
her again, in Sorani spelling, "زەینەب حوسێن البیاتی" / "Zeinab Husain Albayati", with her national
ID and another phone. That record earned a certificate. The national administrator then merged it
into her record: the certificate is hers (and still verifies), the walk-in's name, phone and
national ID are aliases that still find her, and the merge's page offers the undo.
"""

import datetime
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates import services as certificate_services
from courses import services
from courses.models import Enrolment, Workshop
from courses.models.workshops import RecordMethod
from demo.tracking import DEMO_WORKER_LICENCE, _workshop
from workforce.merging.services import health_worker_merge
from workforce.models import HealthWorker, HealthWorkerMerge
from workforce.services import health_worker_create

DUPLICATE = {
    "name_ar": "زەینەب حوسێن البیاتی",
    "name_latin": "Zeinab Husain Albayati",
    "national_id": "199003140021",
    "phone": "07501234500",
    "sex": "F",
    "is_verified": False,  # a walk-in: nobody has checked it against the registry
}


def _duplicate_with_a_certificate(*, survivor: HealthWorker, trainer, rng) -> HealthWorker:
    duplicate = health_worker_create(**DUPLICATE, cadre=survivor.cadre, facility=survivor.facility)
    workshop = _workshop(
        trainer=trainer, code="HRM-201", governorate="KIR", started_days_ago=75, days=2,
        today=timezone.localdate(),
    )  # fmt: skip
    enrolment = services.enrolment_add(
        workshop=workshop, health_worker=duplicate, user=trainer,
        source=Enrolment.Source.WALK_IN, check_capacity=False,
    )  # fmt: skip
    for session in workshop.sessions.all():
        services.attendance_mark(
            session=session, enrolment=enrolment, status="present", method=RecordMethod.ROSTER,
            client_uuid=uuid.UUID(int=rng.getrandbits(128)), user=trainer,
            taken_at=timezone.make_aware(datetime.datetime.combine(session.date, datetime.time(9))),
        )  # fmt: skip
    services.score_set(enrolment=enrolment, kind="pre", score=Decimal(55), user=trainer)
    services.score_set(enrolment=enrolment, kind="post", score=Decimal(88), user=trainer)
    services.workshop_close(workshop=workshop, user=trainer)
    completion = enrolment.completion
    certificate_services.certificate_issue(completion_id=completion.pk, notify=False)
    return duplicate


def seed_merged_duplicate(*, rng, report) -> None:
    """A walk-in duplicate of the demo nurse, with its own certificate, merged into her record."""
    survivor = HealthWorker.objects.filter(licence_number=DEMO_WORKER_LICENCE).first()
    if survivor is None or HealthWorkerMerge.objects.filter(survivor=survivor).exists():
        return
    users = get_user_model().objects
    trainer = users.get(username="trainer.kirkuk")
    duplicate = _duplicate_with_a_certificate(survivor=survivor, trainer=trainer, rng=rng)
    record = health_worker_merge(
        survivor=survivor,
        merged=duplicate,
        actor=users.get(username="administrator.national"),
        choices={"national_id": "merged"},  # her record had none: the walk-in's is kept
    )
    report["merged_duplicate"] = {
        "kept": str(survivor),
        "aliases": [alias.value for alias in record.aliases.all()],
        "workshops": Workshop.objects.filter(enrolments__health_worker=survivor).count(),
    }
