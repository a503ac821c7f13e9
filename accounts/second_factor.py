"""Second factors: an authenticator app (TOTP) with one-time recovery codes, through django-otp.

Auditors, reviewers, administrators and superusers must have one (`OTP_REQUIRED_ROLES`); anyone
else may turn one on. Every TOTP device comes with a static device of recovery codes.
"""

from base64 import b32encode

import segno
from django_otp import devices_for_user, verify_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.db import transaction

from core.digits import typed_identifier
from workforce.models import RoleAssignment

AUTHENTICATOR = "authenticator"
RECOVERY = "recovery codes"


def second_factor_required(*, user) -> bool:
    """Whether this account may only be used after a second factor: superusers and staff roles."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or RoleAssignment.objects.filter(user=user, role__in=settings.OTP_REQUIRED_ROLES).exists()
    )


def second_factor_enabled(*, user) -> bool:
    """Whether the account has a confirmed second factor (an authenticator or recovery codes)."""
    return any(True for _device in devices_for_user(user, confirmed=True))


def authenticator_pending(*, user) -> TOTPDevice:
    """The authenticator being set up (not yet confirmed); a new secret if there is none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)
    return device


def authenticator_secret(*, device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def authenticator_qr_svg(*, device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code, drawn here (the secret never leaves)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def authenticator_code(*, device: TOTPDevice, at: float | None = None) -> str:
    """The code the app shows at a moment (now by default): for development and tests only."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        totp.time = at
    return f"{totp.token():0{device.digits}d}"


def token_clean(value: str) -> str:
    """A typed code as the devices store it: ASCII digits, lower case, no spaces or dashes."""
    return typed_identifier(value or "").lower().replace("-", "")


def recovery_codes_replace(*, user) -> list[str]:
    """Replace the account's recovery codes with RECOVERY_CODE_COUNT new ones; returns them."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(settings.RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def authenticator_confirm(*, user, token: str) -> list[str] | None:
    """Confirm the pending authenticator with a code from the app; returns new recovery codes.

    None when the code is wrong. Any earlier authenticator is replaced: one app per account.
    """
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token_clean(token)):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_replace(user=user)


def second_factor_verify(*, user, token: str):
    """The device that accepts this code (authenticator first, then a recovery code), or None.

    Each device's own throttle (django-otp) applies; a recovery code works once.
    """
    token = token_clean(token)
    if not token:
        return None
    for device in devices_for_user(user, confirmed=True):
        if verify_token(user, device.persistent_id, token) is not None:
            return device
    return None


@transaction.atomic
def second_factor_remove(*, user) -> None:
    """Remove every second factor of the account (only offered where none is required)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
