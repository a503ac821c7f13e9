"""Checking the first credentials the site gave out, signed with `eddsa-jcs-2022`.

Those credentials named `/verify/key.json#{key id}` as their key (still published) and were signed
over JCS (RFC 8785) of the credential and of the proof options: SHA-256 of each, options first. They
hold only strings, integers and objects, for which sorted keys and compact separators are JCS.
"""

import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from certificates.badges.keys import base58btc_decode, ed25519_from_multibase


def canonical_json(document: dict) -> bytes:
    """JCS for documents of strings, integers, lists and objects."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def credential_verify(credential: dict, *, public_key_multibase: str) -> bool:
    """Check a first-generation credential's eddsa-jcs-2022 proof against a published Multikey."""
    document = {key: value for key, value in credential.items() if key != "proof"}
    proof = dict(credential["proof"])
    proof_value = proof.pop("proofValue")
    options = {**proof, "@context": document["@context"]}
    raw = ed25519_from_multibase(public_key_multibase)
    if raw is None or proof.get("cryptosuite") != "eddsa-jcs-2022":
        return False
    signed = hashlib.sha256(canonical_json(options)).digest()
    signed += hashlib.sha256(canonical_json(document)).digest()
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(base58btc_decode(proof_value[1:]), signed)
    except (InvalidSignature, ValueError):
        return False
    return True
