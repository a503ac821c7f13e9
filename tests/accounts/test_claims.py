"""Claiming a registry record needs the code sent to the contact on record, or an administrator."""

import re

import pytest

from django.core import mail
from django.urls import reverse

from accounts.models import RecordClaim
from core import sms
from tests.factories.workforce import UserFactory, directorate, staff_user

pytestmark = pytest.mark.django_db

REGISTER = "/accounts/register/"
CLAIM = "/accounts/claim/"


@pytest.fixture(autouse=True)
def _empty_sms_outbox():
    sms.outbox.clear()


@pytest.fixture
def claimed(client, registered_worker, registration_data, django_capture_on_commit_callbacks):
    """The attacker's view: they know the licence number and the name, nothing else."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REGISTER, registration_data)
    return RecordClaim.objects.get()


def sent_code() -> str:
    return re.search(r"\b(\d{8})\b", mail.outbox[-1].body).group(1)


def test_the_code_goes_to_the_email_and_phone_already_on_the_record(claimed):
    assert mail.outbox[-1].to == ["zainab.old@example.org"]
    assert [message["to"] for message in sms.outbox] == ["07501112233"]
    assert sent_code() in sms.outbox[0]["body"]


def test_the_code_is_kept_only_as_a_hash(claimed):
    assert sent_code() not in claimed.code_hash
    assert claimed.code_hash.startswith(("md5$", "pbkdf2", "argon2"))


def test_the_right_code_links_the_record_and_only_then_takes_the_new_contacts(
    client, claimed, registered_worker
):
    response = client.post(CLAIM, {"code": sent_code()})
    assert response["Location"] == reverse("accounts:profile")
    registered_worker.refresh_from_db()
    assert registered_worker.user.username == "zainab"
    assert registered_worker.email == "zainab@example.org"


def test_an_attacker_without_the_code_changes_nothing_and_is_stopped(
    client, claimed, registered_worker, settings
):
    pages = [client.post(CLAIM, {"code": f"{n:08d}"}).content.decode() for n in range(6)]
    assert "This code is not right or has expired." in pages[0]
    assert "Too many wrong codes" in pages[-1]
    # Even the right code no longer works once the attempts are spent.
    assert "Too many wrong codes" in client.post(CLAIM, {"code": sent_code()}).content.decode()
    registered_worker.refresh_from_db()
    assert (registered_worker.user, registered_worker.email) == (None, "zainab.old@example.org")


def test_an_expired_code_is_refused(client, claimed, registered_worker):
    code = sent_code()
    RecordClaim.objects.update(code_expires_at=claimed.created_at)
    page = client.post(CLAIM, {"code": code}).content.decode()
    assert "This code is not right or has expired." in page
    registered_worker.refresh_from_db()
    assert registered_worker.user is None


def test_a_person_with_no_claim_gets_the_same_answer_as_a_wrong_code(
    client, registered_worker, registration_data
):
    client.post(REGISTER, registration_data | {"identifier": "KRK-99999"})
    page = client.post(CLAIM, {"code": "12345678"}).content.decode()
    assert "This code is not right or has expired." in page


def test_the_code_email_and_text_are_in_the_registration_language(
    client, registered_worker, registration_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ckb/{REGISTER.lstrip('/')}", registration_data)
    assert "کۆدەکەت" in mail.outbox[-1].subject
    assert "کۆدەکەت" in sms.outbox[-1]["body"]


@pytest.fixture
def kirkuk_admin(db):
    return staff_user("administrator", "governorate", governorate=directorate("KIR").governorate)


def test_an_administrator_in_scope_sees_the_pending_claim_in_the_admin(
    client, claimed, kirkuk_admin
):
    client.force_login(kirkuk_admin)
    page = client.get(reverse("accounts_claims")).content.decode()
    assert "Zainab Hassan Ali" in page
    assert "zainab@example.org" in page


def test_approval_by_an_administrator_in_scope_links_the_account(
    client, claimed, kirkuk_admin, registered_worker
):
    client.force_login(kirkuk_admin)
    url = reverse("accounts_claim_decide", args=[claimed.pk])
    assert client.post(url, {"decision": "approve"}).status_code == 302
    registered_worker.refresh_from_db()
    assert registered_worker.user.username == "zainab"
    claimed.refresh_from_db()
    assert (claimed.status, claimed.decided_by) == ("approved", kirkuk_admin)


def test_rejection_leaves_the_record_unchanged(client, claimed, kirkuk_admin, registered_worker):
    client.force_login(kirkuk_admin)
    client.post(reverse("accounts_claim_decide", args=[claimed.pk]), {"decision": "reject"})
    registered_worker.refresh_from_db()
    assert registered_worker.user is None
    assert RecordClaim.objects.get().status == "rejected"


def test_an_administrator_of_another_governorate_neither_sees_nor_approves_the_claim(
    client, claimed, registered_worker
):
    basra_admin = staff_user(
        "administrator", "governorate", governorate=directorate("BAS").governorate
    )
    client.force_login(basra_admin)
    assert "Zainab" not in client.get(reverse("accounts_claims")).content.decode()
    url = reverse("accounts_claim_decide", args=[claimed.pk])
    assert client.post(url, {"decision": "approve"}).status_code == 404
    registered_worker.refresh_from_db()
    assert registered_worker.user is None


def test_an_administrator_cannot_approve_their_own_claim(client, registered_worker):
    admin = staff_user(
        "administrator", "governorate", governorate=registered_worker.facility.governorate
    )
    claim = RecordClaim.objects.create(user=admin, health_worker=registered_worker)
    client.force_login(admin)
    assert "Zainab" not in client.get(reverse("accounts_claims")).content.decode()
    response = client.post(
        reverse("accounts_claim_decide", args=[claim.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404
    registered_worker.refresh_from_db()
    assert registered_worker.user is None


def test_a_trainer_does_not_see_the_claims_page(client, claimed):
    trainer = staff_user("trainer", "governorate", governorate=directorate("KIR").governorate)
    client.force_login(trainer)
    assert client.get(reverse("accounts_claims")).status_code == 404


def test_once_one_claim_holds_the_other_claims_of_the_record_are_rejected(
    client, claimed, registered_worker
):
    code = sent_code()
    second = RecordClaim.objects.create(user=UserFactory(), health_worker=registered_worker)
    client.post(CLAIM, {"code": code})
    second.refresh_from_db()
    assert second.status == "rejected"
