"""Every change is in Wagtail's log, staff reads of personal records are in their own log, and
the site history shows scoped staff only what is in their scope."""

import datetime

import pytest

from django.urls import reverse

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from certificates import services as certificate_services
from courses import services as course_services
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import UserFactory, governorate, staff_user
from workforce import services as workforce_services
from workforce.models import PersonalRecordRead

pytestmark = pytest.mark.django_db


def actions_on(instance) -> list[str]:
    return list(
        ModelLogEntry.objects.for_instance(instance).order_by("pk").values_list("action", flat=True)
    )


@pytest.fixture
def national_admin(db):
    return staff_user("administrator", "national")


@pytest.fixture
def certificate(kirkuk_worker):
    SignatoryFactory(template=CertificateTemplateFactory(name="Default", is_default=True))
    workshop = WorkshopFactory(venue=kirkuk_worker.facility)
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    completion = CompletionFactory(enrolment=enrolment)
    return certificate_services.certificate_issue(completion_id=completion.pk, notify=False)


def test_scheduling_changing_status_and_reopening_a_workshop_are_logged(
    national_admin, kirkuk_facility
):
    workshop = course_services.workshop_create(
        user=national_admin,
        course=course_page(),
        venue=kirkuk_facility,
        starts_on=datetime.date(2026, 5, 1),
        ends_on=datetime.date(2026, 5, 2),
    )
    course_services.workshop_close(workshop=workshop, user=national_admin)
    course_services.workshop_status_set(workshop=workshop, status="running", user=national_admin)
    assert actions_on(workshop) == [
        "cme.workshop.create",
        "cme.workshop.lead",  # the scheduler leads it
        "cme.workshop.status",
        "cme.workshop.status",
        "cme.workshop.reopen",
    ]


def test_a_session_edit_is_logged_on_its_workshop_with_what_it_was(national_admin, kirkuk_facility):
    workshop = WorkshopFactory(venue=kirkuk_facility)
    session = workshop.sessions.first()
    course_services.session_update(
        session=session, topic="Airway", starts_at=None, ends_at=None, user=national_admin
    )
    entry = ModelLogEntry.objects.for_instance(workshop).get(action="cme.session.edit")
    assert entry.user == national_admin
    assert entry.data["topic"] == "Airway"


def test_revoking_and_reissuing_certificates_are_logged_with_the_reason(
    national_admin, certificate
):
    certificate_services.certificate_revoke(
        certificate=certificate, reason="Wrong course", user=national_admin
    )
    assert actions_on(certificate) == ["cme.certificate.revoke"]
    assert ModelLogEntry.objects.for_instance(certificate).get().data["reason"] == "Wrong course"


def test_reissuing_a_certificate_is_logged_on_the_old_one(national_admin, certificate):
    new = certificate_services.certificate_reissue(certificate=certificate, user=national_admin)
    entry = ModelLogEntry.objects.for_instance(certificate).get(action="cme.certificate.reissue")
    assert entry.data["new"] == new.serial


def test_role_assignments_changes_and_removals_are_logged(national_admin):
    colleague = UserFactory()
    assignment = workforce_services.role_assign(
        user=colleague, actor=national_admin, role="auditor", level="national"
    )
    workforce_services.role_assignment_update(
        assignment=assignment,
        actor=national_admin,
        user=colleague,
        role="reviewer",
        level="national",
    )
    pk = str(assignment.pk)
    workforce_services.role_unassign(assignment=assignment, actor=national_admin)
    entries = ModelLogEntry.objects.filter(object_id=pk, content_type__model="roleassignment")
    assert list(entries.order_by("pk").values_list("action", flat=True)) == [
        "cme.role.assign",
        "cme.role.change",
        "cme.role.remove",
    ]


def test_a_reference_data_edit_in_the_admin_is_logged(client, national_admin):
    kirkuk = governorate("KIR")
    client.force_login(national_admin)
    client.post(
        reverse("governorates:edit", args=[kirkuk.pk]),
        {"code": kirkuk.code, "iso_3166_2": kirkuk.iso_3166_2, "region": "federal",
         "name_en": "Kirkuk (renamed)", "name_ar": kirkuk.name_ar, "name_ckb": kirkuk.name_ckb},
    )  # fmt: skip
    assert actions_on(kirkuk) == ["wagtail.edit"]


def test_the_site_history_names_the_log_actions_in_the_readers_language(
    client, national_admin, certificate
):
    certificate_services.certificate_revoke(
        certificate=certificate, reason="x", user=national_admin
    )
    client.force_login(UserFactory(is_superuser=True))
    html = client.get("/admin/reports/site-history/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "Certificate revoked" in html or "أُلغيت الشهادة" in html


# Reads of personal records -----------------------------------------------------------------------


def _reads():
    return list(PersonalRecordRead.objects.values_list("kind", flat=True))


def test_staff_opening_a_workers_history_is_logged(client, kirkuk_worker, national_admin):
    client.force_login(national_admin)
    assert client.get(reverse("courses:worker_history", args=[kirkuk_worker.pk])).status_code == 200
    read = PersonalRecordRead.objects.get()
    assert (read.reader, read.health_worker, read.kind) == (
        national_admin,
        kirkuk_worker,
        "history",
    )


def test_staff_opening_claim_evidence_is_logged(client, kirkuk_worker, national_admin):
    claim = ExternalActivityFactory(health_worker=kirkuk_worker)
    client.force_login(national_admin)
    assert client.get(reverse("courses:claim_evidence", args=[claim.pk])).status_code == 200
    assert _reads() == ["evidence"]


def test_staff_downloading_a_certificate_is_logged(client, national_admin, certificate):
    client.force_login(national_admin)
    assert client.get(reverse("certificates:download", args=[certificate.pk])).status_code == 200
    assert _reads() == ["certificate"]


def test_staff_opening_a_record_in_the_admin_is_logged(client, kirkuk_worker, national_admin):
    client.force_login(national_admin)
    assert client.get(reverse("health_workers:edit", args=[kirkuk_worker.pk])).status_code == 200
    assert client.get(reverse("health_workers:inspect", args=[kirkuk_worker.pk])).status_code == 200
    assert _reads() == ["record", "record"]


def test_a_person_reading_their_own_certificate_is_not_logged(client, certificate):
    holder = UserFactory()
    worker = certificate.completion.health_worker
    worker.user = holder
    worker.save()
    client.force_login(holder)
    assert client.get(reverse("certificates:download", args=[certificate.pk])).status_code == 200
    assert _reads() == []


def test_national_administrators_read_the_log_filtered_by_person(
    client, national_admin, kirkuk_worker, basra_worker
):
    other = staff_user("auditor", "national")
    for worker in (kirkuk_worker, basra_worker):
        PersonalRecordRead.objects.create(
            reader=other, health_worker=worker, person=str(worker), kind="record"
        )
    client.force_login(national_admin)
    html = client.get(reverse("personal_record_reads"), {"person": "زينب"}).content.decode()
    assert "Zainab Basri" in html
    assert "Ahmed Kirkuki" not in html


@pytest.mark.parametrize(
    ("role", "scope"), [("administrator", "governorate"), ("auditor", "national")]
)
def test_others_cannot_see_the_read_log(client, role, scope, kirkuk_worker):
    PersonalRecordRead.objects.create(
        health_worker=kirkuk_worker, person="Ahmed Kirkuki", kind="record"
    )
    places = {"governorate": governorate("KIR")} if scope == "governorate" else {}
    client.force_login(staff_user(role, scope, **places))
    assert client.get(reverse("personal_record_reads")).status_code == 404


# Site history -----------------------------------------------------------------------------------


@pytest.fixture
def edits_in_two_governorates(kirkuk_worker, basra_worker, national_admin):
    for worker in (kirkuk_worker, basra_worker):
        log(worker, "wagtail.edit", user=national_admin)


def test_the_site_history_shows_scoped_staff_only_their_scope(client, edits_in_two_governorates):
    client.force_login(staff_user("auditor", "governorate", governorate=governorate("KIR")))
    html = client.get("/admin/reports/site-history/").content.decode()
    assert "Ahmed Kirkuki" in html
    assert "Zainab Basri" not in html


def test_the_site_history_results_are_scoped_too(client, edits_in_two_governorates):
    client.force_login(staff_user("auditor", "governorate", governorate=governorate("BAS")))
    html = client.get("/admin/reports/site-history/results/").content.decode()
    assert "Zainab Basri" in html
    assert "Ahmed Kirkuki" not in html


def test_national_staff_see_the_whole_site_history(client, edits_in_two_governorates):
    client.force_login(staff_user("auditor", "national"))
    html = client.get("/admin/reports/site-history/").content.decode()
    assert "Ahmed Kirkuki" in html
    assert "Zainab Basri" in html
