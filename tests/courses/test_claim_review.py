"""The claim review: no decision is taken by default, and a rejection says why."""

import pytest

from django.urls import reverse

from tests.factories.courses import ExternalActivityFactory
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(client):
    user = RoleAssignmentFactory(role="reviewer").user
    client.force_login(user)
    return user


def test_the_review_page_offers_approve_and_reject_buttons_and_no_preselected_choice(
    client, reviewer, kirkuk_worker
):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    page = client.get(reverse("courses:claims_review")).content.decode()
    review = page[page.index(f'id="claim-{activity.pk}"') :]
    assert '<button type="submit" name="decision" value="approve"' in review
    assert '<button type="submit" name="decision" value="reject"' in review
    assert 'name="decision"' not in review.replace('<button type="submit" name="decision"', "")


def test_a_review_without_a_decision_changes_nothing_and_asks_for_one(
    client, reviewer, kirkuk_worker
):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    response = client.post(reverse("courses:claim_review", args=[activity.pk]), {"note": "ok"})
    activity.refresh_from_db()
    assert (response.status_code, activity.status) == (400, "pending")
    assert "Choose Approve or Reject." in response.content.decode()


def test_a_rejection_without_a_note_shows_the_error_in_arabic_beside_the_claim(
    client, reviewer, kirkuk_worker
):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    response = client.post(
        f"/ar{reverse('courses:claim_review', args=[activity.pk])}", {"decision": "reject"}
    )
    activity.refresh_from_db()
    assert (response.status_code, activity.status) == (400, "pending")
    assert "اذكر سبب رفض الطلب." in response.content.decode()


def test_a_rejection_with_a_note_is_recorded_with_the_note(client, reviewer, kirkuk_worker):
    activity = ExternalActivityFactory(health_worker=kirkuk_worker)
    client.post(
        reverse("courses:claim_review", args=[activity.pk]),
        {"decision": "reject", "note": "The certificate has no date."},
    )
    activity.refresh_from_db()
    assert (activity.status, activity.review_note) == ("rejected", "The certificate has no date.")
