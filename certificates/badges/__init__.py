"""Open Badges 3.0 credentials: the credential, its issuer's did:web, its status list, its proof."""

from certificates.badges.credential import certificate_credential
from certificates.badges.keys import did_document, public_key_document
from certificates.badges.legacy import credential_verify
from certificates.badges.status import status_list_credential

__all__ = [
    "certificate_credential",
    "credential_verify",
    "did_document",
    "public_key_document",
    "status_list_credential",
]
