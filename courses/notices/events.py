"""What each event tells whom: the notices of workshops, sessions, claims and CME cycles.

Each function decides the people and the words; `notices_queue` (`notices_queue_many` for a
whole roster, in a few queries) records and sends. Texts are composed in the person's language, so
every string here is marked for translation. Certificates (a higher app) call `notices_queue_many`
for "certificate ready"; the renewals part calls
`certificate_expiring_notify` below from its own beat.
"""

import datetime
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment, ExternalActivity, Notice, Session, Workshop
from courses.notices.services import Compose, NoticeEvent, notices_queue, notices_queue_many
from courses.selectors.learning import credits_in_cycle_many
from workforce.models import HealthWorker

# A person told their cycle ends short is not looked at again for this long: one cycle lasts at
# least a year, so the dedupe key (person and cycle end) stays the rule and this only saves work.
CYCLE_QUIET_DAYS = 120
CYCLE_BATCH = 500  # people whose hours are read, and who are told, together


def _site_url(name: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _hours(value) -> str:
    return str(value.to_integral()) if value == value.to_integral() else str(value.normalize())


def _workshop_facts(workshop: Workshop) -> dict:
    """The workshop in the active language: the course's title as translated, the venue's name."""
    return {
        "course": workshop.course.localized.title,
        "venue": workshop.venue.name,
        "starts": f"{workshop.starts_on:%Y-%m-%d}",
        "ends": f"{workshop.ends_on:%Y-%m-%d}",
    }


def workshop_scheduled_queue(*, workshop: Workshop, health_worker_ids: Iterable[int]) -> None:
    """After the change commits, tell the people newly on a workshop's roster (a task)."""
    from courses.tasks import workshop_scheduled_notify_task  # tasks import this module

    ids = list(health_worker_ids)
    if ids and workshop.starts_on > timezone.localdate():
        transaction.on_commit(partial(workshop_scheduled_notify_task.delay, workshop.pk, ids))


def workshop_scheduled_notify(*, workshop_id: int, health_worker_ids: list[int]) -> int:
    """Tell each enrolled person of a workshop that has not started when and where it is held.

    Once per person and workshop, whether they were enrolled before it opened or after.
    """
    workshop = Workshop.objects.select_related("course", "venue").get(pk=workshop_id)
    if workshop.starts_on <= timezone.localdate() or workshop.status == Workshop.Status.CLOSED:
        return 0  # a walk-in at the venue, or a sheet imported afterwards, needs no invitation
    enrolments = workshop.enrolments.filter(
        status=Enrolment.Status.ENROLLED, health_worker__in=health_worker_ids
    ).select_related("health_worker__user__preferences")

    def compose() -> tuple[str, str]:
        facts = _workshop_facts(workshop)
        subject = _("Workshop: %(course)s") % facts
        text = (
            _(
                "You are enrolled in the workshop “%(course)s” at %(venue)s, from %(starts)s to "
                "%(ends)s."
            )
            % facts
        )
        return subject, f"{text}\n{_site_url('courses:my_learning')}"

    return _roster_tell(
        enrolments,
        kind=Notice.Kind.WORKSHOP_SCHEDULED,
        key=f"workshop-scheduled:{workshop.pk}",
        compose=compose,
        language=workshop.language,
    )


def _roster_tell(enrolments, *, kind: str, key: str, compose: Compose, language: str) -> int:
    """Tell everyone of `enrolments` of one event (keyed `key:<person>`); returns how many."""
    events = [
        NoticeEvent(
            health_worker=enrolment.health_worker,
            kind=kind,
            key=f"{key}:{enrolment.health_worker_id}",
            compose=compose,
            language=language,
        )
        for enrolment in enrolments
    ]
    notices_queue_many(events)
    return len(events)


def session_reminders_queue(*, today: datetime.date | None = None) -> int:
    """Remind everyone enrolled in a session held tomorrow (the daily beat); returns how many."""
    tomorrow = (today or timezone.localdate()) + datetime.timedelta(days=1)
    sessions = Session.objects.filter(date=tomorrow).exclude(
        workshop__status=Workshop.Status.CLOSED
    )
    count = 0
    for session in sessions.select_related("workshop__course", "workshop__venue"):
        workshop = session.workshop

        def compose(session=session, workshop=workshop) -> tuple[str, str]:
            facts = _workshop_facts(workshop) | {"date": f"{session.date:%Y-%m-%d}"}
            subject = _("Tomorrow: %(course)s") % facts
            text = _("Reminder: tomorrow, %(date)s, is a session of “%(course)s” at %(venue)s.")
            if session.starts_at:
                facts["time"] = f"{session.starts_at:%H:%M}"
                text = _(
                    "Reminder: tomorrow, %(date)s at %(time)s, is a session of “%(course)s” at "
                    "%(venue)s."
                )
            return subject, text % facts

        enrolments = workshop.enrolments.filter(status=Enrolment.Status.ENROLLED)
        count += _roster_tell(
            enrolments.select_related("health_worker__user__preferences"),
            kind=Notice.Kind.SESSION_TOMORROW,
            key=f"session-tomorrow:{session.pk}",
            compose=compose,
            language=workshop.language,
        )
    return count


def claim_decided_notify(*, activity: ExternalActivity) -> None:
    """Tell a person that their claim for outside CME was approved or rejected, and why."""
    facts = {"title": activity.title, "hours": activity.hours, "note": activity.review_note}

    def compose() -> tuple[str, str]:
        if activity.status == ExternalActivity.Status.APPROVED:
            subject = _("Your claim is approved")
            text = _("Your claim “%(title)s” is approved: %(hours)s CME hours count.") % facts
        else:
            subject = _("Your claim is not approved")
            text = _("Your claim “%(title)s” is not approved: %(note)s") % facts
        return subject, f"{text}\n{_site_url('courses:my_learning')}"

    notices_queue(
        health_worker=activity.health_worker,
        kind=Notice.Kind.CLAIM_DECIDED,
        key=f"claim-decided:{activity.pk}:{activity.status}",
        compose=compose,
    )


def cycle_reminders_queue(*, today: datetime.date | None = None) -> int:
    """Tell everyone whose CME cycle ends within NOTICE_CYCLE_DAYS_BEFORE days, short of its hours.

    Once per person and cycle (the daily beat); returns how many were told.
    """
    today = today or timezone.localdate()
    recent = Notice.objects.filter(
        kind=Notice.Kind.CYCLE_SHORT,
        created_at__gte=timezone.now() - datetime.timedelta(days=CYCLE_QUIET_DAYS),
    ).values("health_worker")
    people = (
        HealthWorker.objects.filter(is_active=True, cadre__cme_hours_per_cycle__gt=0)
        .filter(~Q(email="") | ~Q(phone="") | Q(user__isnull=False))
        .exclude(pk__in=recent)
        .select_related("cadre", "user__preferences")
    )
    count = 0
    batch: list[HealthWorker] = []
    for worker in people.iterator(chunk_size=CYCLE_BATCH):
        batch.append(worker)
        if len(batch) == CYCLE_BATCH:
            count += _cycle_short_notify_many(batch, today=today)
            batch = []
    return count + _cycle_short_notify_many(batch, today=today)


def _cycle_short_notify_many(workers: list[HealthWorker], *, today: datetime.date) -> int:
    """Tell those of `workers` short of hours near their cycle's end; returns how many."""
    credits = credits_in_cycle_many(health_workers=workers, on=today)
    events = [
        _cycle_short_event(worker=worker, credits=mine)
        for worker in workers
        if (mine := credits[worker.pk]).earned < mine.required
        and (mine.ends_on - today).days <= settings.NOTICE_CYCLE_DAYS_BEFORE
    ]
    notices_queue_many(events)
    return len(events)


def _cycle_short_event(*, worker: HealthWorker, credits) -> NoticeEvent:
    facts = {
        "date": f"{credits.ends_on:%Y-%m-%d}",
        "earned": _hours(credits.earned),
        "required": _hours(credits.required),
    }

    def compose() -> tuple[str, str]:
        text = _(
            "Your CME cycle ends on %(date)s. You have %(earned)s of the %(required)s hours your "
            "cadre needs. See the workshops open to you:"
        )
        subject = _("Your CME cycle ends on %(date)s") % facts
        return subject, f"{text % facts}\n{_site_url('courses:my_learning')}"

    return NoticeEvent(
        health_worker=worker,
        kind=Notice.Kind.CYCLE_SHORT,
        key=f"cycle-short:{worker.pk}:{credits.ends_on:%Y-%m-%d}",
        compose=compose,
    )


def certificate_expiring_notify(
    *,
    health_worker: HealthWorker,
    certificate_id: int,
    days_left: int,
    compose: Compose,
    language: str = "",
) -> list[Notice]:
    """Tell a holder their certificate expires in `days_left` days (once per certificate and day).

    The extension point of renewals: course validity and the expiry beat live with certificates,
    which call this with their own words (`compose`, in the holder's language).
    """
    return notices_queue(
        health_worker=health_worker,
        kind=Notice.Kind.CERTIFICATE_EXPIRING,
        key=f"certificate-expiring:{certificate_id}:{days_left}",
        compose=compose,
        language=language,
    )
