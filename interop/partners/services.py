"""Issuing and revoking partner API keys, and knowing a key by its secret."""

import hashlib
import hmac
import secrets
import uuid

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from interop.models import PartnerKey
from workforce.models import Role
from workforce.services import role_assign

# Recognisable in a leaked log or a secret scanner's rules, and distinct from phones' tokens.
KEY_START = "cmep_"


def key_hash(secret: str) -> str:
    """The SHA-256 of a partner key, as stored."""
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def partner_key_create(
    *, actor, organisation: str, expires_at, level: str, region="", **place
) -> tuple[PartnerKey, str]:
    """A new key for an organisation, read-only over one scope; its secret is returned once.

    The scope is handed out with `role_assign`, so an administrator issues keys only inside a
    scope they administer, exactly as they hand out roles.
    """
    organisation = str(organisation or "").strip()
    if not organisation:
        raise ValidationError({"organisation": _("Name the partner organisation.")})
    if expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("Choose an expiry in the future.")})
    account = get_user_model().objects.create(
        username=f"partner-{uuid.uuid4().hex[:12]}", first_name=organisation[:150]
    )
    account.set_unusable_password()  # the key is its only way in; it never signs in
    account.save(update_fields=["password"])
    role_assign(user=account, actor=actor, role=Role.AUDITOR, level=level, region=region, **place)
    secret = KEY_START + secrets.token_urlsafe(32)
    key = PartnerKey.objects.create(
        organisation=organisation,
        account=account,
        key_prefix=secret[:12],
        key_hash=key_hash(secret),
        expires_at=expires_at,
        created_by=actor,
    )
    return key, secret


def partner_key_revoke(*, key: PartnerKey, actor) -> PartnerKey:
    """Revoke a key: by an administrator whose scope covers the key's."""
    if not PartnerKey.objects.visible_to(actor).filter(pk=key.pk).exists():
        raise PermissionDenied
    if key.revoked_at is None:
        key.revoked_at, key.revoked_by = timezone.now(), actor
        key.save(update_fields=["revoked_at", "revoked_by"])
    return key


def partner_key_for_secret(secret: str) -> PartnerKey | None:
    """The key this secret belongs to (revoked or expired alike), or None."""
    digest = key_hash(str(secret))
    key = PartnerKey.objects.select_related("account").filter(key_hash=digest).first()
    if key is None or not hmac.compare_digest(key.key_hash, digest):
        return None
    return key


def partner_key_used(*, key: PartnerKey) -> None:
    """Note that the key has just been used."""
    key.last_used_at = timezone.now()
    PartnerKey.objects.filter(pk=key.pk).update(last_used_at=key.last_used_at)
