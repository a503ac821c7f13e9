import io

import pytest

from django.core.management import call_command

from courses.models import Notice

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]


def test_the_demo_shows_sent_reminders_and_a_kurdish_reader_who_turned_sms_off(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):  # as the demo's commits would run them
        call_command("seed_demo", stdout=io.StringIO())

    kinds = set(Notice.objects.values_list("kind", flat=True))
    assert {Notice.Kind.SESSION_TOMORROW, Notice.Kind.CLAIM_DECIDED} <= kinds
    assert Notice.objects.filter(status=Notice.Status.SENT).exists()
    opted_out = Notice.objects.filter(status=Notice.Status.OPTED_OUT, channel="sms")
    assert opted_out.filter(language="ckb").exists()
