"""Coverage's certificate figures follow every issue, revoke, re-issue and withdrawal."""

import datetime

import pytest

from certificates import services as certificates
from certificates.models import Certificate
from courses import services as courses
from coverage import selectors
from coverage.models import ActivityCell
from tests.coverage.conftest import complete
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def basra_certificates(country, national_auditor, period_query):
    def count() -> int:
        table = selectors.coverage_table(user=national_auditor, query=period_query())
        return table.figures(country.b1.governorate_id, country.a.pk).certificates

    return count


@pytest.fixture
def trainer(db):
    return RoleAssignmentFactory(role="trainer", level="national").user


def test_issuing_a_certificate_adds_it_to_the_coverage_figures(
    country, basra_certificates, django_capture_on_commit_callbacks
):
    assert basra_certificates() == 1
    completion = complete(country.n5, country.a, datetime.date(2026, 4, 20))
    with django_capture_on_commit_callbacks(execute=True):
        certificates.certificate_issue(completion_id=completion.pk, notify=False)
    assert basra_certificates() == 2


def test_revoking_a_certificate_takes_it_out_of_the_coverage_figures(
    country, basra_certificates, trainer, django_capture_on_commit_callbacks
):
    certificate = Certificate.objects.get(completion__health_worker=country.n4)
    with django_capture_on_commit_callbacks(execute=True):
        certificates.certificate_revoke(certificate=certificate, reason="Forged", user=trainer)
    assert basra_certificates() == 0


def test_reissuing_a_certificate_keeps_one_in_the_coverage_figures(
    country, basra_certificates, trainer, django_capture_on_commit_callbacks
):
    certificate = Certificate.objects.get(completion__health_worker=country.n4)
    # The cell as a refresh that ran before the certificate committed would have left it.
    ActivityCell.objects.filter(facility=country.b1, course=country.a).update(certificates=0)
    with django_capture_on_commit_callbacks(execute=True):
        certificates.certificate_reissue(certificate=certificate, user=trainer, reason="Name")
    assert Certificate.objects.filter(completion__health_worker=country.n4).count() == 2
    assert basra_certificates() == 1


def test_withdrawing_after_an_override_takes_it_out_of_the_coverage_figures(
    country, basra_certificates, trainer, django_capture_on_commit_callbacks
):
    completion = Certificate.objects.get(completion__health_worker=country.n4).completion
    with django_capture_on_commit_callbacks(execute=True):
        courses.completion_override(
            completion=completion, is_complete=False, reason="Left on day one", user=trainer
        )
    assert Certificate.objects.get(completion=completion).status == "withdrawn"
    assert basra_certificates() == 0
