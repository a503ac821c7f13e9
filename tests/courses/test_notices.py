"""Reminders and notices: sent once, in each person's language, not to those who opted out."""

import datetime
from decimal import Decimal

import pytest

from django.core import mail
from django.utils import timezone

from accounts.models import AccountPreferences
from core import sms
from courses import services
from courses.models import Notice
from courses.notices.events import (
    certificate_expiring_notify,
    cycle_reminders_queue,
    session_reminders_queue,
)
from tests.factories.courses import EnrolmentFactory, ExternalActivityFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]
TODAY = datetime.date(2026, 11, 15)


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()


def _person(facility, language: str, *, phone: str, **preferences):
    user = UserFactory()
    AccountPreferences.objects.create(user=user, language=language, **preferences)
    return HealthWorkerFactory(
        facility=facility, user=user, email=f"{user.username}@example.org", phone=phone
    )


@pytest.fixture
def arabic(kirkuk_facility):
    return _person(kirkuk_facility, "ar", phone="07701110001")


@pytest.fixture
def kurdish(kirkuk_facility):
    return _person(kirkuk_facility, "ckb", phone="07501110002")


@pytest.fixture
def tomorrow_workshop(kirkuk_facility, arabic, kurdish):
    """A workshop whose first session is tomorrow, with both people on its roster."""
    workshop = WorkshopFactory(
        venue=kirkuk_facility,
        starts_on=TODAY + datetime.timedelta(days=1),
        status="open",
        language="en",
    )
    for worker in (arabic, kurdish):
        EnrolmentFactory(workshop=workshop, health_worker=worker)
    return workshop


def _reminders(capture, today=TODAY) -> int:
    with capture(execute=True):
        return session_reminders_queue(today=today)


def test_the_beat_run_twice_sends_each_session_reminder_once(
    tomorrow_workshop, django_capture_on_commit_callbacks
):
    _reminders(django_capture_on_commit_callbacks)
    _reminders(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2
    assert sorted(message["to"] for message in sms.outbox) == ["07501110002", "07701110001"]
    assert Notice.objects.filter(status=Notice.Status.SENT).count() == 4


def test_each_person_reads_the_reminder_in_their_own_language(
    tomorrow_workshop, arabic, kurdish, django_capture_on_commit_callbacks
):
    _reminders(django_capture_on_commit_callbacks)

    texts = {message["to"]: message["body"] for message in sms.outbox}
    assert texts[arabic.phone].startswith("تذكير: غداً")
    assert texts[kurdish.phone].startswith("بیرخستنەوە: سبەی")
    emails = {message.to[0]: message for message in mail.outbox}
    kurdish_email = emails[kurdish.email]
    assert kurdish_email.subject.startswith("سبەی:")
    html, _type = kurdish_email.alternatives[0]
    assert 'lang="ckb" dir="rtl"' in html
    assert "بیرخستنەوە: سبەی" in html
    assert emails[arabic.email].body.startswith(f"عزيزنا {arabic.name_ar}")


def test_a_person_who_turned_text_messages_off_gets_only_the_email(
    tomorrow_workshop, arabic, kurdish, django_capture_on_commit_callbacks
):
    AccountPreferences.objects.filter(user=arabic.user).update(notices_by_sms=False)

    _reminders(django_capture_on_commit_callbacks)

    assert [message["to"] for message in sms.outbox] == [kurdish.phone]
    assert arabic.email in [message.to[0] for message in mail.outbox]
    skipped = Notice.objects.get(health_worker=arabic, channel="sms")
    assert skipped.status == Notice.Status.OPTED_OUT


def test_a_person_who_turned_email_off_gets_no_email(
    tomorrow_workshop, arabic, django_capture_on_commit_callbacks
):
    AccountPreferences.objects.filter(user=arabic.user).update(notices_by_email=False)

    _reminders(django_capture_on_commit_callbacks)

    assert arabic.email not in [message.to[0] for message in mail.outbox]
    assert arabic.phone in [message["to"] for message in sms.outbox]


def test_a_walk_in_without_contacts_is_recorded_as_having_no_address(
    tomorrow_workshop, kirkuk_facility, django_capture_on_commit_callbacks
):
    walk_in = HealthWorkerFactory(facility=kirkuk_facility, phone="", email="")
    EnrolmentFactory(workshop=tomorrow_workshop, health_worker=walk_in)

    _reminders(django_capture_on_commit_callbacks)

    statuses = set(Notice.objects.filter(health_worker=walk_in).values_list("status", flat=True))
    assert statuses == {Notice.Status.NO_ADDRESS}


def test_one_number_gets_no_more_text_messages_than_its_limit(
    settings, kirkuk_facility, django_capture_on_commit_callbacks
):
    settings.NOTICE_SMS_PER_NUMBER = 2
    workshop = WorkshopFactory(
        venue=kirkuk_facility, starts_on=TODAY + datetime.timedelta(days=1), status="open"
    )
    # Three records sharing one phone (a family's or a clinic's): the limit is per number.
    for _n in range(3):
        EnrolmentFactory(
            workshop=workshop,
            health_worker=HealthWorkerFactory(facility=kirkuk_facility, phone="07709998877"),
        )

    _reminders(django_capture_on_commit_callbacks)

    assert len(sms.outbox) == 2
    limited = Notice.objects.filter(channel="sms", status=Notice.Status.RATE_LIMITED)
    assert limited.count() == 1


def _coming(workshop):
    """The workshop moved to ten days from the real today (what the services compare with)."""
    workshop.starts_on = timezone.localdate() + datetime.timedelta(days=10)
    workshop.ends_on = workshop.starts_on + datetime.timedelta(days=2)
    workshop.save()
    return workshop


def test_enrolling_someone_in_a_workshop_to_come_tells_them_once(
    tomorrow_workshop, kirkuk_facility, trainer, django_capture_on_commit_callbacks
):
    _coming(tomorrow_workshop)
    worker = _person(kirkuk_facility, "ar", phone="07701110009")
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrolment_add(
            workshop=tomorrow_workshop, health_worker=worker, user=trainer
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_withdraw(enrolment=enrolment, user=trainer)
        services.enrolment_add(workshop=tomorrow_workshop, health_worker=worker, user=trainer)

    [text] = [message["body"] for message in sms.outbox]
    assert text.startswith("أنت مسجَّل في ورشة")
    assert tomorrow_workshop.starts_on.isoformat() in text


def test_opening_a_workshop_tells_the_roster_and_a_running_one_tells_no_walk_in(
    tomorrow_workshop, arabic, kirkuk_facility, trainer, django_capture_on_commit_callbacks
):
    tomorrow_workshop.status = "planned"
    _coming(tomorrow_workshop)
    with django_capture_on_commit_callbacks(execute=True):
        services.workshop_status_set(workshop=tomorrow_workshop, status="open", user=trainer)
    assert len(sms.outbox) == 2
    started = WorkshopFactory(
        venue=kirkuk_facility, starts_on=timezone.localdate(), status="running"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_add(workshop=started, health_worker=arabic, user=trainer)
    assert len(sms.outbox) == 2


def test_a_rejected_claim_tells_the_person_why_in_their_language(
    kurdish, kirkuk_auditor, django_capture_on_commit_callbacks
):
    activity = ExternalActivityFactory(health_worker=kurdish, title="Trauma course")
    reviewer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.external_activity_review(
            activity=activity, approve=False, note="No signature on the evidence", user=reviewer
        )

    [message] = mail.outbox
    assert "Trauma course" in message.body
    assert "No signature on the evidence" in message.body
    assert message.subject == "داواکارییەکەت پەسەند نەکرا"


def test_people_short_of_hours_near_the_cycle_end_are_told_once(
    arabic, kurdish, django_capture_on_commit_callbacks
):
    arabic.cadre.cme_hours_per_cycle, arabic.cadre.cycle_years = 20, 1
    arabic.cadre.save()
    # The Kurdish worker earned the whole requirement this year, through an approved claim.
    ExternalActivityFactory(
        health_worker=kurdish, status="approved", date=TODAY, hours=Decimal("20")
    )

    with django_capture_on_commit_callbacks(execute=True):
        cycle_reminders_queue(today=TODAY)
        cycle_reminders_queue(today=TODAY)

    [text] = [message["body"] for message in sms.outbox]
    assert sms.outbox[0]["to"] == arabic.phone
    assert "2026-12-31" in text
    assert "لديك 0 من أصل 20 ساعة" in text


def test_nobody_is_told_of_a_cycle_that_ends_more_than_sixty_days_away(
    arabic, django_capture_on_commit_callbacks
):
    arabic.cadre.cme_hours_per_cycle, arabic.cadre.cycle_years = 20, 1
    arabic.cadre.save()

    with django_capture_on_commit_callbacks(execute=True):
        told = cycle_reminders_queue(today=datetime.date(2026, 10, 31))

    assert (told, sms.outbox) == (0, [])


def test_the_certificate_expiry_extension_point_tells_each_holder_once_per_reminder(
    arabic, django_capture_on_commit_callbacks
):
    def compose():
        return "Expiring", "Your certificate expires in 14 days."

    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(2):
            certificate_expiring_notify(
                health_worker=arabic, certificate_id=41, days_left=14, compose=compose
            )

    assert [message["body"] for message in sms.outbox] == ["Your certificate expires in 14 days."]


def test_the_cycle_beat_reads_and_tells_people_in_a_few_queries_however_many(
    kirkuk_facility, arabic, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    arabic.cadre.cme_hours_per_cycle, arabic.cadre.cycle_years = 20, 1
    arabic.cadre.save()
    counts = []
    for size in (2, 9):
        Notice.objects.all().delete()
        while HealthWorkerFactory._meta.model.objects.filter(cadre=arabic.cadre).count() < size:
            _person(kirkuk_facility, "ckb", phone="07501110009")
        with (
            django_capture_on_commit_callbacks(execute=False),
            CaptureQueriesContext(connection) as queries,
        ):
            told = cycle_reminders_queue(today=TODAY)
        counts.append(len(queries))
        assert told == size
        assert Notice.objects.filter(kind="cycle_short").count() == 2 * size

    assert counts[0] == counts[1]


def test_the_cycle_beat_tells_everyone_across_its_batches(
    kirkuk_facility, arabic, monkeypatch, django_capture_on_commit_callbacks
):
    from courses.notices import events

    monkeypatch.setattr(events, "CYCLE_BATCH", 2)
    arabic.cadre.cme_hours_per_cycle, arabic.cadre.cycle_years = 20, 1
    arabic.cadre.save()
    people = [arabic, *(_person(kirkuk_facility, "ckb", phone="07501110009") for _ in range(4))]

    with django_capture_on_commit_callbacks(execute=False):
        told = cycle_reminders_queue(today=TODAY)

    assert told == 5  # two full batches and the one left over
    assert set(
        Notice.objects.filter(kind="cycle_short").values_list("health_worker", flat=True)
    ) == {person.pk for person in people}
