"""Demo steps for accounts (see demo/build.py): the worker's language, the staff's 2nd factors."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model

from accounts.models import AccountPreferences
from accounts.second_factor import (
    authenticator_secret,
    recovery_codes_replace,
    second_factor_required,
)


def seed_preferred_languages(*, rng, report) -> None:
    """`worker.kirkuk` (made by the workforce step) prefers Arabic: logging in opens /ar/."""
    user = get_user_model().objects.filter(username="worker.kirkuk").first()
    if user is not None:
        AccountPreferences.objects.update_or_create(user=user, defaults={"language": "ar"})


def seed_second_factors(*, rng, report) -> None:
    """Every demo login whose role needs two-step login gets an authenticator with a new secret.

    The demo obeys the same rule as production; the secrets (random, not derived from the demo's
    seed) go into the report for seed_demo to print, and `manage.py otp_code` shows the current
    code in development. A login that already has an authenticator keeps it.
    """
    report["second_factors"] = []
    for username, _description in report["logins"]:
        user = get_user_model().objects.get(username=username)
        if not second_factor_required(user=user):
            continue
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
            recovery_codes_replace(user=user)
        report["second_factors"].append((username, authenticator_secret(device=device)))
