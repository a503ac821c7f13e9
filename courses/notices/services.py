"""Writes of notices: record one per event and channel, then send it, once, from Celery."""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_bidi

from accounts.selectors import notice_channel_wanted, preferred_language
from core.http import rate_limit_hit
from core.sms import SmsRejected, sms_send
from courses.models import Notice
from workforce.models import HealthWorker

logger = logging.getLogger(__name__)
Compose = Callable[[], tuple[str, str]]  # (subject, text), called in the person's language
RATE_BUCKET = "notice-sms"


def notice_language(*, health_worker: HealthWorker, fallback: str = "") -> str:
    """The language of a person's notices: their own choice, else the event's, else the site's."""
    chosen = preferred_language(user=health_worker.user) if health_worker.user_id else ""
    return chosen or fallback or settings.LANGUAGE_CODE


def _address(health_worker: HealthWorker, channel: str) -> str:
    if channel == Notice.Channel.SMS:
        return health_worker.phone
    user = health_worker.user if health_worker.user_id else None
    return health_worker.email or (user.email if user else "")


@dataclass(frozen=True)
class NoticeEvent:
    """One event to tell one person about: `notices_queue`'s arguments, for `notices_queue_many`."""

    health_worker: HealthWorker
    kind: str
    key: str
    compose: Compose
    language: str = ""


def notices_queue(
    *,
    health_worker: HealthWorker,
    kind: str,
    key: str,
    compose: Compose,
    language: str = "",
) -> list[Notice]:
    """Record the notice of one event to one person on each channel, and queue the sending.

    Written in the person's language (`language` is the event's own, for people who never
    chose). An event already recorded is left as it is: the notices it queued are returned.
    A channel the person turned off, or has no address for, is recorded as skipped.
    """
    event = NoticeEvent(health_worker, kind, key, compose, language)
    language, subject, body = _composed(event)
    notices = []
    for channel in Notice.Channel.values:
        try:
            with transaction.atomic():
                notice = _notice_new(event, channel, language, subject, body)
                notice.save(force_insert=True)
        except IntegrityError:  # this event was recorded before: nothing is sent twice
            notices.append(Notice.objects.get(dedupe_key=key, channel=channel))
            continue
        notices.append(notice)
        _send_on_commit(notice)
    return notices


def notices_queue_many(events: Sequence[NoticeEvent]) -> list[list[Notice]]:
    """`notices_queue` for many events, in the order given, with a few queries for them all.

    The notices recorded before are read in one query and the new ones inserted in one
    statement (a bulk issue tells a whole chunk of holders at once). Should another process
    record one of these events meanwhile, or an event come twice, they are recorded one by one
    as `notices_queue` does, which finds what the other recorded.
    """
    if not events:
        return []
    keys = [event.key for event in events]
    if len(set(keys)) != len(keys):
        return [_queue_one(event) for event in events]
    channels = Notice.Channel.values
    with transaction.atomic():
        recorded = {
            (notice.dedupe_key, notice.channel): notice
            for notice in Notice.objects.filter(dedupe_key__in=keys)
        }
        new = []
        for event in events:
            missing = [channel for channel in channels if (event.key, channel) not in recorded]
            if missing:
                language, subject, body = _composed(event)
                new += [_notice_new(event, channel, language, subject, body) for channel in missing]
        try:
            with transaction.atomic():
                Notice.objects.bulk_create(new)
        except IntegrityError:
            return [_queue_one(event) for event in events]
        for notice in new:
            recorded[notice.dedupe_key, notice.channel] = notice
            _send_on_commit(notice)
    return [[recorded[event.key, channel] for channel in channels] for event in events]


def _queue_one(event: NoticeEvent) -> list[Notice]:
    return notices_queue(
        health_worker=event.health_worker,
        kind=event.kind,
        key=event.key,
        compose=event.compose,
        language=event.language,
    )


def _composed(event: NoticeEvent) -> tuple[str, str, str]:
    """The event's language for its person, and its subject and text written in it."""
    language = notice_language(health_worker=event.health_worker, fallback=event.language)
    with translation.override(language):
        subject, body = (str(part) for part in event.compose())  # lazy text, rendered here
    return language, subject, body


def _notice_new(event: NoticeEvent, channel: str, language: str, subject: str, body: str) -> Notice:
    """The event's notice on one channel, not saved: queued, or why it will not be sent."""
    health_worker = event.health_worker
    address = _address(health_worker, channel)
    status = Notice.Status.QUEUED
    if not notice_channel_wanted(user=health_worker.user, channel=channel):
        status = Notice.Status.OPTED_OUT
    elif not address:
        status = Notice.Status.NO_ADDRESS
    return Notice(
        health_worker=health_worker,
        kind=event.kind,
        channel=channel,
        language=language,
        address=address,
        subject=subject[:200],
        body=body,
        status=status,
        dedupe_key=event.key,
    )


def _send_on_commit(notice: Notice) -> None:
    if notice.status == Notice.Status.QUEUED:
        from courses.tasks import notice_send_task  # tasks import this module

        transaction.on_commit(partial(notice_send_task.delay, notice.pk))


def notice_send(*, notice_id: int) -> str:
    """Send one queued notice through its channel and record the outcome; returns the status.

    Gateway and mail errors worth trying again are raised (OSError) for the task to retry, after
    the attempt is counted; a refused message is recorded as failed.
    """
    notice = Notice.objects.select_related("health_worker").get(pk=notice_id)
    if notice.status != Notice.Status.QUEUED:
        return notice.status  # a replayed task sends nothing again
    if notice.channel == Notice.Channel.SMS and notice.attempts == 0 and _over_limit(notice):
        return _record(notice, Notice.Status.RATE_LIMITED)
    notice.attempts += 1
    try:
        _deliver(notice)
    except SmsRejected as error:
        return _record(notice, Notice.Status.FAILED, error=str(error))
    except OSError as error:  # SmsUnavailable, SMTP errors, network: the task tries again
        _record(notice, Notice.Status.QUEUED, error=str(error))
        raise
    notice.sent_at = timezone.now()
    return _record(notice, Notice.Status.SENT, error="")


def notice_fail(*, notice_id: int) -> str:
    """Mark a notice failed once its retries are spent; its last error stays."""
    notice = Notice.objects.get(pk=notice_id)
    return _record(notice, Notice.Status.FAILED, error=notice.error)


def _over_limit(notice: Notice) -> bool:
    # Per number, not per person: two records sharing a phone share its limit.
    return rate_limit_hit(
        bucket=RATE_BUCKET,
        subject=notice.address,
        limit=settings.NOTICE_SMS_PER_NUMBER,
        window=settings.NOTICE_SMS_WINDOW,
    )


def _record(notice: Notice, status: str, *, error: str | None = None) -> str:
    notice.status = status
    if error is not None:
        notice.error = error[:300]
    notice.save(update_fields=["status", "attempts", "error", "sent_at"])
    return status


def _deliver(notice: Notice) -> None:
    if notice.channel == Notice.Channel.SMS:
        sms_send(to=notice.address, body=notice.body)
        return
    with translation.override(notice.language):
        context = {
            "notice": notice,
            "name": _name(notice.health_worker, notice.language),
            "lines": notice.body.splitlines(),
            "language": notice.language,
            "direction": "rtl" if get_language_bidi() else "ltr",
        }
        text = render_to_string("courses/notices/email.txt", context)
        html = render_to_string("courses/notices/email.html", context)
    message = EmailMultiAlternatives(notice.subject, text, None, [notice.address])
    message.attach_alternative(html, "text/html")
    message.send()


def _name(worker: HealthWorker, language: str) -> str:
    if language != "en" and worker.name_ar:
        return worker.name_ar
    return worker.name_latin or worker.name_ar
