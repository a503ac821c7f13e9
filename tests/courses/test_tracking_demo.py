import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from courses.models import Completion, Workshop

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_closed_workshops_in_several_governorates_and_one_running_today(client):
    call_command("seed_demo", stdout=io.StringIO())
    closed = Workshop.objects.filter(status=Workshop.Status.CLOSED)
    governorates = set(closed.values_list("venue__governorate__code", flat=True))
    today = timezone.localdate()
    running = Workshop.objects.get(status=Workshop.Status.RUNNING)
    assert len(governorates) >= 5
    assert Completion.objects.filter(workshop__in=closed, is_complete=True).count() >= 30
    assert Completion.objects.filter(workshop__in=closed, is_complete=False).exists()
    assert running.starts_on <= today <= running.ends_on
    client.force_login(get_user_model().objects.get(username="worker.kirkuk"))
    page = client.get("/learning/").content.decode()
    # Two Kirkuk workshops (12 + 16 h), a 6 h claim, and the 8 h HRM-201 of her walk-in record
    # that the demo merged into hers (demo/merging.py).
    assert "<strong data-earned>42</strong>" in page
