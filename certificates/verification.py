"""What the public verification answers, and to whom it shows the holder's name.

A serial is printed on the certificate and counts up, so anyone can walk through serials: a serial
alone tells only the status, the course and the dates. The holder's name is shown only to someone
who proves they hold the certificate or know its holder: the random verification code (in the QR
code and the email), the signed facts of the QR code, or the serial with the holder's family name.
"""

import re

from django.utils.translation import get_language

from certificates import identity
from certificates.models import Certificate
from workforce.names import name_normalise

# Serials in one block of a thousand (CME-KIR-2026-000xxx) share a rate limit, so many addresses
# together still cannot walk through a range.
SERIAL_BLOCK_DIGITS = 3
_CODE = re.compile(r"^[A-Z2-7]{24}$")


def signature_check(*, certificate: Certificate | None, facts: str, signature: str) -> bool | None:
    """Whether the signed facts of a QR code check out (None when none were given)."""
    if not facts or not signature:
        return None
    code = certificate.verification_code if certificate else ""
    message = identity.signed_message(code=code, facts=facts)
    return bool(certificate) and identity.signature_valid(message, signature)


def family_name_matches(*, certificate: Certificate, family_name: str) -> bool:
    """Whether the words typed end the holder's name in either script (normalised, so that
    hamza, ta marbuta, alef maqsura, Kurdish letters, harakat and case do not matter)."""
    typed = name_normalise(family_name).split()
    if not typed:
        return False
    for name in (certificate.holder_name_ar, certificate.holder_name_latin):
        words = name_normalise(name).split()
        if len(words) >= len(typed) and words[-len(typed) :] == typed:
            return True
    return False


def rate_subject(key: str) -> str | None:
    """The serial block a looked-up key falls in, or None for a verification code."""
    key = key.strip().upper()
    if _CODE.match(key):
        return None
    return key[:-SERIAL_BLOCK_DIGITS] if len(key) > SERIAL_BLOCK_DIGITS else key


def verification_result(
    *,
    certificate: Certificate | None,
    key: str,
    signature_ok: bool | None,
    family_name: str = "",
) -> dict:
    """The facts the verification page and JSON give; the holder only with a proof.

    Every answer has the same keys: a wrong family name gives exactly what no family name gives.
    """
    result = {
        "status": "invalid",
        "serial": None,
        "holder_shown": False,
        "holder": None,
        "holder_name_latin": None,
        "holder_name_arabic": None,
        "course": None,
        "course_code": None,
        "cme_hours": None,
        "completed_on": None,
        "issued_on": None,
        "reason": "",
        "superseded_by": None,
        "signature_valid": signature_ok,
    }
    if certificate is None:
        return result
    language = (get_language() or "en").split("-")[0]
    result.update(
        status=certificate.status,
        serial=certificate.serial,
        course=getattr(certificate, f"course_title_{language}", "") or certificate.course_title_en,
        course_code=certificate.course_code,
        cme_hours=f"{certificate.cme_hours:.1f}",
        completed_on=certificate.completed_on.isoformat(),
        issued_on=certificate.issued_at.date().isoformat(),
        reason=certificate.status_reason if certificate.status != "valid" else "",
        superseded_by=certificate.superseded_by.serial if certificate.superseded_by else None,
    )
    proven = (
        key.strip().upper() == certificate.verification_code
        or signature_ok is True
        or family_name_matches(certificate=certificate, family_name=family_name)
    )
    if proven:
        holder = certificate.holder_name_latin
        if language != "en" and certificate.holder_name_ar:
            holder = certificate.holder_name_ar
        result.update(
            holder_shown=True,
            holder=holder,
            holder_name_latin=certificate.holder_name_latin,
            holder_name_arabic=certificate.holder_name_ar,
        )
    return result
