"""Data Integrity proofs with the W3C `eddsa-rdfc-2022` cryptosuite.

The document without `proof` and the proof options (with the document's `@context`) are each
canonicalised with RDFC-1.0 and hashed with SHA-256; Ed25519 signs the options' hash followed by the
document's, and `proofValue` is the signature in base58btc multibase.
"""

import hashlib
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from certificates import identity
from certificates.badges.contexts import canonical_nquads
from certificates.badges.keys import base58btc, base58btc_decode, verification_method

CRYPTOSUITE = "eddsa-rdfc-2022"


def _hash_data(document: dict, options: dict) -> bytes:
    return (
        hashlib.sha256(canonical_nquads(options).encode()).digest()
        + hashlib.sha256(canonical_nquads(document).encode()).digest()
    )


def proof_add(document: dict, *, created: datetime) -> dict:
    """The document with an embedded eddsa-rdfc-2022 proof by the certificate key."""
    options = {
        "@context": document["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": created.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "verificationMethod": verification_method(),
        "proofPurpose": "assertionMethod",
    }
    signature = identity.signing_key().sign(_hash_data(document, options))
    proof = {key: value for key, value in options.items() if key != "@context"}
    return {**document, "proof": {**proof, "proofValue": "z" + base58btc(signature)}}


def proof_valid(secured: dict, *, public_key: bytes) -> bool:
    """Whether a document's eddsa-rdfc-2022 proof checks against a raw Ed25519 public key."""
    proof = dict(secured.get("proof") or {})
    value = proof.pop("proofValue", "")
    if proof.get("cryptosuite") != CRYPTOSUITE or not value.startswith("z"):
        return False
    document = {key: item for key, item in secured.items() if key != "proof"}
    options = {"@context": document["@context"], **proof}
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            base58btc_decode(value[1:]), _hash_data(document, options)
        )
    except (InvalidSignature, ValueError):
        return False
    return True
