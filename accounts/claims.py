"""Claiming a registry record: a new account is linked to an existing worker only on proof.

A licence number and a name are printed on every sign-in sheet, so knowing them proves nothing.
The claim waits until the claimant types the one-time code sent to the email or phone already on
the record, or an administrator whose scope holds the worker approves it; nothing on the record
changes before. Registration answers the same whether or not the number exists.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import RecordClaim
from core.http import rate_limit_hit
from core.sms import sms_send
from workforce.matching import Typed, name_rank
from workforce.models import ADMINISTERING_ROLES, HealthWorker
from workforce.selectors import identifier_q

CODE_DIGITS = 8
ADMINISTRATOR_ROLES = ADMINISTERING_ROLES


class ClaimOutcome:
    LINKED = "linked"
    WRONG = "wrong"
    LOCKED = "locked"


def claimable_record(*, identifier: str, name: str) -> HealthWorker | None:
    """The record with this licence number or national ID and this name, if it has no account."""
    if not identifier:
        return None
    record = (
        HealthWorker.objects.filter(identifier_q(identifier), merged_into__isnull=True)
        .filter(user__isnull=True)
        .first()
    )
    if record is None:
        return None
    # The registry's matching: the name in either script, or its Sorani or Arabic spelling.
    keys = (record.name_key, record.name_latin_key)
    typed = Typed.of(name)
    if name_rank(typed, keys=keys, skeleton=record.name_skeleton, whole=True) is None:
        return None
    return record


def record_claim_open(
    *, user, record: HealthWorker, email: str, phone: str, language: str
) -> RecordClaim:
    """Open a claim of `record` for `user` and send the code to the contacts on the record."""
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    claim = RecordClaim.objects.create(
        user=user,
        health_worker=record,
        code_hash=make_password(code),
        code_expires_at=timezone.now()
        + datetime.timedelta(minutes=settings.RECORD_CLAIM_CODE_MINUTES),
        email=email,
        phone=phone,
    )
    contacts = {"email": record.email, "phone": record.phone}
    transaction.on_commit(lambda: _code_send(code=code, language=language, **contacts))
    return claim


def _code_send(*, code: str, email: str, phone: str, language: str) -> None:
    with translation.override(language or settings.LANGUAGE_CODE):
        minutes = settings.RECORD_CLAIM_CODE_MINUTES
        text = _(
            "Your code to link your account to your health-worker record is %(code)s. It expires "
            "in %(minutes)s minutes. If you did not ask for it, ignore this message and tell "
            "your training coordinator."
        ) % {"code": code, "minutes": minutes}
        if email:
            body = render_to_string("accounts/email/claim_code.txt", {"text": text})
            send_mail(_("Your code for the CME tracker"), body, None, [email])
        if phone:
            sms_send(to=phone, body=text)


def record_claim_pending(*, user) -> RecordClaim | None:
    """The user's claim that still waits for its code or an administrator."""
    return RecordClaim.objects.filter(user=user, status=RecordClaim.Status.PENDING).first()


def record_claim_confirm(*, user, code: str) -> str:
    """Link the record if `code` is the claim's code; every failure looks the same to the user.

    Wrong codes are counted on the claim and, for every account, in the rate limiter: after
    RECORD_CLAIM_CODE_ATTEMPTS the code no longer works and only an administrator can approve.
    """
    limit = settings.RECORD_CLAIM_CODE_ATTEMPTS
    if rate_limit_hit(
        bucket="claim-code",
        subject=str(user.pk),
        limit=limit,
        window=settings.RECORD_CLAIM_CODE_MINUTES * 60,
    ):
        return ClaimOutcome.LOCKED
    with transaction.atomic():
        claim = (
            RecordClaim.objects.select_for_update()
            .filter(user=user, status=RecordClaim.Status.PENDING)
            .first()
        )
        if claim is None:
            return ClaimOutcome.WRONG
        if claim.code_attempts >= limit:
            return ClaimOutcome.LOCKED
        fresh = claim.code_expires_at and claim.code_expires_at > timezone.now()
        if not fresh or not check_password(code.strip(), claim.code_hash):
            claim.code_attempts += 1
            claim.save(update_fields=["code_attempts"])
            return ClaimOutcome.LOCKED if claim.code_attempts >= limit else ClaimOutcome.WRONG
        if _link(claim, RecordClaim.Status.CONFIRMED):
            return ClaimOutcome.LINKED
        claim.status = RecordClaim.Status.REJECTED  # the record was linked to someone else
        claim.save(update_fields=["status"])
        return ClaimOutcome.WRONG


def record_claims_for_review(*, user):
    """Pending claims of workers in the administrator's scope, never the administrator's own."""
    records = HealthWorker.objects.visible_to(user, roles=ADMINISTRATOR_ROLES)
    return (
        RecordClaim.objects.filter(status=RecordClaim.Status.PENDING, health_worker__in=records)
        .exclude(user=user)
        .select_related("user", "health_worker__facility")
        .order_by("created_at")
    )


@transaction.atomic
def record_claim_decide(*, claim_id: int, approve: bool, user) -> RecordClaim:
    """An administrator in scope approves (links the account) or rejects a pending claim."""
    # Out of scope, already decided, or the administrator's own claim: refused alike.
    if not record_claims_for_review(user=user).filter(pk=claim_id).exists():
        raise PermissionDenied
    claim = RecordClaim.objects.select_for_update().get(pk=claim_id)
    claim.decided_by, claim.decided_at = user, timezone.now()
    if approve and _link(claim, RecordClaim.Status.APPROVED):
        return claim
    claim.status = RecordClaim.Status.REJECTED
    claim.save(update_fields=["status", "decided_by", "decided_at"])
    return claim


def _link(claim: RecordClaim, status: str) -> bool:
    """Link the claim's account to its record if the record is still free; the typed contact
    details go on the record only now."""
    linked = HealthWorker.objects.filter(pk=claim.health_worker_id, user__isnull=True).update(
        user=claim.user
    )
    if not linked:
        return False
    record = HealthWorker.objects.get(pk=claim.health_worker_id)
    for field in ("email", "phone"):
        if getattr(claim, field):
            setattr(record, field, getattr(claim, field))
    record.full_clean()
    record.save()
    claim.status = status
    claim.code_hash = ""
    claim.save(update_fields=["status", "code_hash", "decided_by", "decided_at"])
    # Other people's claims of the same record can no longer succeed.
    RecordClaim.objects.filter(
        health_worker_id=claim.health_worker_id, status=RecordClaim.Status.PENDING
    ).exclude(pk=claim.pk).update(status=RecordClaim.Status.REJECTED)
    return True
