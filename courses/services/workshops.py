"""Workshops and their sessions: scheduling, changing, closing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from courses.models import Completion, Enrolment, Session, Workshop
from courses.notices.events import workshop_scheduled_queue
from courses.services.completion import completions_evaluate
from courses.services.trainers import trainer_candidates, workshop_lead_set
from courses.signals import workshop_providers_changed


@transaction.atomic
def workshop_create(
    *,
    user,
    course,
    venue,
    starts_on: datetime.date,
    ends_on: datetime.date,
    capacity: int = 30,
    language: str = "ar",
    trainers=(),
    lead=None,
    waiver_reason: str = "",
    lead_provider=None,
    partners=(),
) -> Workshop:
    """Schedule a workshop with one session per day, led by `lead` or else by the user.

    A course with a trainer course is led only by a qualified trainer, or with an administrator's
    waiver (`waiver_reason`): see `workshop_lead_set`. `trainers` join as co-trainers.
    """
    workshop = Workshop(
        lead_provider=lead_provider,
        course=course,
        venue=venue,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        language=language,
        created_by=user,
    )
    workshop.full_clean()
    if (ends_on - starts_on).days > 60:
        raise ValidationError({"ends_on": _("A workshop lasts at most 60 days.")})
    workshop.save()
    log(workshop, "cme.workshop.create", user=user)  # first: the lead is set on a workshop
    if lead is not None and not trainer_candidates(workshop=workshop).filter(pk=lead.pk).exists():
        raise ValidationError(
            {
                "lead": _(
                    "Only staff with a trainer role in the workshop's governorate can train it."
                )
            }
        )
    workshop_lead_set(
        workshop=workshop, trainer=lead or user, user=user, waiver_reason=waiver_reason
    )
    workshop.trainers.add(
        *(t for t in trainers if t != (lead or user)), through_defaults={"added_by": user}
    )
    workshop.partners.set([p for p in partners if p != lead_provider])
    Session.objects.bulk_create(
        Session(workshop=workshop, date=starts_on + datetime.timedelta(days=offset))
        for offset in range((ends_on - starts_on).days + 1)
    )
    return workshop


@transaction.atomic
def workshop_providers_set(*, workshop: Workshop, lead_provider, partners, user) -> Workshop:
    """Name who runs the workshop: its lead provider and partners; the log keeps what it was."""
    before = {
        "lead": workshop.lead_provider.code if workshop.lead_provider_id else "",
        "partners": sorted(workshop.partners.values_list("code", flat=True)),
    }
    workshop.lead_provider = lead_provider
    workshop.full_clean()
    workshop.save(update_fields=["lead_provider"])
    workshop.partners.set([p for p in partners if p != lead_provider])
    after = {
        "lead": lead_provider.code if lead_provider else "",
        "partners": sorted(p.code for p in partners if p != lead_provider),
    }
    log(workshop, "cme.workshop.providers", user=user, data={"before": before, "after": after})
    workshop_providers_changed.send(sender=Workshop, workshop=workshop)
    return workshop


def session_update(
    *,
    session: Session,
    topic: str,
    starts_at: datetime.time | None,
    ends_at: datetime.time | None,
    user=None,
) -> Session:
    """Change a session's topic and times; the workshop's log keeps what it was."""
    before = {"topic": session.topic, "starts_at": str(session.starts_at or "")}
    session.topic, session.starts_at, session.ends_at = topic, starts_at, ends_at
    session.full_clean()
    session.save()
    # Logged on the workshop: its scope decides who reads the entry in the site history.
    data = {"session": session.pk, "date": str(session.date), "before": before, "topic": topic}
    log(session.workshop, "cme.session.edit", user=user, data=data)
    return session


def workshop_status_set(*, workshop: Workshop, status: str, user=None) -> Workshop:
    """Move a workshop to another status (closing goes through `workshop_close`)."""
    old = Workshop.objects.filter(pk=workshop.pk).values_list("status", flat=True).first()
    workshop.status = status
    workshop.full_clean()
    workshop.save(update_fields=["status"])
    if old != status:
        log(workshop, "cme.workshop.status", user=user, data={"old": old, "new": status})
        if old == Workshop.Status.CLOSED:
            log(workshop, "cme.workshop.reopen", user=user, data={"new": status})
        if status == Workshop.Status.OPEN:  # the roster so far hears of it (once each)
            enrolled = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED)
            workshop_scheduled_queue(
                workshop=workshop,
                health_worker_ids=enrolled.values_list("health_worker_id", flat=True),
            )
    return workshop


@transaction.atomic
def workshop_close(*, workshop: Workshop, user) -> list[Completion]:
    """Close the workshop and evaluate every enrolment into a completion."""
    workshop_status_set(workshop=workshop, status=Workshop.Status.CLOSED, user=user)
    return completions_evaluate(workshop=workshop, user=user)
