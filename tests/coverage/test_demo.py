import io
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db


def test_demo_national_auditor_sees_figures_against_the_whole_registry(client):
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="auditor.national"))
    html = client.get(reverse("coverage:index")).content.decode()
    # The registry's workforce: not the demo's external participants, nor its merged duplicate.
    registry = HealthWorker.objects.filter(is_external=False, merged_into__isnull=True)
    assert registry.count() < HealthWorker.objects.count()
    totals = re.findall(r'<tfoot>.*?data-figure="trained">(\d+)<.*?"workforce">(\d+)<', html, re.S)
    assert totals and all(int(workforce) == registry.count() for _t, workforce in totals)
    assert any(int(trained) > 0 for trained, _w in totals)
