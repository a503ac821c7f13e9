"""The issuer's identity as verifiers find it: `did:web` of the site and its Multikey.

`did:web:{host}` (a port written `%3A`, a path under the host as `:`-separated segments) resolves to
`https://{host}/.well-known/did.json` (or `https://{host}/{path}/did.json`); the document lists the
certificate key (identity.signing_key) as a Multikey under `assertionMethod`.
"""

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.urls import reverse

from certificates import identity

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_MULTICODEC = b"\xed\x01"
KEY_FRAGMENT = "key-1"


def base58btc(data: bytes) -> str:
    """Base58 (Bitcoin alphabet), as multibase wants after its `z` prefix."""
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = _BASE58[remainder] + encoded
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + encoded


def base58btc_decode(text: str) -> bytes:
    """Inverse of base58btc."""
    number = 0
    for char in text:
        number = number * 58 + _BASE58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def public_key_multibase() -> str:
    """The certificate key as a Multikey's `publicKeyMultibase` (z6Mk...)."""
    return "z" + base58btc(_ED25519_MULTICODEC + identity.public_key_bytes())


def ed25519_from_multibase(value: str) -> bytes | None:
    """The raw Ed25519 key in a `z6Mk...` multibase value, or None when it is not one."""
    raw = base58btc_decode(value[1:]) if value.startswith("z") else b""
    return raw[2:] if raw.startswith(_ED25519_MULTICODEC) and len(raw) == 34 else None


def site_url(path: str) -> str:
    """An absolute URL of the site (SITE_URL) for a path."""
    return settings.SITE_URL.rstrip("/") + path


def issuer_did() -> str:
    """The site's `did:web`, derived from SITE_URL."""
    parts = urlsplit(settings.SITE_URL)
    segments = [quote(segment, safe="") for segment in parts.path.split("/") if segment]
    return ":".join(["did:web", quote(parts.netloc.lower(), safe=""), *segments])


def verification_method() -> str:
    """The id of the signing key in the DID document."""
    return f"{issuer_did()}#{KEY_FRAGMENT}"


def did_document() -> dict:
    """The DID document served at /.well-known/did.json."""
    did = issuer_did()
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [
            {
                "id": verification_method(),
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": public_key_multibase(),
            }
        ],
        "assertionMethod": [verification_method()],
        "authentication": [verification_method()],
    }


def key_url() -> str:
    """The key of the first credentials (eddsa-jcs-2022): the published key document."""
    return site_url(reverse("verify:key")) + "#" + identity.key_id()


def public_key_document() -> dict:
    """The published public key, as a Multikey with its JWK and PEM."""
    raw = identity.public_key_bytes()
    return {
        "@context": ["https://w3id.org/security/multikey/v1"],
        "id": key_url(),
        "type": "Multikey",
        "controller": site_url("/"),
        "publicKeyMultibase": public_key_multibase(),
        "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": identity.b64url(raw)},
        "publicKeyPem": identity.public_key_pem(),
    }
