"""Writes about accounts: self-registration of health workers and the profile they keep."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.claims import claimable_record, record_claim_open
from accounts.models import AccountPreferences
from core.digits import typed_identifier, typed_phone
from workforce.models import Cadre, Facility, HealthWorker
from workforce.selectors import identifier_q
from workforce.services import health_worker_create

# A new registration with a number the registry already holds is refused without saying whose.
IDENTIFIER_TAKEN = _(
    "These details cannot be used for a new registration. If you are already in the registry, "
    "choose “I am already in the registry”, or ask your training coordinator."
)
_PHONE = re.compile(r"^\+?[0-9]{7,15}$")


def identifier_clean(value: str) -> str:
    """A licence number or national ID as stored: ASCII digits, no spaces (see core.digits)."""
    return typed_identifier(value or "")


def phone_clean(value: str) -> str:
    """A phone number with ASCII digits and no spaces or dashes; raises on anything else."""
    phone = typed_phone(value or "")
    if phone and not _PHONE.match(phone):
        raise ValidationError(
            _("Enter a phone number of 7 to 15 digits, for example 0770 123 4567."), code="phone"
        )
    return phone


def _user_create(*, username: str, password: str, email: str, language: str):
    user = get_user_model()(username=username, email=email)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    AccountPreferences.objects.create(user=user, language=language)
    return user


@transaction.atomic
def account_register_existing(
    *,
    identifier: str,
    name: str,
    username: str,
    password: str,
    email: str = "",
    phone: str = "",
    language: str = "",
):
    """Create an account and, when the details match a record with no account, open a claim of it.

    The record is found by its licence number or national ID and the name in either script
    (compared in normalised form); it is linked only once the claim is proved (see `claims`).
    The account and the answer are the same whether or not anything matched.
    """
    user = _user_create(username=username, password=password, email=email, language=language)
    record = claimable_record(identifier=identifier_clean(identifier), name=name)
    if record is not None:
        record_claim_open(user=user, record=record, email=email, phone=phone, language=language)
    return user


@transaction.atomic
def account_register_new(
    *,
    name_ar: str,
    name_latin: str,
    cadre: Cadre,
    facility: Facility,
    username: str,
    password: str,
    licence_number: str = "",
    national_id: str = "",
    phone: str = "",
    email: str = "",
    language: str = "",
):
    """Create an account and a new registry record for a health worker not yet in the registry."""
    licence_number = identifier_clean(licence_number) or None
    national_id = identifier_clean(national_id) or None
    numbers = [n for n in (licence_number, national_id) if n]
    taken = Q(licence_number__in=numbers) | Q(national_id__in=numbers)
    for number in numbers:  # a merged record's number still belongs to its person
        taken |= identifier_q(number)
    if numbers and HealthWorker.objects.filter(taken).exists():
        raise ValidationError(IDENTIFIER_TAKEN, code="identifier_taken")
    user = _user_create(username=username, password=password, email=email, language=language)
    health_worker_create(
        name_ar=name_ar.strip(),
        name_latin=name_latin.strip(),
        cadre=cadre,
        facility=facility,
        licence_number=licence_number,
        national_id=national_id,
        phone=phone,
        email=email,
        user=user,
        is_verified=False,  # nobody has checked a self-registration yet
    )
    return user


@transaction.atomic
def profile_update(
    *,
    user,
    email: str,
    phone: str,
    language: str,
    notices_by_email: bool | None = None,
    notices_by_sms: bool | None = None,
) -> None:
    """Save what a person may change about themselves: contacts, language, notice channels."""
    user.email = email
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email"])
    channels = {"notices_by_email": notices_by_email, "notices_by_sms": notices_by_sms}
    AccountPreferences.objects.update_or_create(
        user=user,
        defaults={"language": language}
        | {name: value for name, value in channels.items() if value is not None},
    )
    worker = HealthWorker.objects.filter(user=user).first()
    if worker is not None:
        worker.email = email
        worker.phone = phone
        worker.full_clean()
        worker.save()
