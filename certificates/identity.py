"""Identity of a certificate: serial, verification code, and the Ed25519 signature over its facts.

The signature (Ed25519) is over the UTF-8 bytes of `cme-certificate-v1|{code}|{facts}`, where
`facts` is `serial|holder|course code|CME hours|completed on`, then `|valid until` for a
certificate that expires.

The QR code carries a reference to the facts and their signature, never the facts themselves, so
its size does not grow with the holder's name (docs/certificates.md, "The QR payload"):

    {SITE_URL, scheme and host in capitals}/V/{code}/{signature as 155 decimal digits}

Everything before the digits is in QR's alphanumeric set and the digits are in its numeric mode
(3.3 bits a digit): the whole payload fits a version 5 code at level L for a short site address.
Codes printed before it carried the facts in the query (`/verify/{code}/?f={facts}&s={base64url}`);
those still verify.
"""

import base64
import hashlib
import os
import secrets
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SIGNED_PREFIX = "cme-certificate-v1"
CODE_BYTES = 15  # 120 random bits, 24 base32 characters
SIGNATURE_BYTES = 64
SIGNATURE_DIGITS = 155  # 2**512 has 155 decimal digits
QR_PATH = "V"
_BASE32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def b64url(data: bytes) -> str:
    """Base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _load_key(value: str) -> Ed25519PrivateKey:
    value = value.strip()
    if value.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(value.encode(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured("CERTIFICATE_SIGNING_KEY is not an Ed25519 key.")
        return key
    return Ed25519PrivateKey.from_private_bytes(b64url_decode(value))


def _development_key(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        seed = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(b64url(seed) + "\n")
    return _load_key(path.read_text())


@lru_cache(maxsize=1)
def signing_key() -> Ed25519PrivateKey:
    """The ministry's signing key: from CERTIFICATE_SIGNING_KEY, else a development key in var/."""
    if settings.CERTIFICATE_SIGNING_KEY:
        return _load_key(settings.CERTIFICATE_SIGNING_KEY)
    return _development_key(Path(settings.VAR_DIR) / "certificate-signing-key")


def public_key() -> Ed25519PublicKey:
    """The public half of the signing key."""
    return signing_key().public_key()


def public_key_bytes() -> bytes:
    """The raw 32-byte public key."""
    return public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id() -> str:
    """A short, stable name for the current public key."""
    return hashlib.sha256(public_key_bytes()).hexdigest()[:16]


def public_key_pem() -> str:
    """The public key as PEM (SubjectPublicKeyInfo)."""
    return (
        public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def new_verification_code() -> str:
    """A fresh verification code of 120 random bits in unambiguous upper-case base32."""
    return base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii")


def looks_like_code(key: str) -> bool:
    """Whether a looked-up key has the shape of a verification code (never that of a serial)."""
    return len(key) == CODE_BYTES * 8 // 5 and all(c in _BASE32 for c in key)


def serial_format(*, governorate_code: str, year: int, number: int) -> str:
    """The printed serial, e.g. CME-BGD-2026-000123."""
    return f"CME-{governorate_code.upper()}-{year}-{number:06d}"


def facts_text(
    *,
    serial: str,
    holder: str,
    course_code: str,
    cme_hours: str,
    completed_on: str,
    valid_until: str = "",
) -> str:
    """The canonical facts carried in the QR code (a `|` in a value becomes `/`).

    A certificate that expires adds its last valid day, so the signature covers it; one that
    never expires keeps the five facts, and certificates signed before renewals still check.
    """
    values = (serial, holder, course_code, cme_hours, completed_on)
    if valid_until:
        values = (*values, valid_until)
    return "|".join(value.replace("|", "/") for value in values)


def signed_message(*, code: str, facts: str) -> bytes:
    """The exact bytes that are signed."""
    return f"{SIGNED_PREFIX}|{code}|{facts}".encode()


def sign(message: bytes) -> str:
    """An Ed25519 signature, base64url."""
    return b64url(signing_key().sign(message))


def signature_valid(message: bytes, signature: str, *, key: Ed25519PublicKey | None = None) -> bool:
    """Whether a base64url Ed25519 signature over `message` checks against the (published) key."""
    try:
        (key or public_key()).verify(b64url_decode(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def verification_url(*, code: str, facts: str, signature: str) -> str:
    """The URL the QR codes of certificates issued before the compact payload carried."""
    query = urlencode({"f": facts, "s": signature}, quote_via=quote, safe="|")
    return f"{settings.SITE_URL.rstrip('/')}/verify/{code}/?{query}"


def signature_digits(signature: str) -> str:
    """A base64url signature as 155 decimal digits (QR's numeric mode packs them densest)."""
    return str(int.from_bytes(b64url_decode(signature), "big")).zfill(SIGNATURE_DIGITS)


def signature_from_digits(digits: str) -> str | None:
    """The base64url signature written as decimal digits, or None when they cannot be one."""
    if len(digits) != SIGNATURE_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    number = int(digits)
    if number.bit_length() > SIGNATURE_BYTES * 8:
        return None
    return b64url(number.to_bytes(SIGNATURE_BYTES, "big"))


def qr_site() -> str:
    """SITE_URL with its scheme and host in capitals (both case-insensitive), for QR's
    alphanumeric mode; a path under the host is kept as written."""
    parts = urlsplit(settings.SITE_URL.rstrip("/"))
    return f"{parts.scheme.upper()}://{parts.netloc.upper()}{parts.path}"


def qr_payload(*, code: str, signature: str) -> str:
    """What the certificate's QR code says: the page that verifies it, with its signature."""
    return f"{qr_site()}/{QR_PATH}/{code}/{signature_digits(signature)}"
