"""The DHIS2 token at rest: encrypted with a key derived from SECRET_KEY (Fernet, AES + HMAC).

A copy of the database alone does not give the token away; whoever holds both the database and
SECRET_KEY does. A changed SECRET_KEY leaves stored tokens unreadable: re-enter them.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

from django.conf import settings

PURPOSE = b"cme.interop.dhis2-token"


def _fernet() -> Fernet:
    key = hashlib.sha256(PURPOSE + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def token_seal(token: str) -> str:
    """The token encrypted for storage."""
    return _fernet().encrypt(token.encode()).decode()


def token_open(sealed: str) -> str:
    """The stored token in clear, or "" when it cannot be read (none, or another SECRET_KEY)."""
    if not sealed:
        return ""
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken:
        return ""
