"""A workshop and its certificates link to each other; "Issue" shows only when it would issue."""

import pytest

from django.urls import reverse

from certificates import services
from tests.factories.courses import WorkshopFactory
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(client, kirkuk_facility):
    user = RoleAssignmentFactory(
        role="trainer", level="governorate", governorate=kirkuk_facility.governorate
    ).user
    client.force_login(user)
    return user


def test_the_workshop_page_links_to_its_certificates_with_how_many_wait(
    client, trainer, completion
):
    completion.workshop.trainers.add(trainer)
    url = reverse("courses:workshop_detail", args=[completion.workshop_id])
    page = client.get(url).content.decode()
    assert f'href="{reverse("certificates:workshop", args=[completion.workshop_id])}"' in page
    assert "0 issued, 1 to issue" in page


def test_the_certificates_page_links_back_to_the_workshop(client, trainer, completion):
    page = client.get(reverse("certificates:workshop", args=[completion.workshop_id]))
    url = reverse("courses:workshop_detail", args=[completion.workshop_id])
    assert f'href="{url}"' in page.content.decode()


def test_issue_is_offered_for_the_missing_certificates_only(client, trainer, completion):
    url = reverse("certificates:workshop", args=[completion.workshop_id])
    issue = reverse("certificates:workshop-issue", args=[completion.workshop_id])
    assert "Issue the 1 missing certificate" in client.get(url).content.decode()
    services.certificate_issue(completion_id=completion.pk, notify=False)
    page = client.get(url).content.decode()
    assert issue not in page
    assert "Nothing to issue: every completion has its certificate." in page


def test_a_workshop_nobody_completed_says_why_there_is_nothing_to_issue(
    client, trainer, kirkuk_facility
):
    workshop = WorkshopFactory(venue=kirkuk_facility)
    page = client.get(reverse("certificates:workshop", args=[workshop.pk])).content.decode()
    assert reverse("certificates:workshop-issue", args=[workshop.pk]) not in page
    assert "nobody has completed this workshop" in page
