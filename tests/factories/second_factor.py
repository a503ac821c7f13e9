"""Second factors for tests: a confirmed authenticator, and the code it shows."""

import time

from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.second_factor import authenticator_code, recovery_codes_replace


def authenticator_for(user) -> tuple[TOTPDevice, list[str]]:
    """A confirmed authenticator app with its recovery codes, as enrolment leaves them."""
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return device, recovery_codes_replace(user=user)


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the authenticator app shows now (or `steps_ahead` 30-second steps later).

    django-otp refuses a code of a step already used, so a second login in one test asks for the
    next step's code, which the device's tolerance of one step accepts.
    """
    device.refresh_from_db()
    return authenticator_code(device=device, at=time.time() + steps_ahead * device.step)
