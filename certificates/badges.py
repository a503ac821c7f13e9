"""Open Badges 3.0 credentials (W3C Verifiable Credentials) signed with eddsa-jcs-2022.

The proof follows the W3C Data Integrity EdDSA cryptosuite `eddsa-jcs-2022`: the credential
without `proof` and the proof options are each canonicalised with JCS (RFC 8785; our documents hold
only strings, integers and objects, for which sorted keys and compact separators are JCS), hashed
with SHA-256, and the two hashes (options first) are signed with the certificate key. The key is
published at `/verify/key.json` as a Multikey (`publicKeyMultibase`) and a JWK.
"""

import hashlib
import json

from django.conf import settings
from django.urls import reverse

from certificates import identity
from certificates.models import Certificate

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_MULTICODEC = b"\xed\x01"


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


def canonical_json(document: dict) -> bytes:
    """JCS for documents of strings, integers, lists and objects."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _site(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def key_url() -> str:
    """The verification method: the published key document and the key's id."""
    return _site(reverse("verify:key")) + "#" + identity.key_id()


def public_key_document() -> dict:
    """The published public key, as a Multikey with its JWK and PEM."""
    raw = identity.public_key_bytes()
    return {
        "@context": ["https://w3id.org/security/multikey/v1"],
        "id": key_url(),
        "type": "Multikey",
        "controller": _site("/"),
        "publicKeyMultibase": "z" + base58btc(_ED25519_MULTICODEC + raw),
        "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": identity.b64url(raw)},
        "publicKeyPem": identity.public_key_pem(),
    }


def _hours(value) -> int | str:
    return int(value) if value == int(value) else str(value)


def _proof_hash(document: dict, options: dict) -> bytes:
    return (
        hashlib.sha256(canonical_json(options)).digest()
        + hashlib.sha256(canonical_json(document)).digest()
    )


def certificate_credential(*, certificate: Certificate) -> dict:
    """The certificate as a signed Open Badges 3.0 credential."""
    verify_url = _site(reverse("verify:page", args=[certificate.verification_code]))
    holder = certificate.holder_name_latin or certificate.holder_name_ar
    credential = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title_en,
        "issuer": {
            "id": _site("/"),
            "type": ["Profile"],
            "name": (certificate.template.issuer_en if certificate.template else "")
            or "Ministry of Health",
            "url": _site("/"),
        },
        "validFrom": certificate.issued_at.replace(microsecond=0).isoformat(),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": holder,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": holder,
                }
            ],
            "creditsEarned": _hours(certificate.cme_hours),
            "activityEndDate": certificate.completed_on.isoformat() + "T00:00:00Z",
            "achievement": {
                "id": _site(f"/certificates/achievements/{certificate.course_code}"),
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.course_title_en,
                "description": certificate.course_title_ar
                or certificate.course_title_ckb
                or certificate.course_title_en,
                "criteria": {"narrative": "Attendance and post-test as set by the course."},
                "creditsAvailable": _hours(certificate.cme_hours),
                "fieldOfStudy": "Continuing medical education",
            },
        },
        "credentialStatus": {
            "id": _site(reverse("verify:json", args=[certificate.serial])),
            "type": "CMECertificateStatus",
        },
        "evidence": [{"id": verify_url, "type": ["Evidence"], "name": certificate.serial}],
    }
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": certificate.issued_at.replace(microsecond=0).isoformat(),
        "verificationMethod": key_url(),
        "proofPurpose": "assertionMethod",
        "@context": credential["@context"],
    }
    signature = identity.signing_key().sign(_proof_hash(credential, options))
    proof = {key: value for key, value in options.items() if key != "@context"}
    proof["proofValue"] = "z" + base58btc(signature)
    return {**credential, "proof": proof}


def credential_verify(credential: dict, *, public_key_multibase: str) -> bool:
    """Check a credential's eddsa-jcs-2022 proof against a published Multikey."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    document = {key: value for key, value in credential.items() if key != "proof"}
    proof = dict(credential["proof"])
    proof_value = proof.pop("proofValue")
    options = {**proof, "@context": document["@context"]}
    raw = base58btc_decode(public_key_multibase[1:])
    if not raw.startswith(_ED25519_MULTICODEC):
        return False
    key = Ed25519PublicKey.from_public_bytes(raw[len(_ED25519_MULTICODEC) :])
    try:
        key.verify(base58btc_decode(proof_value[1:]), _proof_hash(document, options))
    except (InvalidSignature, ValueError):
        return False
    return True
