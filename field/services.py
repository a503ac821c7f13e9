"""Enrolling a trainer's phone with a one-time code, revoking it, and knowing it by its token."""

import datetime
import hashlib
import hmac
import secrets

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Workshop
from field.models import Device, DeviceEnrolment
from workforce.models import TRAINING_ROLES

CODE_LIFETIME = datetime.timedelta(minutes=10)
SALT = "field.enrolment"


def token_hash(token: str) -> str:
    """The SHA-256 of a device token, as stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def may_enrol(user) -> bool:
    """Whether the user marks attendance: a training role, or a workshop they train."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.role_assignments.filter(role__in=TRAINING_ROLES).exists():
        return True
    return Workshop.objects.manageable_by(user).exists()


def enrolment_code_create(*, user) -> str:
    """A signed one-time code the trainer's phone exchanges for a device token within minutes."""
    if not may_enrol(user):
        raise PermissionDenied
    nonce = secrets.token_hex(8)
    DeviceEnrolment.objects.create(
        nonce=nonce, user=user, expires_at=timezone.now() + CODE_LIFETIME
    )
    return signing.TimestampSigner(salt=SALT).sign(nonce)


def device_enrol(*, code: str, name: str) -> tuple[Device, str]:
    """Exchange an enrolment code for a new device and its token (shown this once only)."""
    try:
        nonce = signing.TimestampSigner(salt=SALT).unsign(str(code).strip(), max_age=CODE_LIFETIME)
    except signing.SignatureExpired:
        raise ValidationError(_("This enrolment code has expired: show a new one.")) from None
    except signing.BadSignature:
        raise ValidationError(_("This is not an enrolment code.")) from None
    name = str(name or "").strip()[:80] or _("Phone")
    with transaction.atomic():
        enrolment = DeviceEnrolment.objects.select_for_update().filter(nonce=nonce).first()
        if enrolment is None:
            raise ValidationError(_("This is not an enrolment code."))
        if enrolment.used_at is not None:
            raise ValidationError(_("This enrolment code was already used: show a new one."))
        if enrolment.expires_at <= timezone.now():
            raise ValidationError(_("This enrolment code has expired: show a new one."))
        token = secrets.token_urlsafe(32)
        device = Device.objects.create(
            user=enrolment.user, name=name, token_prefix=token[:8], token_hash=token_hash(token)
        )
        enrolment.used_at, enrolment.device = timezone.now(), device
        enrolment.save(update_fields=["used_at", "device"])
    return device, token


def may_revoke(*, device: Device, user) -> bool:
    """The phone's trainer, a superuser, or an administrator whose scope covers the trainer."""
    return Device.objects.visible_to(user).filter(pk=device.pk).exists()


def device_revoke(*, device: Device, user) -> Device:
    """Revoke a device: by its trainer, or by an administrator whose scope covers the trainer."""
    if not may_revoke(device=device, user=user):
        raise PermissionDenied
    if device.revoked_at is None:
        device.revoked_at, device.revoked_by = timezone.now(), user
        device.save(update_fields=["revoked_at", "revoked_by"])
    return device


def device_for_token(token: str) -> Device | None:
    """The device this token belongs to (revoked or not), or None."""
    digest = token_hash(str(token))
    device = Device.objects.select_related("user").filter(token_hash=digest).first()
    # The lookup is by hash already; compare again in constant time for good measure.
    if device is None or not hmac.compare_digest(device.token_hash, digest):
        return None
    return device


def device_seen(*, device: Device) -> None:
    """Note that the device has just been heard from."""
    device.last_seen_at = timezone.now()
    Device.objects.filter(pk=device.pk).update(last_seen_at=device.last_seen_at)
