"""A whole roster told at once (`notices_queue_many`): what each would read alone, few queries."""

import pytest

from django.core import mail
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext as _

from accounts.models import AccountPreferences
from core import sms
from courses.models import Notice
from courses.notices.services import NoticeEvent, notices_queue, notices_queue_many
from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]


@pytest.fixture(autouse=True)
def _empty_outboxes():
    sms.outbox.clear()
    mail.outbox.clear()


def _compose():
    return _("Tomorrow: %(course)s") % {"course": "Oxygen"}, _("Download it after signing in:")


def _roster(facility, size: int) -> list:
    """People who read Arabic, Kurdish or nothing chosen; one without text messages; a walk-in."""
    people = []
    for index in range(size):
        kind = index % 4
        if kind == 3:  # a walk-in: no account, no address
            people.append(HealthWorkerFactory(facility=facility, email="", phone=""))
            continue
        user = UserFactory()
        language = ("ar", "ckb", "")[kind]
        AccountPreferences.objects.create(
            user=user, language=language, notices_by_sms=kind != 1 or index % 8 != 5
        )
        people.append(
            HealthWorkerFactory(
                facility=facility,
                user=user,
                email=f"{user.username}@example.org",
                phone=f"0770{index:07d}",
            )
        )
    return people


def _events(people, prefix: str) -> list[NoticeEvent]:
    return [
        NoticeEvent(person, Notice.Kind.SESSION_TOMORROW, f"{prefix}:{person.pk}", _compose, "ar")
        for person in people
    ]


def _seen(notices) -> list[tuple]:
    return [
        (n.health_worker_id, n.channel, n.status, n.language, n.address, n.subject, n.body)
        for n in notices
    ]


def test_a_roster_told_at_once_reads_what_each_person_would_read_alone(
    kirkuk_facility, django_capture_on_commit_callbacks
):
    people = _roster(kirkuk_facility, 8)
    with django_capture_on_commit_callbacks(execute=True):
        alone = [notices_queue(**vars(event)) for event in _events(people, "alone")]
    alone_mail, alone_sms = len(mail.outbox), len(sms.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        together = notices_queue_many(_events(people, "together"))

    assert [_seen(notices) for notices in together] == [_seen(notices) for notices in alone]
    recorded = Notice.objects.filter(dedupe_key__startswith="together:")
    assert set(recorded.values_list("status", flat=True)) == {"sent", "opted_out", "no_address"}
    languages = [notices[0].language for notices in together]
    assert languages[:4] == ["ar", "ckb", "ar", "ar"]  # no choice, or a walk-in: the event's own
    assert together[1][0].subject.startswith("سبەی:")
    # Each queued notice was sent, once, as when told one by one.
    assert (len(mail.outbox), len(sms.outbox)) == (2 * alone_mail, 2 * alone_sms)


def test_the_queries_do_not_grow_with_the_roster(kirkuk_facility):
    small, large = _roster(kirkuk_facility, 2), _roster(kirkuk_facility, 12)
    counts = []
    for people, prefix in ((small, "small"), (large, "large")):
        with CaptureQueriesContext(connection) as queries:
            notices_queue_many(_events(people, prefix))
        counts.append(len(queries))

    assert counts[0] == counts[1]
    assert Notice.objects.filter(dedupe_key__startswith="large:").count() == 24


def test_a_roster_told_again_hears_nothing_twice(
    kirkuk_facility, django_capture_on_commit_callbacks
):
    people = _roster(kirkuk_facility, 4)
    with django_capture_on_commit_callbacks(execute=True):
        first = notices_queue_many(_events(people, "again"))
    sent = (len(mail.outbox), len(sms.outbox))
    with django_capture_on_commit_callbacks(execute=True):
        second = notices_queue_many(_events(people, "again"))

    assert [[n.pk for n in notices] for notices in second] == [
        [n.pk for n in notices] for notices in first
    ]
    assert (len(mail.outbox), len(sms.outbox)) == sent
    assert Notice.objects.filter(dedupe_key__startswith="again:").count() == 8


def test_an_event_another_process_records_meanwhile_is_not_recorded_twice(
    kirkuk_facility, monkeypatch
):
    people = _roster(kirkuk_facility, 3)
    events = _events(people, "race")
    original = QuerySet.bulk_create

    def another_process_first(self, objs, *args, **kwargs):
        # Between this process's look for recorded notices and its insert, another records one.
        monkeypatch.setattr(QuerySet, "bulk_create", original)
        notices_queue(**vars(events[0]))
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_create", another_process_first)
    told = notices_queue_many(events)

    assert Notice.objects.filter(dedupe_key__startswith="race:").count() == 6
    assert [notice.pk for notice in told[0]] == list(
        Notice.objects.filter(dedupe_key=events[0].key).order_by("pk").values_list("pk", flat=True)
    )
    assert all(notice.pk for notices in told for notice in notices)


def test_an_event_given_twice_is_recorded_once(kirkuk_facility):
    [person] = _roster(kirkuk_facility, 1)
    event = _events([person], "twice")[0]

    first, second = notices_queue_many([event, event])

    assert [n.pk for n in first] == [n.pk for n in second]
    assert Notice.objects.filter(dedupe_key=event.key).count() == 2
