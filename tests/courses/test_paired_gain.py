"""The workshop page's paired knowledge gain, worked out by hand.

Three participants: 40 → 80, 50 → 70, and a weak one who sat only the pre-test (10). Group means:
pre (40 + 50 + 10) / 3 = 33.3, post (80 + 70) / 2 = 75.0, gain 41.7. Paired: (40 + 20) / 2 = 30.0,
2 of 3 participants with both tests.
"""

from decimal import Decimal

import pytest

from django.urls import reverse

from tests.factories.courses import AssessmentScoreFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def sat(workshop, pre, post=None):
    enrolment = EnrolmentFactory(workshop=workshop)
    AssessmentScoreFactory(enrolment=enrolment, kind="pre", score=Decimal(pre))
    if post is not None:
        AssessmentScoreFactory(enrolment=enrolment, kind="post", score=Decimal(post))


def test_workshop_page_shows_the_paired_gain_beside_the_group_means(client, trainer, workshop):
    sat(workshop, "40", "80")
    sat(workshop, "50", "70")
    sat(workshop, "10")
    client.force_login(trainer)
    page = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    assert "33.3 %" in page and "75.0 %" in page and "+41.7 points" in page
    paired = page[page.index('id="paired-gain"') :]
    assert "+30.0 points" in paired[:300]
    assert "Participants with both tests: 2 of 3." in page


def test_paired_gain_is_blank_when_nobody_sat_both_tests(client, trainer, workshop):
    sat(workshop, "55")
    client.force_login(trainer)
    page = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    paired = page[page.index('id="paired-gain"') :]
    assert "—" in paired[:200] and "points" not in paired[:200]
    assert "Participants with both tests: 0 of 1." in page
