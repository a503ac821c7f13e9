"""A merge's lines in a person's history read in the reader's language, naming both records."""

import pytest

from django.urls import reverse

from tests.factories.workforce import staff_user
from tests.workforce.merging_fixtures import duplicate_pair
from workforce.merging.services import health_worker_merge

pytestmark = pytest.mark.django_db


def test_the_history_of_a_merged_person_names_the_records_in_arabic(client, kirkuk_facility):
    pair = duplicate_pair(kirkuk_facility)
    health_worker_merge(survivor=pair.survivor, merged=pair.merged, actor=pair.admin, choices={})
    client.force_login(staff_user("auditor", "national"))
    url = "/ar" + reverse("courses:worker_history", args=[pair.survivor.pk])
    html = client.get(url).content.decode()
    assert "العامل الصحي" in html
    assert "Health worker" not in html
    for record in (pair.merged, pair.survivor):  # each as it is now
        record.refresh_from_db()
        assert f"{record.name_ar} · {record.licence_number or record.pk}" in html
