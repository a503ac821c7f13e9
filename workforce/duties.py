"""Separation of duties: nobody decides on their own record.

A claim review, a completion override, a certificate's revocation or re-issue, a walk-in's
acceptance and a role assignment are decisions about one person. Each service that takes such a
decision is wrapped in `decision_service`, which names the person decided about and refuses the
call, before anything is written, when the acting user is that person: the same user account, or
the user linked to the health worker's registry record (a reviewer who is also in the registry).
`DECISION_SERVICES` lists every wrapped service, so tests walk all of them.
"""

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class OwnRecordRefused(PermissionDenied):
    """The actor tried to decide on their own record."""

    def __init__(self):
        self.message = _(
            "You cannot decide on your own record: another member of staff must decide."
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class DecisionService:
    name: str
    function: Callable
    subject: Callable[[dict], object]  # the call's keyword arguments → a HealthWorker or a user
    actor: str  # the keyword argument naming the acting user


DECISION_SERVICES: dict[str, DecisionService] = {}


def _subject_user_id(subject) -> int | None:
    if subject is None:
        return None
    if isinstance(subject, get_user_model()):
        return subject.pk
    return getattr(subject, "user_id", None)  # a HealthWorker: its linked account, if any


def is_own_record(*, actor, subject) -> bool:
    """Whether `subject` (a health worker or a user) is the acting user themself."""
    if not getattr(actor, "is_authenticated", False):
        return False
    return _subject_user_id(subject) == actor.pk


def ensure_not_own_record(*, actor, subject) -> None:
    """Refuse, in the reader's language, a decision the actor would take on their own record."""
    if is_own_record(actor=actor, subject=subject):
        logger.warning("user %s refused a decision on their own record", actor.pk)
        raise OwnRecordRefused()


def decision_service(*, subject: Callable[[dict], object], actor: str = "user"):
    """Mark a service as deciding on a person's record; it then refuses that person as actor."""

    def wrap(function):
        @functools.wraps(function)
        def guarded(*args, **kwargs):
            ensure_not_own_record(actor=kwargs.get(actor), subject=subject(kwargs))
            return function(*args, **kwargs)

        DECISION_SERVICES[function.__name__] = DecisionService(
            name=function.__name__, function=guarded, subject=subject, actor=actor
        )
        return guarded

    return wrap


def exclude_own(queryset: QuerySet, *, user, worker_path: str) -> QuerySet:
    """A decision queue without the user's own records (`worker_path` leads to the HealthWorker)."""
    if not getattr(user, "is_authenticated", False):
        return queryset
    return queryset.exclude(Q(**{f"{worker_path}__user": user}))
