"""What the public verification answers, and to whom it shows the holder's name.

A serial is printed on the certificate and counts up, so anyone can walk through serials: a serial
alone tells only the status, the course and the dates. The holder's name is shown only to someone
who proves they hold the certificate or know its holder: the random verification code (in the QR
code and the email), the signed facts of the QR code, or the serial with the holder's family name.
"""

import re

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from certificates import identity
from certificates.answers import remembered_answer, remembered_answer_keys
from certificates.holder import LATIN_NAME_LANGUAGE, ShownName, holder_names
from certificates.models import Certificate
from certificates.provider_marks import providers_shown
from certificates.selectors import certificate_lookup
from core.http import RateLimit, rate_limits_hit_reading
from workforce.names import name_normalise

# Serials in one block of a thousand (CME-KIR-2026-000xxx) share a rate limit, so many addresses
# together still cannot walk through a range.
SERIAL_BLOCK_DIGITS = 3
_CODE = re.compile(r"^[A-Z2-7]{24}$")


def signature_check(*, certificate: Certificate | None, facts: str, signature: str) -> bool | None:
    """Whether a QR code's signature checks out (None when it carried none).

    A QR code carries only the signature and the certificate's code: the signature is checked
    over the facts the certificate holds, so facts changed since it was printed do not match.
    Codes printed before carried the facts too (`facts`); those are checked as they were.
    """
    if not signature:
        return None
    if certificate is None:
        return False
    if not facts:
        from certificates.services import certificate_facts_text

        facts = certificate_facts_text(certificate=certificate)
    message = identity.signed_message(code=certificate.verification_code, facts=facts)
    return identity.signature_valid(message, signature)


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


def _verification_limits(*, address: str, key: str) -> list[RateLimit]:
    """CERTIFICATE_VERIFY_RATE look-ups a minute for the client address, and
    CERTIFICATE_VERIFY_BLOCK_RATE a minute for the key's block of serials (any address)."""
    limits = [RateLimit("verify-address", address, settings.CERTIFICATE_VERIFY_RATE, 60)]
    block = rate_subject(key)
    if block is not None:
        limits.append(
            RateLimit("verify-serial-block", block, settings.CERTIFICATE_VERIFY_BLOCK_RATE, 60)
        )
    return limits


def verification_look_up(
    *, address: str, key: str, facts: str = "", signature: str = "", family_name: str = ""
) -> tuple[bool, dict] | None:
    """The look-up of a verification page or JSON: None past the rates, else `verification_answer`.

    The rate counters and the remembered answer travel in one round trip to the cache: this is
    the site's busiest address (docs/benchmarks.md).
    """
    remembered = not (facts or signature or family_name)
    keys = remembered_answer_keys(key=key, language=_answer_language()) if remembered else []
    exceeded, prefetched = rate_limits_hit_reading(
        _verification_limits(address=address, key=key), keys
    )
    if exceeded:
        return None
    return verification_answer(
        key=key,
        facts=facts,
        signature=signature,
        family_name=family_name,
        prefetched=prefetched if keys else None,
    )


def _answer_language() -> str:
    """What a remembered answer is kept under: the language, and the day (a certificate whose
    last valid day was yesterday answers "expired" today)."""
    language = (get_language() or "en").split("-")[0]
    return f"{language}:{timezone.localdate().isoformat()}"


def verification_answer(
    *,
    key: str,
    facts: str = "",
    signature: str = "",
    family_name: str = "",
    prefetched: dict | None = None,
) -> tuple[bool, dict]:
    """Whether a key finds a certificate, and what the verification page and JSON say of it."""

    def answer() -> tuple[bool, dict]:
        certificate = certificate_lookup(serial_or_code=key)
        signature_ok = signature_check(certificate=certificate, facts=facts, signature=signature)
        result = verification_result(
            certificate=certificate,
            key=key,
            signature_ok=signature_ok,
            family_name=family_name[:200],
        )
        return certificate is not None, result

    if facts or signature or family_name:
        return answer()  # checked on every request: only the key's own answer is kept
    return remembered_answer(
        key=key, language=_answer_language(), compute=answer, prefetched=prefetched
    )


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
    A valid certificate past its last valid day answers "expired": genuine, but no longer valid.
    """
    result = {
        "status": "invalid",
        "serial": None,
        "holder_shown": False,
        "holder": None,
        "holder_lang": None,
        "holder_dir": None,
        "holder_name_latin": None,
        "holder_name_arabic": None,
        "course": None,
        "course_code": None,
        "cme_hours": None,
        "completed_on": None,
        "valid_until": None,
        "issued_on": None,
        "reason": "",
        "superseded_by": None,
        "signature_valid": signature_ok,
        "providers": [],
    }
    if certificate is None:
        return result
    language = (get_language() or "en").split("-")[0]
    expired = certificate.expired_on(timezone.localdate())
    result.update(
        status="expired" if expired else certificate.status,
        serial=certificate.serial,
        course=getattr(certificate, f"course_title_{language}", "") or certificate.course_title_en,
        course_code=certificate.course_code,
        cme_hours=f"{certificate.cme_hours:.1f}",
        completed_on=certificate.completed_on.isoformat(),
        valid_until=certificate.valid_until.isoformat() if certificate.valid_until else None,
        issued_on=certificate.issued_at.date().isoformat(),
        reason=certificate.status_reason if certificate.status != "valid" else "",
        superseded_by=certificate.superseded_by.serial if certificate.superseded_by else None,
        providers=providers_shown(snapshot=certificate.providers, language=language),
    )
    proven = (
        key.strip().upper() == certificate.verification_code
        or signature_ok is True
        or family_name_matches(certificate=certificate, family_name=family_name)
    )
    if proven:
        names = holder_names(
            latin=certificate.holder_name_latin,
            arabic=certificate.holder_name_ar,
            language=language,
        )
        shown = names[0] if names else ShownName("", LATIN_NAME_LANGUAGE, "ltr")
        result.update(
            holder_shown=True,
            holder=shown.text,
            holder_lang=shown.language,
            holder_dir=shown.direction,
            holder_name_latin=certificate.holder_name_latin,
            holder_name_arabic=certificate.holder_name_ar,
        )
    return result
