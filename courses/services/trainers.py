"""Trainers of a workshop: roles, who may lead, qualifications from trainer courses and waivers.

The ministry's cascade rule (docs/programmes.md): when some course is the trainer course of a
workshop's course, only a qualified trainer, current on the workshop's first day, is its lead
trainer, unless an administrator of the workshop's place records a waiver with its reason.
Co-trainers and facilitators need no qualification; every trainer marks and scores.
"""

import calendar
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Locale

from core.isolates import isolate_latin
from courses.models import (
    Completion,
    CoursePage,
    LeadTrainerWaiver,
    QualifiedTrainer,
    TrainerRole,
    Workshop,
    WorkshopTrainer,
)
from workforce.duties import decision_service
from workforce.models import ADMINISTERING_ROLES, TRAINING_ROLES, RoleAssignment


def course_original(course: CoursePage) -> CoursePage:
    """The English original of a course: workshops and qualifications refer to it."""
    default = Locale.get_default()
    if course.locale_id == default.pk:
        return course
    return course.get_translation_or_none(default) or course


def needs_qualified_lead(course: CoursePage) -> bool:
    """Whether some course is the trainer course of this one (in any of its translations)."""
    return CoursePage.objects.filter(
        trainer_course_of__translation_key=course.translation_key
    ).exists()


def lead_qualification(*, trainer, course: CoursePage, on: datetime.date):
    """The trainer's qualification to lead `course` that holds on `on`, if any."""
    return (
        QualifiedTrainer.objects.current_on(on)
        .filter(health_worker__user=trainer, course=course_original(course))
        .order_by("-qualified_on")
        .first()
    )


def trainer_candidates(*, workshop: Workshop):
    """Staff with a training role in the workshop's governorate (at any level in it) or above it.

    A trainer of another facility or directorate of the governorate may join as co-trainer; being
    one of the workshop's trainers then lets them mark and score it (`Workshop.manageable_by`).
    """
    from django.contrib.auth import get_user_model

    governorate = workshop.venue.governorate
    in_or_above = (
        Q(level="national")
        | Q(level="region", region=governorate.region)
        | Q(governorate=governorate)
        | Q(directorate__governorate=governorate)
        | Q(facility__governorate=governorate)
    )
    assignments = RoleAssignment.objects.filter(in_or_above, role__in=TRAINING_ROLES)
    return (
        get_user_model()
        .objects.filter(is_active=True, pk__in=assignments.values("user"))
        .order_by("first_name", "last_name", "username")
    )


def months_later(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day if shorter (31 Jan → 28 Feb)."""
    years, month = divmod(day.month - 1 + months, 12)
    year = day.year + years
    return day.replace(
        year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1])
    )


def _name(user) -> str:
    return isolate_latin(user.get_full_name() or user.get_username())


@decision_service(subject=lambda call: call["trainer"])
def lead_waiver_record(*, workshop: Workshop, trainer, reason: str, user) -> LeadTrainerWaiver:
    """Record an administrator's waiver letting an unqualified trainer lead one workshop."""
    in_scope = Workshop.objects.visible_to(user, roles=ADMINISTERING_ROLES)
    if not in_scope.filter(pk=workshop.pk).exists():
        raise PermissionDenied(
            _("Only an administrator of the workshop's place can waive the trainer qualification.")
        )
    if not reason.strip():
        raise ValidationError(
            {"waiver_reason": _("Give the reason why this trainer may lead without qualification.")}
        )
    waiver = LeadTrainerWaiver(
        workshop=workshop, trainer=trainer, reason=reason.strip(), granted_by=user
    )
    waiver.full_clean()
    waiver.save()
    log(workshop, "cme.workshop.lead_waiver", user=user, data={"trainer": trainer.pk})
    return waiver


def lead_allowed(*, workshop: Workshop, trainer) -> bool:
    """Whether the trainer may lead: no qualification needed, qualified on day one, or waived."""
    if not needs_qualified_lead(workshop.course):
        return True
    if lead_qualification(trainer=trainer, course=workshop.course, on=workshop.starts_on):
        return True
    return workshop.lead_waivers.filter(trainer=trainer).exists()


@transaction.atomic
def workshop_lead_set(*, workshop: Workshop, trainer, user, waiver_reason: str = "") -> None:
    """Make `trainer` the lead: qualified, or with the waiver an administrator records here."""
    if not lead_allowed(workshop=workshop, trainer=trainer):
        if not waiver_reason.strip():
            raise ValidationError(
                _(
                    "Only a qualified trainer of %(course)s can lead its workshops: %(trainer)s "
                    "has no qualification valid on the workshop's first day. An administrator of "
                    "the workshop's place can record a waiver with its reason."
                )
                % {"course": isolate_latin(workshop.course.code), "trainer": _name(trainer)}
            )
        lead_waiver_record(workshop=workshop, trainer=trainer, reason=waiver_reason, user=user)
    rows = WorkshopTrainer.objects.filter(workshop=workshop)
    rows.filter(role=TrainerRole.LEAD).exclude(user=trainer).update(role=TrainerRole.CO_TRAINER)
    row, created = WorkshopTrainer.objects.get_or_create(
        workshop=workshop, user=trainer, defaults={"role": TrainerRole.LEAD, "added_by": user}
    )
    if not created and row.role != TrainerRole.LEAD:
        row.role = TrainerRole.LEAD
        row.save(update_fields=["role"])
    log(workshop, "cme.workshop.lead", user=user, data={"trainer": trainer.pk})


def workshop_trainer_add(*, workshop: Workshop, trainer, role: str, user) -> WorkshopTrainer:
    """Add a co-trainer or facilitator: staff with a training role over the workshop's place."""
    if role not in (TrainerRole.CO_TRAINER, TrainerRole.FACILITATOR):
        raise ValidationError({"role": _("Choose co-trainer or facilitator.")})
    if not trainer_candidates(workshop=workshop).filter(pk=trainer.pk).exists():
        raise ValidationError(
            {
                "trainer": _(
                    "Only staff with a trainer role in the workshop's governorate can train it."
                )
            }
        )
    if workshop.trainer_roles.filter(user=trainer).exists():
        raise ValidationError(
            {"trainer": _("%(name)s already trains this workshop.") % {"name": _name(trainer)}}
        )
    row = WorkshopTrainer.objects.create(workshop=workshop, user=trainer, role=role, added_by=user)
    log(workshop, "cme.workshop.trainer_add", user=user, data={"trainer": trainer.pk, "role": role})
    return row


def workshop_trainer_remove(*, row: WorkshopTrainer, user) -> None:
    """Take a co-trainer or facilitator off a workshop; the lead stays until another leads."""
    if row.role == TrainerRole.LEAD:
        raise ValidationError(
            _("The lead trainer cannot be removed: make another trainer the lead first.")
        )
    data = {"trainer": row.user_id, "role": row.role}
    row.delete()
    log(row.workshop, "cme.workshop.trainer_remove", user=user, data=data)


@transaction.atomic
def trainer_qualification_record(*, completion: Completion) -> QualifiedTrainer | None:
    """Qualify the person of a completed trainer course; a completion undone unqualifies them.

    The qualification holds from the completion's date through the day before the same date
    `qualification_months` later (24 months from 4 March 2026: through 3 March 2028).
    """
    course = completion.course
    target = course.trainer_course_of
    if target is None or not completion.is_complete:
        QualifiedTrainer.objects.filter(completion=completion).delete()
        return None
    valid_until = None
    if course.qualification_months:
        valid_until = months_later(
            completion.completed_on, course.qualification_months
        ) - datetime.timedelta(days=1)
    qualification, _created = QualifiedTrainer.objects.update_or_create(
        completion=completion,
        defaults={
            "health_worker": completion.health_worker,
            "course": course_original(target),
            "qualified_on": completion.completed_on,
            "valid_until": valid_until,
        },
    )
    return qualification
