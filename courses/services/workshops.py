"""Workshops and their sessions: scheduling, changing, closing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import Completion, Session, Workshop
from courses.services.completion import completions_evaluate


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
) -> Workshop:
    """Schedule a workshop with one session per day; the user who schedules it trains it."""
    workshop = Workshop(
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
    workshop.trainers.add(user, *trainers)
    Session.objects.bulk_create(
        Session(workshop=workshop, date=starts_on + datetime.timedelta(days=offset))
        for offset in range((ends_on - starts_on).days + 1)
    )
    return workshop


def session_update(
    *, session: Session, topic: str, starts_at: datetime.time | None, ends_at: datetime.time | None
) -> Session:
    """Change a session's topic and times."""
    session.topic, session.starts_at, session.ends_at = topic, starts_at, ends_at
    session.full_clean()
    session.save()
    return session


def workshop_status_set(*, workshop: Workshop, status: str) -> Workshop:
    """Move a workshop to another status (closing goes through `workshop_close`)."""
    workshop.status = status
    workshop.full_clean()
    workshop.save(update_fields=["status"])
    return workshop


@transaction.atomic
def workshop_close(*, workshop: Workshop, user) -> list[Completion]:
    """Close the workshop and evaluate every enrolment into a completion."""
    workshop_status_set(workshop=workshop, status=Workshop.Status.CLOSED)
    return completions_evaluate(workshop=workshop, user=user)
