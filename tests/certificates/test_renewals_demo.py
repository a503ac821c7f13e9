import io
import random

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from certificates.selectors import certificates_expiring
from courses.models import CoursePage
from demo.renewals import seed_renewals

pytestmark = pytest.mark.django_db


def test_demo_renewals_give_the_demo_worker_an_expiring_oxygen_certificate_and_one_expired(
    client,
):
    call_command("seed_demo", stdout=io.StringIO())
    report = {}
    seed_renewals(rng=random.Random(1), report=report)
    seed_renewals(rng=random.Random(1), report=report)  # again: nothing more is made

    oxygen = CoursePage.objects.filter(code="OXY-101")
    assert set(oxygen.values_list("validity_months", flat=True)) == {24}
    expiring = client.get(f"/verify/{report['renewals']['expiring']}.json").json()
    expired = client.get(f"/verify/{report['renewals']['expired']}.json").json()
    assert expiring["status"] == "valid" and expiring["holder_name_latin"].startswith("Zainab")
    assert expired["status"] == "expired"
    assert certificates_expiring(on=timezone.localdate(), days=30).exists()
    client.force_login(get_user_model().objects.get(username="worker.kirkuk"))
    page = client.get("/ar/learning/").content.decode()
    assert 'data-expiry="expiring"' in page.split('id="certificates"')[1]
